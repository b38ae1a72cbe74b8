import type pg from 'pg';
import type { Kind, Records, WebhookDeliveryRecord } from '../../core/store/records';
import { kinds, type ListIndex, type UniqueIndex } from '../../core/store/schema';
import { UniqueViolation, type Store } from '../../core/store/store';
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
  query<Row extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
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
  private readonly tables: Record<Kind, string>;
  private readonly counters: string;

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

  /** `db` is `pool` itself, except in the store a transaction hands its body. */
  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly db: Queryable = pool,
  ) {
    const qualified = (table: string) => `${loadDriver<typeof pg>('pg').escapeIdentifier(schema)}.${table}`;
    this.tables = Object.fromEntries(kinds.map((kind) => [kind, qualified(tableName(kind))])) as Record<Kind, string>;
    this.counters = qualified('latch_counters');
  }

  async get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    return this.one<K>(`SELECT data FROM ${this.tables[kind]} WHERE id = $1`, [id]);
  }

  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    return this.one<K>(`SELECT data FROM ${this.tables[kind]} WHERE ${snakeCase(index)} = $1`, [value]);
  }

  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${this.tables[kind]} WHERE ${snakeCase(index)} = $1 ORDER BY seq`;
    const { rows } = await this.query<{ data: Records[K] }>(sql, [value]);
    return rows.map((row) => row.data);
  }

  async insert<K extends Kind>(kind: K, record: Records[K]): Promise<void> {
    const columns = ['id', 'data', ...indexColumns(kind).map((index) => index.column)];
    const sql = `INSERT INTO ${this.tables[kind]} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    await this.write(sql, [record.id, JSON.stringify(record), ...indexValues(kind, record)]);
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
    const merged = '((data - $2::text[]) || $3::jsonb)';
    const assignments = [`data = ${merged}`, ...indexColumns(kind).map((index) => `${index.column} = ${merged} ->> '${index.field}'`)];
    const sql = `UPDATE ${this.tables[kind]} SET ${assignments.join(', ')} WHERE id = $1 RETURNING data`;
    const { rows } = await this.write<{ data: Records[K] }>(sql, [id, unset, JSON.stringify(fields)]);
    return rows[0]?.data ?? null;
  }

  async delete(kind: Kind, id: string): Promise<boolean> {
    const { rowCount } = await this.query(`DELETE FROM ${this.tables[kind]} WHERE id = $1`, [id]);
    return rowCount === 1;
  }

  /** One UPSERT: concurrent increments of one key queue on its row and each sees the previous result. */
  async increment(key: string, by: number, ttlMs: number, now: number): Promise<number> {
    const sql = `
      INSERT INTO ${this.counters} AS counter (key, value, expires_at) VALUES ($1::text, $2::integer, $3::bigint + $4::bigint)
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN counter.expires_at > $3::bigint THEN counter.value + $2::integer ELSE $2::integer END,
        expires_at = CASE WHEN counter.expires_at > $3::bigint THEN counter.expires_at ELSE $3::bigint + $4::bigint END
      RETURNING value`;
    const { rows } = await this.query<{ value: number }>(sql, [key, by, now, ttlMs]);
    return rows[0]!.value;
  }

  async resetCounter(key: string): Promise<void> {
    await this.query(`DELETE FROM ${this.counters} WHERE key = $1`, [key]);
  }

  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${this.tables[kind]} WHERE id > $1 ORDER BY id LIMIT $2`;
    const { rows } = await this.query<{ data: Records[K] }>(sql, [afterId ?? '', limit]);
    return rows.map((row) => row.data);
  }

  /**
   * One statement: pick the due deliveries whose endpoint is active and that
   * have no earlier unfinished delivery for the same user and endpoint,
   * locking them with SKIP LOCKED (rows another worker is claiming are passed
   * over, not waited for), and lease them. A claimed delivery stays pending,
   * so the user's later ones stay blocked until it succeeds.
   */
  async claimWebhookDeliveries(now: number, limit: number, leaseMs: number): Promise<WebhookDeliveryRecord[]> {
    const deliveries = this.tables.webhookDeliveries;
    const sql = `
      UPDATE ${deliveries} AS target SET data = target.data || jsonb_build_object('leasedUntil', $1::bigint + $3::bigint)
      WHERE target.id IN (
        SELECT d.id FROM ${deliveries} d
        JOIN ${this.tables.webhookEndpoints} e ON e.id = d.endpoint_id AND e.data->>'status' = 'active'
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
    const { rowCount } = await this.query(`DELETE FROM ${this.counters} WHERE expires_at <= $1`, [now]);
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
      query: (sql, values) => {
        // A late call after the end would run on a connection already back in the pool.
        if (!open) throw new Error('This transaction has ended: use the store it was started on');
        return client.query(sql, values);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresStore(this.pool, this.schema, inTransaction));
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

  /** Every statement goes through here: a transient fault becomes StoreUnavailable (503). */
  private async query<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.db.query<Row>(sql, values);
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
