/**
 * Stores for tests, chosen by `LATCH_TEST_STORE` (memory, sqlite, postgres):
 * each is empty and its own (a temporary SQLite file, or a fresh PostgreSQL
 * schema in the run's database), and `closeTestStores` closes and removes
 * them (the sqlite and postgres projects call it after each test).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { MemoryStore, type Kind, type ListIndex, type Records, type Store, type TimeCursor, type TimeIndex, type UniqueIndex } from '@latch/server';
import { PostgresStore, SqliteStore } from '@latch/server/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database this test run created (see postgres-global-setup.ts). */
    latchTestPostgresUrl: string;
  }
}

export type TestStoreKind = 'memory' | 'sqlite' | 'postgres';

export function testStoreKind(): TestStoreKind {
  const kind = process.env.LATCH_TEST_STORE || 'memory';
  if (kind !== 'memory' && kind !== 'sqlite' && kind !== 'postgres') throw new Error(`LATCH_TEST_STORE must be memory, sqlite or postgres, not ${kind}`);
  return kind;
}

const cleanups: (() => void | Promise<void>)[] = [];

/** Closes every store opened here and deletes their files, newest first. */
export async function closeTestStores(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** A path for a database file in a fresh temporary folder, removed by `closeTestStores`. */
export function temporarySqliteFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'latch-test-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return join(folder, 'latch.db');
}

export function openSqliteTestStore(filename = temporarySqliteFile()): SqliteStore {
  const store = new SqliteStore({ filename });
  cleanups.push(() => store.close());
  return store;
}

export function testPostgresUrl(): string {
  const url = inject('latchTestPostgresUrl');
  if (!url) throw new Error('No test database: run this file in the postgres project (npx vitest run --project postgres).');
  return url;
}

/** A schema name no other store in this run uses. */
export function uniqueSchema(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/**
 * A small pool: many stores are open at once across the workers, and the
 * server allows 100 connections. The cleanup is registered before the connect
 * resolves, so a store a test never got to use is closed all the same.
 */
export function openPostgresTestStore(options: { schema?: string; max?: number } = {}): Promise<PostgresStore> {
  const opening = PostgresStore.connect({ connectionString: testPostgresUrl(), schema: options.schema ?? uniqueSchema(), max: options.max ?? 2 });
  cleanups.push(async () => (await opening.catch(() => null))?.close());
  return opening;
}

/** An empty store of the kind this run tests. Synchronous, for `createTestServer`: a PostgreSQL store connects on its first call. */
export function createTestStore(kind: TestStoreKind = testStoreKind()): Store {
  if (kind === 'sqlite') return openSqliteTestStore();
  if (kind === 'postgres') return new DeferredStore(openPostgresTestStore());
  return new MemoryStore();
}

class DeferredStore implements Store {
  constructor(private readonly ready: Promise<Store>) {
    // A failed connect surfaces at the first call; this keeps it from also being an unhandled rejection.
    ready.catch(() => undefined);
  }
  async get<K extends Kind>(kind: K, id: string) {
    return (await this.ready).get(kind, id);
  }
  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string) {
    return (await this.ready).findBy(kind, index, value);
  }
  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string) {
    return (await this.ready).listBy(kind, index, value);
  }
  async insert<K extends Kind>(kind: K, record: Records[K]) {
    return (await this.ready).insert(kind, record);
  }
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>) {
    return (await this.ready).update(kind, id, patch);
  }
  async delete(kind: Kind, id: string) {
    return (await this.ready).delete(kind, id);
  }
  async increment(key: string, by: number, ttlMs: number, now: number) {
    return (await this.ready).increment(key, by, ttlMs, now);
  }
  async resetCounter(key: string) {
    return (await this.ready).resetCounter(key);
  }
  async transaction<T>(fn: (tx: Store) => Promise<T>) {
    return (await this.ready).transaction(fn);
  }
  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number) {
    return (await this.ready).scan(kind, afterId, limit);
  }
  async listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null) {
    return (await this.ready).listBefore(kind, index, before, limit, cursor);
  }
  async deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number) {
    return (await this.ready).deleteBefore(kind, index, before, limit);
  }
  async readClientSnapshot(clientId: string) {
    const store = await this.ready;
    return store.readClientSnapshot ? store.readClientSnapshot(clientId) : null;
  }
  async readSessionSnapshot(sessionId: string) {
    const store = await this.ready;
    return store.readSessionSnapshot ? store.readSessionSnapshot(sessionId) : null;
  }
  /** The PostgreSQL store's own claim (SKIP LOCKED), which the worker must not bypass. */
  async claimWebhookDeliveries(now: number, limit: number, leaseMs: number) {
    const store = await this.ready;
    if (!store.claimWebhookDeliveries) throw new Error('this store has no claimWebhookDeliveries');
    return store.claimWebhookDeliveries(now, limit, leaseMs);
  }
}
