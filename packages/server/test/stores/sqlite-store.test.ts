import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kinds, schema } from '@latch/server';
import { openStore, SqliteStore } from '@latch/server/node';
import { generatedColumns, indexColumns, tableName } from '../../src/node/store/sql-mapping';
import { describeStoreConformance, user } from '../store-conformance';
import { openSqliteTestStore, temporarySqliteFile } from './test-stores';

describeStoreConformance('SqliteStore', () => openSqliteTestStore());


describe('SqliteStore', () => {
  it('runs in WAL mode with full syncs, and never blocks the event loop long for a busy writer', () => {
    const store = openSqliteTestStore();
    const db = store['db'];
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // The wait for another writer is asynchronous (sqlite-faults.test.ts); SQLite's own, blocking one stays tiny.
    expect(db.pragma('busy_timeout', { simple: true })).toBeLessThanOrEqual(10);
  });

  it('keeps records and counters across a restart', async () => {
    const filename = temporarySqliteFile();
    const first = new SqliteStore({ filename });
    await first.insert('users', user('u1', 'ada'));
    await first.increment('k', 3, 60_000, 0);
    first.close();
    const second = openSqliteTestStore(filename);
    expect((await second.findBy('users', 'username', 'ada'))?.id).toBe('u1');
    expect(await second.increment('k', 1, 60_000, 1)).toBe(4);
  });

  it('shares state between two stores on one file, as two processes would', async () => {
    const filename = temporarySqliteFile();
    const a = openSqliteTestStore(filename);
    const b = openSqliteTestStore(filename);
    await a.insert('users', user('u1', 'ada'));
    await expect(b.insert('users', user('u2', 'ada'))).rejects.toMatchObject({ name: 'UniqueViolation', index: 'username' });
    await a.increment('lockout', 1, 60_000, 0);
    expect(await b.increment('lockout', 1, 60_000, 0)).toBe(2);
    expect(await b.delete('users', 'u1')).toBe(true);
    expect(await a.delete('users', 'u1')).toBe(false);
  });

  it('hides a transaction from another connection on the file until it commits', async () => {
    const filename = temporarySqliteFile();
    const a = openSqliteTestStore(filename);
    const b = openSqliteTestStore(filename);
    await a.transaction(async (tx) => {
      await tx.insert('users', user('u1', 'ada'));
      expect(await b.get('users', 'u1')).toBeNull();
    });
    expect((await b.get('users', 'u1'))?.username).toBe('ada');
  });

  it('purges only the counters whose window has ended', async () => {
    const store = openSqliteTestStore();
    await store.increment('old', 1, 1000, 0);
    await store.increment('live', 1, 5000, 0);
    expect(await store.purgeExpiredCounters(1000)).toBe(1);
    expect(await store.increment('live', 0, 5000, 1000)).toBe(1);
    expect(await store.increment('old', 0, 5000, 1000)).toBe(0);
  });

  it('has, after migrating, a column and an index for every index in the schema', () => {
    const db = new Database(openSqliteTestStore()['db'].name, { readonly: true });
    try {
      for (const kind of kinds) {
        const table = tableName(kind);
        const columns = (db.pragma(`table_xinfo(${table})`) as { name: string }[]).map((column) => column.name);
        const indexes = db.pragma(`index_list(${table})`) as { name: string; unique: number }[];
        for (const { column, unique } of [...indexColumns(kind), ...generatedColumns(kind)]) {
          expect(columns, `${table}.${column}`).toContain(column);
          const indexed = indexes.find((index) => (db.pragma(`index_info(${index.name})`) as { name: string }[])[0]?.name === column);
          expect(indexed, `index on ${table}.${column}`).toBeDefined();
          expect(indexed?.unique === 1, `${table}.${column} unique`).toBe(unique);
        }
      }
      expect(Object.keys(schema)).toEqual(kinds);
    } finally {
      db.close();
    }
  });
});

describe('openStore with a file path', () => {
  it('creates the folders, migrates, answers ping, and refuses after close', async () => {
    const filename = join(temporarySqliteFile(), '..', 'nested', 'deeper', 'latch.db');
    const store = await openStore(filename);
    expect(store).toBeInstanceOf(SqliteStore);
    await store.ping();
    await store.insert('users', user('u1', 'ada'));
    await store.close();
    await expect(store.ping()).rejects.toThrow();
    const reopened = openSqliteTestStore(filename);
    expect((await reopened.get('users', 'u1'))?.username).toBe('ada');
  });
});
