import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const installHint = {
  'better-sqlite3': 'npm install better-sqlite3@12',
  pg: 'npm install pg',
} as const;

/**
 * Loads a database driver when a store first needs it. The drivers are
 * optional peer dependencies, so a PostgreSQL deployment need not compile
 * SQLite, and importing `@latch/server/node` costs neither until it is used.
 */
export function loadDriver<T>(name: keyof typeof installHint): T {
  try {
    return require(name) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`The ${name} package is needed for this database but is not installed: ${installHint[name]}`);
  }
}
