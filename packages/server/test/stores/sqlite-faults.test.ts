import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore, type SqliteStoreOptions } from '@latch/server/node';
import { startService, type HttpClient, type TestService } from '../node/helpers';
import { temporarySqliteFile } from './test-stores';

/**
 * A SQLite database that is locked by another process or full answers 503
 * with Retry-After, quickly and without freezing the event loop, and /health
 * says so; once the fault passes, requests succeed again.
 */
describe('SQLite faults over HTTP', () => {
  const opened: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const resource of opened.splice(0).reverse()) await resource.close();
  });

  async function start(options: Omit<SqliteStoreOptions, 'filename'> = {}, filename = temporarySqliteFile()) {
    const store = new SqliteStore({ filename, ...options });
    opened.push(store);
    const running: TestService = await startService({ store });
    opened.push(running);
    return { running, filename, url: running.service.url };
  }

  /** Another process's connection to the same file, holding the write lock as `BEGIN IMMEDIATE` does. */
  function lockFromAnotherConnection(filename: string) {
    const other = new Database(filename);
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    return { release: () => other.exec('ROLLBACK') };
  }

  let signUps = 0;
  function signUp(browser: HttpClient) {
    signUps += 1;
    return browser.call('POST', '/v1/client/sign_ups', { emailAddress: `user${signUps}@example.com`, password: 'correct-horse-battery' });
  }

  it('a lock held by another connection: 503 with Retry-After, /health 503 at once, and the event loop keeps serving', async () => {
    const { running, filename, url } = await start({ lockTimeoutMs: 300 });
    const lock = lockFromAnotherConnection(filename);
    const refused = await signUp(running.client());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json.errors?.[0]?.code).toBe('service_unavailable');
    expect((await fetch(`${url}/health`)).status).toBe(503);
    lock.release();
    expect((await signUp(running.client())).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(running.entries().filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('a write that waits for the lock leaves the loop free, and goes through once the lock is released', async () => {
    const { running, filename, url } = await start({ lockTimeoutMs: 10_000 });
    const lock = lockFromAnotherConnection(filename);
    let settled = false;
    const waiting = signUp(running.client()).finally(() => (settled = true));
    // These are answered while the sign-up waits: nothing blocks the event loop.
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable' });
    expect((await fetch(`${url}/v1/environment`)).status).toBe(200);
    expect(settled).toBe(false);
    lock.release();
    expect((await waiting).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('a full database: 503 with Retry-After, never 500, and /health 503', async () => {
    // Migrate a file, then reopen it capped at the size it has: like a disk with no room left.
    const filename = temporarySqliteFile();
    new SqliteStore({ filename }).close();
    const { running, url } = await start({ maxSizeBytes: sizeOf(filename) }, filename);
    expect((await fetch(`${url}/health`)).status).toBe(503);
    const browser = running.client();
    const statuses: number[] = [];
    let last = await signUp(browser);
    for (statuses.push(last.status); last.status === 200 && statuses.length < 200; statuses.push(last.status)) last = await signUp(browser);
    expect(new Set(statuses)).toEqual(new Set(statuses.includes(200) ? [200, 503] : [503]));
    expect(last.headers.get('retry-after')).toBe('5');
    expect(last.json.errors?.[0]?.code).toBe('service_unavailable');
    expect((await fetch(`${url}/health`)).status).toBe(503);
    expect(running.entries().filter((entry) => entry.level === 'error')).toEqual([]);
  });
});

/** The database's size in bytes as SQLite counts it (pages × page size). */
function sizeOf(filename: string): number {
  const db = new Database(filename, { readonly: true });
  try {
    return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  } finally {
    db.close();
  }
}
