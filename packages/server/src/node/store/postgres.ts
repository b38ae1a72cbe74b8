import type pg from 'pg';
import type { Kind, Records } from '../../core/store/records';
import { kinds, type ListIndex, type UniqueIndex } from '../../core/store/schema';
import { UniqueViolation, type Store } from '../../core/store/store';
import { loadDriver } from './load-driver';
import { migratePostgres } from './migrations/postgres';
import { indexColumns, indexValues, snakeCase, tableName, uniqueIndexOfConstraint } from './sql-mapping';

export interface PostgresStoreOptions {
  /** e.g. `postgres://latch@db.internal:5432/latch`. */
  connectionString: string;
  /** Schema holding Latch's tables, created if missing; `public` by default (and then never created). */
  schema?: string;
  /** Most connections this instance opens; 10 by default. */
  max?: number;
}

/**
 * A Store in PostgreSQL, shared by any number of stateless server instances.
 * Every method is one statement, so each is atomic on its own: updates merge
 * the patch inside the UPDATE (row-locked, re-read after a concurrent
 * writer), counters are one UPSERT, and deletes report the rows they removed.
 * Only parameterized queries; identifiers come from the schema, never input.
 */
export class PostgresStore implements Store {
  private readonly tables: Record<Kind, string>;
  private readonly counters: string;

  static async connect(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new (loadDriver<typeof pg>('pg').Pool)({ connectionString: options.connectionString, max: options.max ?? 10 });
    // An idle connection that dies (a database restart, a network blip) is
    // reported here; without a listener it would crash the process. The pool
    // drops it and the next query opens a fresh one.
    pool.on('error', () => undefined);
    const schema = options.schema ?? 'public';
    try {
      await migratePostgres(pool, { schema, createSchema: options.schema !== undefined });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, schema);
  }

  private constructor(
    private readonly pool: pg.Pool,
    schema: string,
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
    const { rows } = await this.pool.query<{ data: Records[K] }>(sql, [value]);
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
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.tables[kind]} WHERE id = $1`, [id]);
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
    const { rows } = await this.pool.query<{ value: number }>(sql, [key, by, now, ttlMs]);
    return rows[0]!.value;
  }

  async resetCounter(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.counters} WHERE key = $1`, [key]);
  }

  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${this.tables[kind]} WHERE id > $1 ORDER BY id LIMIT $2`;
    const { rows } = await this.pool.query<{ data: Records[K] }>(sql, [afterId ?? '', limit]);
    return rows.map((row) => row.data);
  }

  /** Deletes counters whose window ended by `now`; returns how many. Call it now and then. */
  async purgeExpiredCounters(now: number): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.counters} WHERE expires_at <= $1`, [now]);
    return rowCount ?? 0;
  }

  /** Throws if the database cannot be reached, for health checks. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async one<K extends Kind>(sql: string, values: unknown[]): Promise<Records[K] | null> {
    const { rows } = await this.pool.query<{ data: Records[K] }>(sql, values);
    return rows[0]?.data ?? null;
  }

  /** Runs a write, turning a clash on a unique index into the core's UniqueViolation. */
  private async write<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.pool.query<Row>(sql, values);
    } catch (error) {
      const index = error instanceof loadDriver<typeof pg>('pg').DatabaseError && error.code === '23505' ? uniqueIndexOfConstraint(error.constraint ?? '') : null;
      throw index ? new UniqueViolation(index.kind, index.index) : error;
    }
  }
}
