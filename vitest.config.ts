import { configDefaults, defineConfig } from 'vitest/config';
import { react18Aliases } from './react18/aliases.ts';
import { sourceAliases } from './source-aliases.ts';

/**
 * Suites that run on every store: the default project runs them in-process on
 * MemoryStore; the sqlite and postgres projects run them again with
 * LATCH_TEST_STORE set, which `createTestStore()` (test/stores/test-stores.ts)
 * reads, and with every request over a real loopback listener.
 */
const storeMatrix = ['packages/server/test/*.test.ts', 'packages/server/test/node/*.test.ts'];
/** Tests that run the built CLI as its own process, on a database that outlives it: SQL stores only. */
const processTests = ['packages/server/test/process/*.test.ts'];
/** Tests of MemoryStore itself, which the SQL projects have no reason to repeat. */
const memoryOnly = 'packages/server/test/memory-store.test.ts';
/** Closes each test's stores after it, so PostgreSQL connections and SQLite files never pile up. */
const closeStores = 'packages/server/test/stores/close-test-stores.ts';
/** Closes the loopback listeners that the SQL projects' test browsers talk to (LATCH_TEST_TRANSPORT=http). */
const closeListeners = 'packages/server/test/http-setup.ts';
/** Everything that renders React: the hooks, the components and their stories, the playground in Chromium. */
const reactSuites = ['packages/react/test/**/*.test.{ts,tsx}', 'packages/ui/test/**/*.test.{ts,tsx}', 'playground/test/**/*.test.ts'];

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    // The components inject their stylesheet as text: keep its CSS (Vitest blanks CSS by default).
    css: { include: [/packages\/ui\/src\/styles\//] },
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['packages/*/test/**/*.test.{ts,tsx}', 'playground/test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'packages/server/test/stores/**', ...processTests],
        },
      },
      {
        extends: true,
        test: {
          // Apps that install @latch/* from the `npm run pack` tarballs, as users do;
          // they need the built packages (`npm run build`), which `npm test` makes first,
          // and run after the other projects: `next build` would starve their timers.
          name: 'packs',
          include: ['tests/packs/**/*.test.ts'],
          globalSetup: ['tests/packs/global-setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [...storeMatrix, ...processTests, 'packages/server/test/stores/sqlite-*.test.ts'],
          exclude: [...configDefaults.exclude, memoryOnly],
          env: { LATCH_TEST_STORE: 'sqlite', LATCH_TEST_TRANSPORT: 'http' },
          setupFiles: [closeStores, closeListeners],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...storeMatrix, ...processTests, 'packages/server/test/stores/postgres-*.test.ts'],
          exclude: [...configDefaults.exclude, memoryOnly],
          env: { LATCH_TEST_STORE: 'postgres', LATCH_TEST_TRANSPORT: 'http' },
          setupFiles: [closeStores, closeListeners],
          // Creates this run's database (LATCH_TEST_PG_URL overrides the server) and drops it at the end.
          globalSetup: ['packages/server/test/stores/postgres-global-setup.ts'],
        },
      },
      {
        // The peer range promises React ^18.2 || ^19: the same suites again on React 18.3.
        extends: true,
        resolve: { alias: react18Aliases },
        test: {
          name: 'react18',
          include: reactSuites,
          exclude: [
            ...configDefaults.exclude,
            // The built catalog is one bundle on React 19; its stories run here in jsdom instead.
            'packages/ui/test/stories/*.browser.test.ts',
            // Checks of CSS files, the README and locale files, which no React renders.
            'packages/ui/test/**/stylesheet.test.ts',
            'packages/ui/test/docs/**',
            'packages/ui/test/locales/{completeness,types}.test.ts',
          ],
          env: { LATCH_REACT: '18' },
          // Dependencies that import React must go through the aliases too, or they would load React 19.
          server: { deps: { inline: [/@testing-library\/react/, /@storybook\/react/] } },
        },
      },
    ],
  },
});
