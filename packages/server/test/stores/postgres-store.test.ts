import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { kinds, UniqueViolation } from '@latch/server';
import { openStore, PostgresStore } from '@latch/server/node';
import { generatedColumns, indexColumns, tableName } from '../../src/node/store/sql-mapping';
import { describeStoreConformance, user } from '../store-conformance';
import { openPostgresTestStore, testPostgresUrl, uniqueSchema } from './test-stores';

describeStoreConformance('PostgresStore', () => openPostgresTestStore());


/** Two stores on one schema: two server instances behind a load balancer, each with its own pool. */
async function twoInstances(max = 8) {
  const schema = uniqueSchema();
  const a = await openPostgresTestStore({ schema, max });
  const b = await openPostgresTestStore({ schema, max });
  return { a, b, schema };
}

describe('PostgresStore over real parallel connections', () => {
  it('counts every increment once across two instances', async () => {
    const { a, b } = await twoInstances();
    const values = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).increment('lockout:u1', 1, 60_000, 0)));
    expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('lets exactly one instance delete a record (a single-use code)', async () => {
    const { a, b } = await twoInstances();
    await a.insert('users', user('code', null));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).delete('users', 'code')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets exactly one instance claim a unique value; the others get UniqueViolation', async () => {
    const { a, b } = await twoInstances();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).insert('users', user(`u${i}`, 'same'))));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const result of refused) expect(result.reason).toBeInstanceOf(UniqueViolation);
  });

  it('hides a transaction from another instance until it commits, and drops it if the body throws', async () => {
    const { a, b } = await twoInstances();
    await a.transaction(async (tx) => {
      await tx.insert('users', user('u1', 'ada'));
      expect(await b.get('users', 'u1')).toBeNull();
    });
    expect((await b.get('users', 'u1'))?.username).toBe('ada');
    await expect(
      a.transaction(async (tx) => {
        await tx.insert('users', user('u2', 'grace'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await b.get('users', 'u2')).toBeNull();
  });

  it('keeps every field when two instances update one record in parallel', async () => {
    const { a, b } = await twoInstances();
    await a.insert('users', user('u1', null));
    const fields = ['firstName', 'lastName', 'username', 'imageUrl', 'passwordHash', 'totpSecret', 'pendingTotpSecret'] as const;
    for (let round = 0; round < 5; round++) {
      await Promise.all(fields.map((field, i) => (i % 2 ? a : b).update('users', 'u1', { [field]: `${field}-${round}` })));
      const stored = await b.get('users', 'u1');
      for (const field of fields) expect(stored?.[field]).toBe(`${field}-${round}`);
    }
  });
});

describe('PostgresStore', () => {
  it('keeps its tables in the schema it was given', async () => {
    const { schema } = await twoInstances(1);
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
      const tables = rows.map((row) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining([...kinds.map(tableName), 'latch_counters', 'latch_migrations']));
    } finally {
      await client.end();
    }
  });

  it('has, after migrating, a column and an index for every index in the schema', async () => {
    const { schema } = await twoInstances(1);
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    try {
      for (const kind of kinds) {
        const table = tableName(kind);
        const columns = await client.query<{ column_name: string }>(
          'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
          [schema, table],
        );
        // pg_index: the first key column of each index on the table, and whether it is unique.
        const indexes = await client.query<{ column: string; unique: boolean }>(
          `SELECT a.attname AS column, i.indisunique AS unique FROM pg_index i
             JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
           WHERE n.nspname = $1 AND t.relname = $2`,
          [schema, table],
        );
        for (const { column, unique } of [...indexColumns(kind), ...generatedColumns(kind)]) {
          expect(columns.rows.map((row) => row.column_name), `${table}.${column}`).toContain(column);
          expect(indexes.rows, `index on ${table}.${column}`).toContainEqual({ column, unique });
        }
      }
    } finally {
      await client.end();
    }
  });

  it('purges only the counters whose window has ended', async () => {
    const store = await openPostgresTestStore();
    await store.increment('old', 1, 1000, 0);
    await store.increment('live', 1, 5000, 0);
    expect(await store.purgeExpiredCounters(1000)).toBe(1);
    expect(await store.increment('live', 0, 5000, 1000)).toBe(1);
    expect(await store.increment('old', 0, 5000, 1000)).toBe(0);
  });

  it('fails to connect, with the driver error, when the server is unreachable', async () => {
    const url = new URL(testPostgresUrl());
    url.port = '1';
    await expect(PostgresStore.connect({ connectionString: url.toString(), schema: uniqueSchema() })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('openStore with a postgres:// URL', () => {
  it('opens a PostgresStore in the public schema, answers ping, and refuses after close', async () => {
    const store = await openStore(testPostgresUrl().replace(/^postgres:/, 'postgresql:'));
    try {
      expect(store).toBeInstanceOf(PostgresStore);
      await store.ping();
      await store.insert('users', user('u1', 'ada'));
      expect((await store.findBy('users', 'username', 'ada'))?.id).toBe('u1');
    } finally {
      await store.close();
    }
    await expect(store.ping()).rejects.toThrow();
  });
});
