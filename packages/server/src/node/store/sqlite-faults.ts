import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailable } from '../../core/store/store';

/**
 * How long a statement may block the event loop waiting for another
 * process's write lock. better-sqlite3 is synchronous, so SQLite's own busy
 * wait stops every request in this process: keep it to a few milliseconds
 * and wait the rest asynchronously (see `retryWhileBusy`).
 */
export const sqliteBusyTimeoutMs = 5;

/** Default for how long a statement keeps retrying a locked database before answering 503. */
export const defaultLockTimeoutMs = 2_000;

const firstBackoffMs = 5;
const maxBackoffMs = 100;

/** Another connection holds the lock: worth retrying. */
function isBusy(code: string): boolean {
  return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/**
 * Faults of the database rather than of the request: disk full, I/O errors,
 * a file that cannot be opened or written. A retry later may succeed; a 500
 * would only hide that.
 */
function isOutage(code: string): boolean {
  return /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|PROTOCOL|NOMEM)(_|$)/.test(code);
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The StoreUnavailable for a transient SQLite fault, or null for any other error. */
export function asSqliteUnavailable(error: unknown): StoreUnavailable | null {
  const code = sqliteCode(error);
  if (isBusy(code)) return new StoreUnavailable('The SQLite database is locked by another connection.', 1, { cause: error });
  if (isOutage(code)) return new StoreUnavailable(`The SQLite database cannot be written (${code}).`, 5, { cause: error });
  return null;
}

/**
 * Runs `run` (one synchronous statement or transaction) and, while the
 * database is locked, runs it again after a growing pause, leaving the event
 * loop free in between, until `deadlineMs` has passed; then, like any other
 * transient fault, it becomes StoreUnavailable. Anything else is rethrown.
 */
export async function retryWhileBusy<T>(run: () => T, deadlineMs: number): Promise<T> {
  const deadline = performance.now() + deadlineMs;
  for (let backoffMs = firstBackoffMs; ; backoffMs = Math.min(backoffMs * 2, maxBackoffMs)) {
    try {
      return run();
    } catch (error) {
      const remainingMs = deadline - performance.now();
      if (!isBusy(sqliteCode(error)) || remainingMs <= 0) throw asSqliteUnavailable(error) ?? error;
      await sleep(Math.min(backoffMs, remainingMs));
    }
  }
}
