import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

// Tests import the packages' sources, so `npm test` needs no build first and
// coverage maps to the files people edit.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@latch\/protocol$/, replacement: src('protocol/src/index.ts') },
      { find: /^@latch\/server$/, replacement: src('server/src/index.ts') },
      { find: /^@latch\/client$/, replacement: src('client/src/index.ts') },
      { find: /^@latch\/react$/, replacement: src('react/src/index.ts') },
      { find: /^@latch\/mock$/, replacement: src('mock/src/index.ts') },
      { find: /^@latch\/mock\/node$/, replacement: src('mock/src/node.ts') },
      { find: /^@latch\/mock\/browser$/, replacement: src('mock/src/browser.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
