import { defineConfig } from 'vitest/config';
import { sourceAliases } from './source-aliases.ts';

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['packages/*/test/**/*.test.{ts,tsx}', 'playground/test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
