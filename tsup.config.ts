import { defineConfig, type Options } from 'tsup';

/**
 * One build recipe for every package. Each package's own tsup.config.ts calls
 * this with its entries, so all of them ship the same way: ESM, declarations,
 * source maps, dependencies left external.
 */
export function latchPackage(entry: string[], extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm'],
    dts: { compilerOptions: { composite: false } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    ...extra,
  };
}

export default defineConfig(latchPackage(['src/index.ts']));
