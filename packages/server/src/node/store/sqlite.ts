import type Database from 'better-sqlite3';
import type { Kind, Records } from '../../core/store/records';
import type { ListIndex, UniqueIndex } from '../../core/store/schema';
import { UniqueViolation, type Store } from '../../core/store/store';
import { loadDriver } from './load-driver';
import { migrateSqlite } from './migrations/sqlite';
import { indexColumns, indexValues, snakeCase, tableName, uniqueIndexOf } from './sql-mapping';

export interface SqliteStoreOptions {
  /** Path of the database file (created if missing), or ':memory:'. */
  filename: string;
}

/**
 * A Store in one SQLite file, for a single machine. better-sqlite3 is
 * synchronous, so every method runs to completion before any other JavaScript
 * does: a read-modify-write inside `db.transaction()` is atomic within this
 * process, and IMMEDIATE transactions keep it atomic against other processes.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteStoreOptions) {
    const Sqlite = loadDriver<typeof Database>('better-sqlite3');
    this.db = new Sqlite(options.filename);
    try {
      // WAL lets readers run beside the writer; FULL syncs every commit, so a
      // sign-up that got a 2xx survives a power cut. Another process holding the
      // write lock makes us wait up to 5 s instead of failing at once.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      // No foreign keys: records refer to each other by id and the flows delete in their own order.
      migrateSqlite(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    return this.parse<K>(this.statement(`SELECT data FROM ${tableName(kind)} WHERE id = ?`).pluck().get(id));
  }

  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    const sql = `SELECT data FROM ${tableName(kind)} WHERE ${snakeCase(index)} = ?`;
    return this.parse<K>(this.statement(sql).pluck().get(value));
  }

  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${tableName(kind)} WHERE ${snakeCase(index)} = ? ORDER BY seq`;
    return (this.statement(sql).pluck().all(value) as string[]).map((data) => JSON.parse(data) as Records[K]);
  }

  async insert<K extends Kind>(kind: K, record: Records[K]): Promise<void> {
    const columns = ['id', 'data', ...indexColumns(kind).map((index) => index.column)];
    const sql = `INSERT INTO ${tableName(kind)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    this.write(() => this.statement(sql).run(record.id, JSON.stringify(record), ...indexValues(kind, record)));
  }

  async update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>): Promise<Records[K] | null> {
    const assignments = ['data = ?', ...indexColumns(kind).map((index) => `${index.column} = ?`)].join(', ');
    const write = this.statement(`UPDATE ${tableName(kind)} SET ${assignments} WHERE id = ?`);
    const merge = this.db.transaction(() => {
      const current = this.statement(`SELECT data FROM ${tableName(kind)} WHERE id = ?`).pluck().get(id) as string | undefined;
      if (current === undefined) return null;
      // Through JSON and back: the result is what is stored, and a copy the caller may keep.
      const data = JSON.stringify({ ...(JSON.parse(current) as Records[K]), ...patch, id });
      const next = JSON.parse(data) as Records[K];
      write.run(data, ...indexValues(kind, next), id);
      return next;
    });
    return this.write(() => merge.immediate());
  }

  async delete(kind: Kind, id: string): Promise<boolean> {
    return this.statement(`DELETE FROM ${tableName(kind)} WHERE id = ?`).run(id).changes === 1;
  }

  /** One UPSERT statement, so the read and the write of the counter cannot be split. */
  async increment(key: string, by: number, ttlMs: number, now: number): Promise<number> {
    const sql = `
      INSERT INTO latch_counters (key, value, expires_at) VALUES (@key, @by, @now + @ttlMs)
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN expires_at > @now THEN value + @by ELSE @by END,
        expires_at = CASE WHEN expires_at > @now THEN expires_at ELSE @now + @ttlMs END
      RETURNING value`;
    return this.statement(sql).pluck().get({ key, by, now, ttlMs }) as number;
  }

  async resetCounter(key: string): Promise<void> {
    this.statement('DELETE FROM latch_counters WHERE key = ?').run(key);
  }

  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${tableName(kind)} WHERE id > ? ORDER BY id LIMIT ?`;
    return (this.statement(sql).pluck().all(afterId ?? '', limit) as string[]).map((data) => JSON.parse(data) as Records[K]);
  }

  /** Deletes counters whose window ended by `now`; returns how many. Call it now and then. */
  async purgeExpiredCounters(now: number): Promise<number> {
    return this.statement('DELETE FROM latch_counters WHERE expires_at <= ?').run(now).changes;
  }

  /** Throws if the database cannot answer, for health checks. */
  async ping(): Promise<void> {
    this.statement('SELECT 1').get();
  }

  close(): void {
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private parse<K extends Kind>(data: unknown): Records[K] | null {
    return typeof data === 'string' ? (JSON.parse(data) as Records[K]) : null;
  }

  /** Runs a write, turning a clash on a unique index into the core's UniqueViolation. */
  private write<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw asUniqueViolation(error) ?? error;
    }
  }
}

function asUniqueViolation(error: unknown): UniqueViolation | null {
  if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || !(error instanceof Error)) return null;
  // better-sqlite3 reports "UNIQUE constraint failed: latch_users.username".
  const [, table = '', column = ''] = /UNIQUE constraint failed: (\w+)\.(\w+)/.exec(error.message) ?? [];
  const index = uniqueIndexOf(table, column);
  return index ? new UniqueViolation(index.kind, index.index) : null;
}
