import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '@latch/server/node';
import { migratePostgres, postgresMigrations } from '../../src/node/store/migrations/postgres';
import { openPostgresTestStore, testPostgresUrl, uniqueSchema } from './test-stores';

const versions = postgresMigrations.map((migration) => migration.version);

/** A raw pool on the test database, for what the store itself never does: old schemas, forged rows. */
async function withPool<T>(use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: testPostgresUrl(), max: 2 });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

async function appliedVersions(schema: string): Promise<number[]> {
  return withPool(async (pool) => {
    const { rows } = await pool.query<{ version: number }>(`SELECT version FROM ${pg.escapeIdentifier(schema)}.latch_migrations ORDER BY version`);
    return rows.map((row) => row.version);
  });
}

describe('PostgreSQL migrations', () => {
  // Strictly increasing from 1; work in progress on separate branches takes reserved ranges (e.g. 20–29), renumbered when merged.
  it('are numbered from 1, in increasing order', () => {
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('bring a database one version behind, full of users, up to date without losing any', async () => {
    const schema = uniqueSchema();
    await withPool(async (pool) => {
      await migratePostgres(pool, { schema, createSchema: true }, postgresMigrations.slice(0, -1));
      // Rows as the previous release wrote them: 600 users and their lockout counters.
      const ids = Array.from({ length: 600 }, (_, i) => `user_${i}`);
      const users = ids.map((id, i) => JSON.stringify({ id, username: `name${i}`, firstName: `First ${i}`, createdAt: i }));
      const table = (name: string) => `${pg.escapeIdentifier(schema)}.${name}`;
      await pool.query(`INSERT INTO ${table('latch_users')} (id, data, username) SELECT id, data::jsonb, data::jsonb ->> 'username' FROM unnest($1::text[], $2::text[]) AS u(id, data)`, [ids, users]);
      await pool.query(`INSERT INTO ${table('latch_counters')} (key, value, expires_at) SELECT 'lockout:' || id, n % 10, 1000 + n FROM unnest($1::text[]) WITH ORDINALITY AS c(id, n)`, [ids]);
    });
    expect(await appliedVersions(schema)).toEqual(versions.slice(0, -1));

    const store = await openPostgresTestStore({ schema });
    expect(await appliedVersions(schema)).toEqual(versions);
    for (let i = 0; i < 600; i++) {
      const found = await store.findBy('users', 'username', `name${i}`);
      expect(found).toMatchObject({ id: `user_${i}`, firstName: `First ${i}`, createdAt: i });
    }
    // WITH ORDINALITY counts from 1: user_i has value (i + 1) % 10 and expires at 1001 + i.
    expect(await store.increment('lockout:user_41', 0, 60_000, 1_000)).toBe(2);
    expect(await store.purgeExpiredCounters(1_300)).toBe(300);
  });

  it('apply once when several instances start together on one database', async () => {
    const schema = uniqueSchema();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresTestStore({ schema, max: 1 })));
    expect(stores).toHaveLength(4);
    expect(await appliedVersions(schema)).toEqual(versions);
  });

  it('refuse a database that a newer Latch has migrated', async () => {
    const schema = uniqueSchema();
    await openPostgresTestStore({ schema });
    await withPool((pool) =>
      pool.query(`INSERT INTO ${pg.escapeIdentifier(schema)}.latch_migrations (version, description) VALUES ($1, 'from the future')`, [Math.max(...versions) + 1]),
    );
    await expect(PostgresStore.connect({ connectionString: testPostgresUrl(), schema })).rejects.toThrow(/upgrade Latch/);
  });
});
