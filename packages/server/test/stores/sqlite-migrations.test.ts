import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '@latch/server/node';
import { migrateSqlite, sqliteMigrations } from '../../src/node/store/migrations/sqlite';
import { openSqliteTestStore, temporarySqliteFile } from './test-stores';

const latest = sqliteMigrations.at(-1)!.version;

function appliedVersions(filename: string): number[] {
  const db = new Database(filename, { readonly: true });
  try {
    return db.prepare('SELECT version FROM latch_migrations ORDER BY version').pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe('SQLite migrations', () => {
  // Strictly increasing from 1; work in progress on separate branches takes reserved ranges (e.g. 20–29), renumbered when merged.
  it('are numbered from 1, in increasing order', () => {
    const versions = sqliteMigrations.map((migration) => migration.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('bring a database one version behind, full of users, up to date without losing any', async () => {
    const filename = temporarySqliteFile();
    const old = new Database(filename);
    migrateSqlite(old, sqliteMigrations.slice(0, -1));
    // Rows as the previous release wrote them: 600 users and their lockout counters.
    const insertUser = old.prepare('INSERT INTO latch_users (id, data, username) VALUES (?, ?, ?)');
    const insertCounter = old.prepare('INSERT INTO latch_counters (key, value, expires_at) VALUES (?, ?, ?)');
    old.transaction(() => {
      for (let i = 0; i < 600; i++) {
        const id = `user_${i}`;
        insertUser.run(id, JSON.stringify({ id, username: `name${i}`, firstName: `First ${i}`, createdAt: i }), `name${i}`);
        insertCounter.run(`lockout:${id}`, i % 10, 1_000 + i);
      }
    })();
    old.close();
    expect(appliedVersions(filename)).toEqual(sqliteMigrations.slice(0, -1).map((migration) => migration.version));

    const store = openSqliteTestStore(filename);
    expect(appliedVersions(filename)).toEqual(sqliteMigrations.map((migration) => migration.version));
    for (let i = 0; i < 600; i++) {
      const found = await store.findBy('users', 'username', `name${i}`);
      expect(found).toMatchObject({ id: `user_${i}`, firstName: `First ${i}`, createdAt: i });
    }
    expect(await store.increment('lockout:user_41', 0, 60_000, 1_000)).toBe(1);
    // The counters expiring at 1000 … 1300 are gone, the rest stay.
    expect(await store.purgeExpiredCounters(1_300)).toBe(301);
  });

  it('apply once when two processes open a new file together, and not again on reopen', () => {
    const filename = temporarySqliteFile();
    openSqliteTestStore(filename);
    openSqliteTestStore(filename);
    new SqliteStore({ filename }).close();
    expect(appliedVersions(filename)).toEqual(sqliteMigrations.map((migration) => migration.version));
  });

  it('refuse a database that a newer Latch has migrated', () => {
    const filename = temporarySqliteFile();
    openSqliteTestStore(filename);
    const db = new Database(filename);
    db.prepare('INSERT INTO latch_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(latest + 1, 'from the future', 0);
    db.close();
    expect(() => new SqliteStore({ filename })).toThrow(/upgrade Latch/);
  });
});
