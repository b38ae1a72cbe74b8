import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

export default defineConfig(
  latchPackage(['src/index.ts'], {
    // The shared recipe's Rollup tree-shaking pass drops module-level
    // directives, 'use client' included (and a `banner` with it). esbuild alone
    // keeps the entry's directive, which React Server Components frameworks need
    // to treat every export as client-side. Nothing is lost: esbuild bundles
    // only what the entry imports, and apps' bundlers shake unused exports.
    treeshake: false,
    dts: {
      compilerOptions: {
        composite: false,
        // Type the declarations against the sources, as the root tsconfig and
        // Vitest do, so this build needs no prior build of its dependencies.
        // They stay external: the emitted .d.ts imports '@latch/client'.
        paths: {
          '@latch/client': ['../client/src/index.ts'],
          '@latch/protocol': ['../protocol/src/index.ts'],
        },
      },
    },
  }),
);
