import type pg from 'pg';
import type { Kind, Records, WebhookDeliveryRecord } from '../../core/store/records';
import { kinds, schema, type ListIndex, type TimeIndex, type UniqueIndex } from '../../core/store/schema';
import type { StoreSnapshot } from '../../core/store/snapshot';
import { UniqueViolation, type Store, type TimeCursor } from '../../core/store/store';
import { loadDriver } from './load-driver';
import { migratePostgres } from './migrations/postgres';
import { asPostgresUnavailable, defaultPostgresTimeouts, describeDatabase, poolConfig, type PostgresTimeouts } from './postgres-faults';
import { indexColumns, indexValues, snakeCase, tableName, uniqueIndexOfConstraint } from './sql-mapping';

export interface PostgresStoreOptions {
  /** e.g. `postgres://latch@db.internal:5432/latch`. */
  connectionString: string;
  /** Schema holding Latch's tables, created if missing; `public` by default (and then never created). */
  schema?: string;
  /** Most connections this instance opens; 10 by default. */
  max?: number;
  /** Connect, statement and idle timeouts; see `PostgresTimeouts` for the defaults. */
  timeouts?: Partial<PostgresTimeouts>;
}

/** What the methods send their statements to: the pool, or inside a transaction its one connection. */
interface Queryable {
  query<Row extends pg.QueryResultRow>(query: pg.QueryConfig): Promise<pg.QueryResult<Row>>;
}

/** A kind's statements, written once per store (they depend on the schema only). */
interface KindSql {
  get: string;
  findBy: Record<string, string>;
  listBy: Record<string, string>;
  insert: string;
  update: string;
  delete: string;
  scan: string;
}

/**
 * One name per statement text, for the whole process: pg prepares a named
 * statement once per connection and afterwards sends only its name and
 * values, so PostgreSQL parses and plans it once per connection, not per call.
 */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `latch_${statementNames.size + 1}`));
  return name;
}

/**
 * What `readClientSnapshot` reads: the client, its sessions, its sign-in and
 * sign-up, the users of those, and their email addresses, backup codes and passkeys,
 * sign-up, the users of those, and their email addresses, backup codes and external accounts,
 * each list in `seq` order as `listBy` returns it.
 */
function clientSnapshotSql(table: (kind: Kind) => string): string {
  return `
    WITH c AS (SELECT data FROM ${table('clients')} WHERE id = $1),
      s AS (SELECT data, seq FROM ${table('sessions')} WHERE client_id = $1),
      si AS (SELECT data FROM ${table('signIns')} WHERE id = (SELECT data ->> 'signInId' FROM c)),
      su AS (SELECT data FROM ${table('signUps')} WHERE id = (SELECT data ->> 'signUpId' FROM c)),
      ids AS (SELECT data ->> 'userId' AS id FROM s UNION SELECT data ->> 'userId' FROM si),
      u AS (SELECT data FROM ${table('users')} WHERE id IN (SELECT id FROM ids)),
      e AS (SELECT data, seq FROM ${table('emailAddresses')} WHERE user_id IN (SELECT id FROM ids)),
      b AS (SELECT data, seq FROM ${table('backupCodes')} WHERE user_id IN (SELECT id FROM ids)),
      p AS (SELECT data, seq FROM ${table('passkeys')} WHERE user_id IN (SELECT id FROM ids)),
      x AS (SELECT data, seq FROM ${table('externalAccounts')} WHERE user_id IN (SELECT id FROM ids))
    SELECT 'clients' AS kind, data, 0::bigint AS seq FROM c
    UNION ALL SELECT 'sessions', data, seq FROM s
    UNION ALL SELECT 'signIns', data, 0 FROM si
    UNION ALL SELECT 'signUps', data, 0 FROM su
    UNION ALL SELECT 'users', data, 0 FROM u
    UNION ALL SELECT 'emailAddresses', data, seq FROM e
    UNION ALL SELECT 'backupCodes', data, seq FROM b
    UNION ALL SELECT 'passkeys', data, seq FROM p
    UNION ALL SELECT 'externalAccounts', data, seq FROM x
    ORDER BY kind, seq`;
}

function kindSql(kind: Kind, table: string): KindSql {
  const columns = ['id', 'data', ...indexColumns(kind).map((index) => index.column)];
  // The merge happens in the UPDATE itself; see `update`.
  const merged = '((data - $2::text[]) || $3::jsonb)';
  const assignments = [`data = ${merged}`, ...indexColumns(kind).map((index) => `${index.column} = ${merged} ->> '${index.field}'`)];
  const byIndex = (fields: readonly string[], suffix: string) =>
    Object.fromEntries(fields.map((field) => [field, `SELECT data FROM ${table} WHERE ${snakeCase(field)} = $1${suffix}`]));
  return {
    get: `SELECT data FROM ${table} WHERE id = $1`,
    findBy: byIndex(schema[kind].unique, ''),
    listBy: byIndex(schema[kind].list, ' ORDER BY seq'),
    insert: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    update: `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1 RETURNING data`,
    delete: `DELETE FROM ${table} WHERE id = $1`,
    scan: `SELECT data FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`,
  };
}

/**
 * A Store in PostgreSQL, shared by any number of stateless server instances.
 * Every method is one statement, so each is atomic on its own: updates merge
 * the patch inside the UPDATE (row-locked, re-read after a concurrent
 * writer), counters are one UPSERT, and deletes report the rows they removed.
 * A transaction takes a connection of its own from the pool for its
 * statements, between BEGIN and COMMIT (or ROLLBACK).
 * Only parameterized queries; identifiers come from the schema, never input.
 * A database that is down, cut off, overloaded or too slow surfaces as
 * StoreUnavailable (503) within the timeouts, never as a hang.
 */
export class PostgresStore implements Store {
  private readonly sql: { tables: Record<Kind, string>; kinds: Record<Kind, KindSql>; counters: string; clientSnapshot: string; sessionSnapshot: string };

  static async connect(options: PostgresStoreOptions): Promise<PostgresStore> {
    const timeouts = { ...defaultPostgresTimeouts, ...options.timeouts };
    const pool = new (loadDriver<typeof pg>('pg').Pool)(poolConfig(options.connectionString, options.max ?? 10, timeouts));
    // An idle connection that dies (a database restart, a network blip) is
    // reported here; without a listener it would crash the process. The pool
    // drops it and the next query opens a fresh one.
    pool.on('error', () => undefined);
    const schema = options.schema ?? 'public';
    try {
      await migratePostgres(pool, { schema, createSchema: options.schema !== undefined });
    } catch (error) {
      await pool.end();
      // Say which database and which limit, so a silent firewall or a typo in the host is found at once.
      if (!asPostgresUnavailable(error)) throw error;
      const where = describeDatabase(options.connectionString);
      throw new Error(`Could not reach PostgreSQL at ${where} within the ${timeouts.connectMs} ms connect timeout: ${(error as Error).message}`, { cause: error });
    }
    return new PostgresStore(pool, schema);
  }

  /** `db` is `pool` itself, except in the store a transaction hands its body, which shares the store's statements. */
  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly db: Queryable = pool,
    sql?: PostgresStore['sql'],
  ) {
    const qualified = (table: string) => `${loadDriver<typeof pg>('pg').escapeIdentifier(schema)}.${table}`;
    const table = (kind: Kind) => qualified(tableName(kind));
    this.sql = sql ?? {
      tables: Object.fromEntries(kinds.map((kind) => [kind, table(kind)])) as Record<Kind, string>,
      kinds: Object.fromEntries(kinds.map((kind) => [kind, kindSql(kind, table(kind))])) as Record<Kind, KindSql>,
      counters: qualified('latch_counters'),
      clientSnapshot: clientSnapshotSql(table),
      sessionSnapshot: `
        WITH s AS (SELECT data FROM ${table('sessions')} WHERE id = $1)
        SELECT 'sessions' AS kind, data FROM s
        UNION ALL SELECT 'users', data FROM ${table('users')} WHERE id = (SELECT data ->> 'userId' FROM s)`,
    };
  }

  /** The session and its user, in one statement. */
  async readSessionSnapshot(sessionId: string): Promise<StoreSnapshot | null> {
    const records = await this.readRecords(this.sql.sessionSnapshot, sessionId, 'sessions');
    return records && { records, lists: [] };
  }

  /** The rows of a snapshot statement (`kind`, `data`) by kind; null when it found no `main` row. */
  private async readRecords(sql: string, id: string, main: Kind): Promise<StoreSnapshot['records'] | null> {
    const { rows } = await this.query<{ kind: Kind; data: Records[Kind] }>(sql, [id]);
    if (!rows.some((row) => row.kind === main)) return null;
    const records: StoreSnapshot['records'] = {};
    for (const { kind, data } of rows) ((records[kind] ??= []) as Records[Kind][]).push(data);
    return records;
  }

  /** The client and everything its JSON shows, in one statement (so one round trip, and one consistent view). */
  async readClientSnapshot(clientId: string): Promise<StoreSnapshot | null> {
    const records = await this.readRecords(this.sql.clientSnapshot, clientId, 'clients');
    if (!records) return null;
    const userIds = new Set([...(records.sessions ?? []), ...(records.signIns ?? [])].flatMap((record) => (record.userId ? [record.userId] : [])));
    return {
      records,
      lists: [
        { kind: 'sessions', index: 'clientId', value: clientId },
        ...[...userIds].flatMap((userId) => [
          { kind: 'emailAddresses' as const, index: 'userId', value: userId },
          { kind: 'backupCodes' as const, index: 'userId', value: userId },
          { kind: 'passkeys' as const, index: 'userId', value: userId },
          { kind: 'externalAccounts' as const, index: 'userId', value: userId },
        ]),
      ],
    };
  }

  async get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    return this.one<K>(this.sql.kinds[kind].get, [id]);
  }

  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    return this.one<K>(this.indexSql(this.sql.kinds[kind].findBy, kind, index), [value]);
  }

  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    const { rows } = await this.query<{ data: Records[K] }>(this.indexSql(this.sql.kinds[kind].listBy, kind, index), [value]);
    return rows.map((row) => row.data);
  }

  async insert<K extends Kind>(kind: K, record: Records[K]): Promise<void> {
    await this.write(this.sql.kinds[kind].insert, [record.id, JSON.stringify(record), ...indexValues(kind, record)]);
  }

  /**
   * The merge happens in the UPDATE itself: `(data - $2) || $3` drops the keys
   * the patch sets to undefined and overlays the rest, like `{ ...current,
   * ...patch }`. PostgreSQL evaluates SET on the latest row version under the
   * row lock, so parallel updates never lose each other's fields.
   */
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>): Promise<Records[K] | null> {
    const { id: _ignored, ...fields } = patch as Record<string, unknown>;
    const unset = Object.keys(fields).filter((key) => fields[key] === undefined);
    const { rows } = await this.write<{ data: Records[K] }>(this.sql.kinds[kind].update, [id, unset, JSON.stringify(fields)]);
    return rows[0]?.data ?? null;
  }

  async delete(kind: Kind, id: string): Promise<boolean> {
    const { rowCount } = await this.query(this.sql.kinds[kind].delete, [id]);
    return rowCount === 1;
  }

  /** One UPSERT: concurrent increments of one key queue on its row and each sees the previous result. By 0, a plain read. */
  async increment(key: string, by: number, ttlMs: number, now: number): Promise<number> {
    if (by === 0) {
      const { rows } = await this.query<{ value: number }>(`SELECT value FROM ${this.sql.counters} WHERE key = $1 AND expires_at > $2::bigint`, [key, now]);
      return rows[0]?.value ?? 0;
    }
    const sql = `
      INSERT INTO ${this.sql.counters} AS counter (key, value, expires_at) VALUES ($1::text, $2::integer, $3::bigint + $4::bigint)
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN counter.expires_at > $3::bigint THEN counter.value + $2::integer ELSE $2::integer END,
        expires_at = CASE WHEN counter.expires_at > $3::bigint THEN counter.expires_at ELSE $3::bigint + $4::bigint END
      RETURNING value`;
    const { rows } = await this.query<{ value: number }>(sql, [key, by, now, ttlMs]);
    return rows[0]!.value;
  }

  async resetCounter(key: string): Promise<void> {
    await this.query(`DELETE FROM ${this.sql.counters} WHERE key = $1`, [key]);
  }

  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    const { rows } = await this.query<{ data: Records[K] }>(this.sql.kinds[kind].scan, [afterId ?? '', limit]);
    return rows.map((row) => row.data);
  }

  async listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null): Promise<Records[K][]> {
    const column = snakeCase(index);
    const sql = `SELECT data FROM ${this.sql.tables[kind]} WHERE ${column} <= $1 AND (${column}, id) > ($2::bigint, $3::text) ORDER BY ${column}, id LIMIT $4`;
    const { rows } = await this.query<{ data: Records[K] }>(sql, [before, cursor?.at ?? -Number.MAX_SAFE_INTEGER, cursor?.id ?? '', limit]);
    return rows.map((row) => row.data);
  }

  /** One statement on at most `limit` rows, so it holds their locks only briefly; SKIP LOCKED passes rows another transaction is changing. */
  async deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number): Promise<number> {
    const column = snakeCase(index);
    const table = this.sql.tables[kind];
    const sql = `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${column} <= $1 ORDER BY ${column} LIMIT $2 FOR UPDATE SKIP LOCKED)`;
    const { rowCount } = await this.query(sql, [before, limit]);
    return rowCount ?? 0;
  }

  /**
   * One statement: pick the due deliveries whose endpoint is active and that
   * have no earlier unfinished delivery for the same user and endpoint,
   * locking them with SKIP LOCKED (rows another worker is claiming are passed
   * over, not waited for), and lease them. A claimed delivery stays pending,
   * so the user's later ones stay blocked until it succeeds.
   */
  async claimWebhookDeliveries(now: number, limit: number, leaseMs: number): Promise<WebhookDeliveryRecord[]> {
    const deliveries = this.sql.tables.webhookDeliveries;
    const sql = `
      UPDATE ${deliveries} AS target SET data = target.data || jsonb_build_object('leasedUntil', $1::bigint + $3::bigint)
      WHERE target.id IN (
        SELECT d.id FROM ${deliveries} d
        JOIN ${this.sql.tables.webhookEndpoints} e ON e.id = d.endpoint_id AND e.data->>'status' = 'active'
        WHERE d.status = 'pending'
          AND (d.data->>'nextAttemptAt')::bigint <= $1::bigint
          AND COALESCE((d.data->>'leasedUntil')::bigint, 0) <= $1::bigint
          AND NOT EXISTS (
            SELECT 1 FROM ${deliveries} p
            WHERE p.ordering_key = d.ordering_key AND p.endpoint_id = d.endpoint_id AND p.seq < d.seq AND p.status <> 'succeeded'
          )
        ORDER BY d.seq
        LIMIT $2
        FOR UPDATE OF d SKIP LOCKED
      )
      RETURNING target.data`;
    const { rows } = await this.query<{ data: WebhookDeliveryRecord }>(sql, [now, limit, leaseMs]);
    return rows.map((row) => row.data);
  }

  /** Deletes counters whose window ended by `now`; returns how many. Call it now and then. */
  async purgeExpiredCounters(now: number): Promise<number> {
    const { rowCount } = await this.query(`DELETE FROM ${this.sql.counters} WHERE expires_at <= $1`, [now]);
    return rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db !== this.pool) return fn(this); // already inside one: a nested call is part of it
    const client = await this.pool.connect().catch((error: unknown) => {
      throw asPostgresUnavailable(error) ?? error;
    });
    let open = true;
    let broken: Error | undefined;
    const inTransaction: Queryable = {
      query: (query) => {
        // A late call after the end would run on a connection already back in the pool.
        if (!open) throw new Error('This transaction has ended: use the store it was started on');
        return client.query(query);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresStore(this.pool, this.schema, inTransaction, this.sql));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped rather than returned to the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw asPostgresUnavailable(error) ?? error;
    } finally {
      open = false;
      client.release(broken);
    }
  }

  /** Throws StoreUnavailable if the database cannot be reached within the timeouts, for health checks. */
  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async one<K extends Kind>(sql: string, values: unknown[]): Promise<Records[K] | null> {
    const { rows } = await this.query<{ data: Records[K] }>(sql, values);
    return rows[0]?.data ?? null;
  }

  /** The statement of a `findBy`/`listBy` index; only the schema's indexes have one. */
  private indexSql(byIndex: Record<string, string>, kind: Kind, index: string): string {
    const sql = byIndex[index];
    if (!sql) throw new Error(`${kind}.${index} is not an index`);
    return sql;
  }

  /** Every statement goes through here, as a named (prepared) one: a transient fault becomes StoreUnavailable (503). */
  private async query<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.db.query<Row>({ name: statementName(sql), text: sql, values });
    } catch (error) {
      throw asPostgresUnavailable(error) ?? error;
    }
  }

  /** Runs a write, turning a clash on a unique index into the core's UniqueViolation. */
  private async write<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.query<Row>(sql, values);
    } catch (error) {
      const index = error instanceof loadDriver<typeof pg>('pg').DatabaseError && error.code === '23505' ? uniqueIndexOfConstraint(error.constraint ?? '') : null;
      throw index ? new UniqueViolation(index.kind, index.index) : error;
    }
  }
}
