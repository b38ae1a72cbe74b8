import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../../core/store/store';
import { PostgresStore } from './postgres';
import type { PostgresTimeouts } from './postgres-faults';
import { SqliteStore } from './sqlite';

/** A Store the service opened and must close, with a health check. */
export interface ClosableStore extends Store {
  close(): void | Promise<void>;
  /** Throws when the database is unreachable. */
  ping(): Promise<void>;
  /** Deletes counters whose window ended by `now` (they are dead weight); returns how many. */
  purgeExpiredCounters(now: number): Promise<number>;
}

/** How long the database may keep a request waiting before it is answered 503. */
export interface DatabaseTimeouts extends PostgresTimeouts {
  /** SQLite: how long a statement retries while another process holds the lock. Default 2 s. */
  lockMs: number;
}

/**
 * Opens the store a `database` setting names: a `postgres://` or
 * `postgresql://` URL is PostgreSQL, anything else a SQLite file path (its
 * folder is created). Either way the schema is migrated before this resolves.
 */
export async function openStore(database: string, timeouts: Partial<DatabaseTimeouts> = {}): Promise<ClosableStore> {
  const { lockMs, ...postgresTimeouts } = timeouts;
  if (/^postgres(ql)?:\/\//i.test(database)) return PostgresStore.connect({ connectionString: database, timeouts: postgresTimeouts });
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return new SqliteStore({ filename: database, ...(lockMs !== undefined ? { lockTimeoutMs: lockMs } : {}) });
}
