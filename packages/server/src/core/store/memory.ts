import type { Kind, Records } from './records';
import { indexValue, schema, type ListIndex, type TimeIndex, type UniqueIndex } from './schema';
import { SerializedStore, type StoreData, type TransactionSteps } from './serialized';
import { UniqueViolation, type TimeCursor } from './store';

type AnyRecord = Records[Kind];

function field(record: AnyRecord, name: string, kind?: Kind): unknown {
  return kind ? indexValue(kind, record, name) : (record as unknown as Record<string, unknown>)[name];
}

/**
 * A Store in plain Maps, for the mock, tests and single-process demos. Each
 * method runs synchronously inside its promise, so it is atomic with respect
 * to every other call; a transaction holds a lock that every call waits for,
 * and a throw puts back what it changed. Records are deep-copied in and out
 * so callers cannot change stored state by mutating what they hold.
 */
export class MemoryStore extends SerializedStore {
  constructor() {
    const tables = new MemoryTables();
    super(tables, tables);
  }
}

interface Counter {
  value: number;
  expiresAt: number;
}

class MemoryTables implements StoreData, TransactionSteps {
  private readonly tables = new Map<Kind, Map<string, AnyRecord>>();
  private readonly counters = new Map<string, Counter>();
  /** While a transaction is open: how to put back each table or counter it changed, as it was before its first change. */
  private undo: Map<string, () => void> | null = null;

  begin(): void {
    this.undo = new Map();
  }

  commit(): void {
    this.undo = null;
  }

  rollback(): void {
    for (const restore of this.undo?.values() ?? []) restore();
    this.undo = null;
  }

  async get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    const record = this.table(kind).get(id);
    return record ? (structuredClone(record) as Records[K]) : null;
  }

  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    const found = this.rows(kind).find((row) => field(row, index) === value);
    return found ? (structuredClone(found) as Records[K]) : null;
  }

  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    return this.rows(kind)
      .filter((row) => field(row, index, kind) === value)
      .map((row) => structuredClone(row) as Records[K]);
  }

  async insert<K extends Kind>(kind: K, record: Records[K]): Promise<void> {
    if (this.table(kind).has(record.id)) throw new Error(`${kind} ${record.id} already exists`);
    this.assertUnique(kind, record);
    this.rememberTable(kind);
    this.table(kind).set(record.id, structuredClone(record));
  }

  async update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>): Promise<Records[K] | null> {
    const current = this.table(kind).get(id);
    if (!current) return null;
    const next = { ...structuredClone(current), ...structuredClone(patch), id } as Records[K];
    this.assertUnique(kind, next);
    this.rememberTable(kind);
    this.table(kind).set(id, next);
    return structuredClone(next);
  }

  async delete(kind: Kind, id: string): Promise<boolean> {
    this.rememberTable(kind);
    return this.table(kind).delete(id);
  }

  async increment(key: string, by: number, ttlMs: number, now: number): Promise<number> {
    const current = this.counters.get(key);
    if (by === 0) return current && current.expiresAt > now ? current.value : 0;
    this.rememberCounter(key);
    const live = current && current.expiresAt > now ? current : { value: 0, expiresAt: now + ttlMs };
    live.value += by;
    this.counters.set(key, live);
    return live.value;
  }

  async resetCounter(key: string): Promise<void> {
    this.rememberCounter(key);
    this.counters.delete(key);
  }

  /**
   * The table as it was before the transaction's first change to it, whole,
   * so a rollback keeps the insertion order that "oldest first" relies on.
   * Stored records are replaced, never changed in place: a shallow copy will do.
   */
  private rememberTable(kind: Kind): void {
    const key = `table:${kind}`;
    if (!this.undo || this.undo.has(key)) return;
    const table = this.table(kind);
    const before = new Map(table);
    this.undo.set(key, () => this.tables.set(kind, before));
  }

  /** Counters are changed in place, so their value is copied. */
  private rememberCounter(key: string): void {
    const undoKey = `counter:${key}`;
    if (!this.undo || this.undo.has(undoKey)) return;
    const before = this.counters.get(key);
    const copy = before && { ...before };
    this.undo.set(undoKey, () => (copy ? this.counters.set(key, copy) : this.counters.delete(key)));
  }

  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    return this.rows(kind)
      .filter((row) => afterId === null || row.id > afterId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((row) => structuredClone(row) as Records[K]);
  }

  async listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null): Promise<Records[K][]> {
    return this.before(kind, index, before, cursor)
      .slice(0, limit)
      .map((row) => structuredClone(row) as Records[K]);
  }

  async deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number): Promise<number> {
    const doomed = this.before(kind, index, before, null).slice(0, limit);
    this.rememberTable(kind);
    for (const row of doomed) this.table(kind).delete(row.id);
    return doomed.length;
  }

  /** Rows whose `index` is at or before `before`, by it and then id, after `cursor`. */
  private before(kind: Kind, index: string, before: number, cursor: TimeCursor | null | undefined): AnyRecord[] {
    const at = (row: AnyRecord) => field(row, index) as number;
    const after = (row: AnyRecord) => !cursor || at(row) > cursor.at || (at(row) === cursor.at && row.id > cursor.id);
    return this.rows(kind)
      .filter((row) => typeof at(row) === 'number' && at(row) <= before && after(row))
      .sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private table(kind: Kind): Map<string, AnyRecord> {
    let table = this.tables.get(kind);
    if (!table) this.tables.set(kind, (table = new Map()));
    return table;
  }

  private rows(kind: Kind): AnyRecord[] {
    return [...this.table(kind).values()];
  }

  /** Null never clashes, so optional unique fields (unverified emails, no username) coexist. */
  private assertUnique(kind: Kind, record: AnyRecord): void {
    for (const index of schema[kind].unique as readonly string[]) {
      const value = field(record, index);
      if (value === null || value === undefined) continue;
      const clash = this.rows(kind).some((row) => field(row, index) === value && row.id !== record.id);
      if (clash) throw new UniqueViolation(kind, index);
    }
  }
}
