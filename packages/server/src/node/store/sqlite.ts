import type Database from 'better-sqlite3';
import type { Kind, Records } from '../../core/store/records';
import type { ListIndex, TimeIndex, UniqueIndex } from '../../core/store/schema';
import { SerializedStore, type StoreData, type TransactionSteps } from '../../core/store/serialized';
import { UniqueViolation, type TimeCursor } from '../../core/store/store';
import { loadDriver } from './load-driver';
import { migrateSqlite } from './migrations/sqlite';
import { asSqliteUnavailable, defaultLockTimeoutMs, retryWhileBusy, sqliteBusyTimeoutMs } from './sqlite-faults';
import { indexColumns, indexValues, snakeCase, tableName, uniqueIndexOf } from './sql-mapping';

export interface SqliteStoreOptions {
  /** Path of the database file (created if missing), or ':memory:'. */
  filename: string;
  /**
   * How long a read or write waits for another process's lock, without
   * blocking the event loop, before answering 503. Default 2 s.
   */
  lockTimeoutMs?: number;
  /** A cap on the file's size: writes past it fail as on a full disk (503). Default: no cap but the disk. */
  maxSizeBytes?: number;
}

/**
 * A Store in one SQLite file, for a single machine. better-sqlite3 is
 * synchronous, so every method runs to completion before any other JavaScript
 * does: a read-modify-write inside `db.transaction()` is atomic within this
 * process, and IMMEDIATE transactions keep it atomic against other processes.
 *
 * A `transaction()` body is async, and every request shares the one
 * connection, so while it is open any other request's statement would join
 * it: every call waits on one lock (see SerializedStore), which a
 * transaction holds from BEGIN IMMEDIATE to COMMIT or ROLLBACK.
 * A locked, full or failing database surfaces as StoreUnavailable (503).
 */
export class SqliteStore extends SerializedStore {
  private readonly db: Database.Database;
  private readonly tables: SqliteTables;

  constructor(options: SqliteStoreOptions) {
    const Sqlite = loadDriver<typeof Database>('better-sqlite3');
    // At startup nothing else runs yet, so waiting (blocking) for another
    // instance's migration is fine; afterwards only a few ms (see sqlite-faults.ts).
    const db = new Sqlite(options.filename, { timeout: 5_000 });
    const tables = new SqliteTables(db, options.lockTimeoutMs ?? defaultLockTimeoutMs);
    super(tables, tables);
    this.db = db;
    this.tables = tables;
    try {
      // WAL lets readers run beside the writer; FULL syncs every commit, so a
      // sign-up that got a 2xx survives a power cut.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      // No foreign keys: records refer to each other by id and the flows delete in their own order.
      migrateSqlite(this.db);
      if (options.maxSizeBytes !== undefined) {
        this.db.pragma(`max_page_count = ${Math.floor(options.maxSizeBytes / (this.db.pragma('page_size', { simple: true }) as number))}`);
      }
      this.db.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Deletes counters whose window ended by `now`; returns how many. Call it now and then. */
  purgeExpiredCounters(now: number): Promise<number> {
    return this.exclusive(() => this.tables.purgeExpiredCounters(now));
  }

  /**
   * Throws StoreUnavailable unless a write could succeed right now, for
   * health checks. Not queued behind the lock: a call waiting out another
   * process's lock holds it for up to `lockTimeoutMs`, and health must answer
   * at once. It is safe beside the queue because it is synchronous from BEGIN
   * to ROLLBACK, and it skips the probe while our own transaction is open.
   */
  ping(): Promise<void> {
    return this.tables.ping();
  }

  close(): void {
    this.db.close();
  }
}

interface KindStatements {
  select: Database.Statement;
  insert: Database.Statement;
  remove: Database.Statement;
  merge: Database.Transaction<(id: string, patch: object) => object | null>;
}

/** The statements behind SqliteStore, run straight on the connection; the store decides when. */
class SqliteTables implements StoreData, TransactionSteps {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly byKind = new Map<Kind, KindStatements>();

  constructor(
    private readonly db: Database.Database,
    private readonly lockTimeoutMs: number,
  ) {}

  async begin(): Promise<void> {
    // IMMEDIATE takes the write lock now, so another process cannot make this transaction fail halfway.
    await this.run(() => this.db.exec('BEGIN IMMEDIATE'));
  }

  async commit(): Promise<void> {
    await this.run(() => this.db.exec('COMMIT'));
  }

  /** SQLite may already have rolled back on its own (some errors do that). */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    const { select } = this.of(kind);
    return this.parse<K>(await this.run(() => select.get(id)));
  }

  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    const sql = `SELECT data FROM ${tableName(kind)} WHERE ${snakeCase(index)} = ?`;
    return this.parse<K>(await this.run(() => this.statement(sql, true).get(value)));
  }

  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${tableName(kind)} WHERE ${snakeCase(index)} = ? ORDER BY seq`;
    return ((await this.run(() => this.statement(sql, true).all(value))) as string[]).map((data) => JSON.parse(data) as Records[K]);
  }

  async insert<K extends Kind>(kind: K, record: Records[K]): Promise<void> {
    const { insert } = this.of(kind);
    await this.run(() => insert.run(record.id, JSON.stringify(record), ...indexValues(kind, record)));
  }

  async update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>): Promise<Records[K] | null> {
    const { merge } = this.of(kind);
    return this.run(() => merge.immediate(id, patch) as Records[K] | null);
  }

  async delete(kind: Kind, id: string): Promise<boolean> {
    const { remove } = this.of(kind);
    return (await this.run(() => remove.run(id))).changes === 1;
  }

  /** One UPSERT statement, so the read and the write of the counter cannot be split; by 0, a plain read. */
  async increment(key: string, by: number, ttlMs: number, now: number): Promise<number> {
    if (by === 0) {
      const value = await this.run(() => this.statement('SELECT value FROM latch_counters WHERE key = ? AND expires_at > ?', true).get(key, now));
      return (value as number | undefined) ?? 0;
    }
    const sql = `
      INSERT INTO latch_counters (key, value, expires_at) VALUES (@key, @by, @now + @ttlMs)
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN expires_at > @now THEN value + @by ELSE @by END,
        expires_at = CASE WHEN expires_at > @now THEN expires_at ELSE @now + @ttlMs END
      RETURNING value`;
    return (await this.run(() => this.statement(sql, true).get({ key, by, now, ttlMs }))) as number;
  }

  async resetCounter(key: string): Promise<void> {
    await this.run(() => this.statement('DELETE FROM latch_counters WHERE key = ?').run(key));
  }

  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    const sql = `SELECT data FROM ${tableName(kind)} WHERE id > ? ORDER BY id LIMIT ?`;
    return ((await this.run(() => this.statement(sql, true).all(afterId ?? '', limit))) as string[]).map((data) => JSON.parse(data) as Records[K]);
  }

  async listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null): Promise<Records[K][]> {
    const column = snakeCase(index);
    const sql = `SELECT data FROM ${tableName(kind)} WHERE ${column} <= ? AND (${column}, id) > (?, ?) ORDER BY ${column}, id LIMIT ?`;
    const rows = await this.run(() => this.statement(sql).pluck().all(before, cursor?.at ?? -Number.MAX_SAFE_INTEGER, cursor?.id ?? '', limit));
    return (rows as string[]).map((data) => JSON.parse(data) as Records[K]);
  }

  async deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number): Promise<number> {
    const column = snakeCase(index);
    const sql = `DELETE FROM ${tableName(kind)} WHERE seq IN (SELECT seq FROM ${tableName(kind)} WHERE ${column} <= ? ORDER BY ${column} LIMIT ?)`;
    return (await this.run(() => this.statement(sql).run(before, limit))).changes;
  }

  /** Deletes counters whose window ended by `now`; returns how many. Call it now and then. */
  async purgeExpiredCounters(now: number): Promise<number> {
    return (await this.run(() => this.statement('DELETE FROM latch_counters WHERE expires_at <= ?').run(now))).changes;
  }

  /**
   * Throws StoreUnavailable unless a write could succeed right now, for
   * health checks: it takes the write lock without waiting (so a lock held
   * by another process fails it), writes a record large enough to need a
   * fresh page (so a full database fails it), and rolls back.
   */
  async ping(): Promise<void> {
    // Our own transaction is open: this connection holds the write lock.
    if (this.db.inTransaction) return;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.statement("INSERT INTO latch_counters (key, value, expires_at) VALUES ('health:' || hex(randomblob(4096)), 0, 0)").run();
      } finally {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      }
    } catch (error) {
      throw asSqliteUnavailable(error) ?? error;
    }
  }

  /** A statement prepared once and kept; `pluck` ones return the first column only. */
  private statement(sql: string, pluck = false): Database.Statement {
    const key = pluck ? `pluck:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) this.statements.set(key, (statement = pluck ? this.db.prepare(sql).pluck() : this.db.prepare(sql)));
    return statement;
  }

  /** A kind's statements and its update's merge, built on first use and kept: nothing is rebuilt per call. */
  private of(kind: Kind): KindStatements {
    let found = this.byKind.get(kind);
    if (found) return found;
    const table = tableName(kind);
    const columns = ['id', 'data', ...indexColumns(kind).map((index) => index.column)];
    const select = this.statement(`SELECT data FROM ${table} WHERE id = ?`, true);
    const write = this.statement(`UPDATE ${table} SET ${['data = ?', ...columns.slice(2).map((column) => `${column} = ?`)].join(', ')} WHERE id = ?`);
    found = {
      select,
      insert: this.statement(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
      remove: this.statement(`DELETE FROM ${table} WHERE id = ?`),
      // Read and write in one transaction (a savepoint inside an open one), so no other process writes between them.
      merge: this.db.transaction((id: string, patch: object) => {
        const current = select.get(id) as string | undefined;
        if (current === undefined) return null;
        // Through JSON and back: the result is what is stored, and a copy the caller may keep.
        const data = JSON.stringify({ ...(JSON.parse(current) as object), ...patch, id });
        const next = JSON.parse(data) as object;
        write.run(data, ...indexValues(kind, next), id);
        return next;
      }),
    };
    this.byKind.set(kind, found);
    return found;
  }

  private parse<K extends Kind>(data: unknown): Records[K] | null {
    return typeof data === 'string' ? (JSON.parse(data) as Records[K]) : null;
  }

  /**
   * Runs a statement, retrying while another process holds the lock, and
   * turns a clash on a unique index into the core's UniqueViolation and a
   * locked, full or failing database into StoreUnavailable.
   */
  private async run<T>(statement: () => T): Promise<T> {
    try {
      return await retryWhileBusy(statement, this.lockTimeoutMs);
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
