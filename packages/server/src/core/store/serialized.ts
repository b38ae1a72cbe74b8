import { AsyncLock } from './async-lock';
import type { Kind, Records } from './records';
import type { ListIndex, TimeIndex, UniqueIndex } from './schema';
import type { Store, TimeCursor } from './store';

/** The record and counter methods of a Store: everything but `transaction`. */
export type StoreData = Omit<Store, 'transaction'>;

/** How a store starts, ends and undoes a transaction on its one connection. */
export interface TransactionSteps {
  /** May wait (asynchronously) for another process's lock. */
  begin(): void | Promise<void>;
  commit(): void | Promise<void>;
  rollback(): void;
}

/**
 * A Store for a single connection that every caller shares (better-sqlite3,
 * plain Maps), where any statement run while a transaction is open would
 * join it. So every call waits its turn on one lock, and a transaction holds
 * the lock from its begin to its commit or rollback: no other request's call
 * runs inside it, and it sees no other request's half-done writes.
 */
export class SerializedStore implements Store {
  private readonly lock = new AsyncLock();

  constructor(
    private readonly data: StoreData,
    private readonly steps: TransactionSteps,
  ) {}

  get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    return this.exclusive(() => this.data.get(kind, id));
  }
  findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    return this.exclusive(() => this.data.findBy(kind, index, value));
  }
  listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    return this.exclusive(() => this.data.listBy(kind, index, value));
  }
  scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    return this.exclusive(() => this.data.scan(kind, afterId, limit));
  }
  listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null): Promise<Records[K][]> {
    return this.exclusive(() => this.data.listBefore(kind, index, before, limit, cursor));
  }
  deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number): Promise<number> {
    return this.exclusive(() => this.data.deleteBefore(kind, index, before, limit));
  }
  insert<K extends Kind>(kind: K, record: Records[K]): Promise<void> {
    return this.exclusive(() => this.data.insert(kind, record));
  }
  update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>): Promise<Records[K] | null> {
    return this.exclusive(() => this.data.update(kind, id, patch));
  }
  delete(kind: Kind, id: string): Promise<boolean> {
    return this.exclusive(() => this.data.delete(kind, id));
  }
  increment(key: string, by: number, ttlMs: number, now: number): Promise<number> {
    return this.exclusive(() => this.data.increment(key, by, ttlMs, now));
  }
  resetCounter(key: string): Promise<void> {
    return this.exclusive(() => this.data.resetCounter(key));
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.steps.begin();
      const tx = new TransactionStore(this.data);
      try {
        const result = await fn(tx);
        await this.steps.commit();
        return result;
      } catch (error) {
        this.steps.rollback();
        throw error;
      } finally {
        tx.end();
      }
    });
  }

  /** Runs `task` alone on the connection; for a subclass's own statements (health checks, purges). */
  protected exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    return this.lock.run(task);
  }
}

/**
 * The store a transaction body is handed: it goes straight to the
 * connection (the transaction already holds the lock), and refuses to work
 * once the transaction is over, so a stray late call cannot slip past the lock.
 */
class TransactionStore implements Store {
  private open = true;

  constructor(private readonly data: StoreData) {}

  end(): void {
    this.open = false;
  }

  async get<K extends Kind>(kind: K, id: string) {
    return this.live().get(kind, id);
  }
  async findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string) {
    return this.live().findBy(kind, index, value);
  }
  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string) {
    return this.live().listBy(kind, index, value);
  }
  async scan<K extends Kind>(kind: K, afterId: string | null, limit: number) {
    return this.live().scan(kind, afterId, limit);
  }
  async listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null) {
    return this.live().listBefore(kind, index, before, limit, cursor);
  }
  async deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number) {
    return this.live().deleteBefore(kind, index, before, limit);
  }
  async insert<K extends Kind>(kind: K, record: Records[K]) {
    return this.live().insert(kind, record);
  }
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>) {
    return this.live().update(kind, id, patch);
  }
  async delete(kind: Kind, id: string) {
    return this.live().delete(kind, id);
  }
  async increment(key: string, by: number, ttlMs: number, now: number) {
    return this.live().increment(key, by, ttlMs, now);
  }
  async resetCounter(key: string) {
    return this.live().resetCounter(key);
  }

  /** A nested transaction is simply part of this one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return fn(this);
  }

  private live(): StoreData {
    if (!this.open) throw new Error('This transaction has ended: use the store it was started on');
    return this.data;
  }
}
