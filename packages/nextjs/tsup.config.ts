import { defineConfig, type Options } from 'tsup';
import { latchPackage } from '../../tsup.config';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The server `<LatchProvider>` renders the client one from `./client.js`:
 * that import must stay an import of the client entry, not be bundled into
 * the server code, or its 'use client' boundary disappears.
 */
const clientEntryStaysExternal: EsbuildPlugin = {
  name: 'latch-client-entry-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/client\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

export default defineConfig(
  latchPackage(['src/index.ts', 'src/client.tsx', 'src/middleware-entry.ts', 'src/route-handler.ts', 'src/pages.ts', 'src/trpc.ts'], {
    // As in @latch/react: the Rollup tree-shaking pass would drop 'use client'.
    treeshake: false,
    esbuildPlugins: [clientEntryStaysExternal],
    external: ['next', 'react', '@trpc/server'],
    dts: {
      compilerOptions: {
        composite: false,
        paths: {
          '@latch/backend': ['../backend/src/index.ts'],
          '@latch/client': ['../client/src/index.ts'],
          '@latch/protocol': ['../protocol/src/index.ts'],
          '@latch/react': ['../react/src/index.ts'],
          '@latch/server': ['../server/src/index.ts'],
        },
      },
    },
  }, { shareReactImport: false }),
);
