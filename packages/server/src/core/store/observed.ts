import type { Kind, Records } from './records';
import type { ListIndex, TimeIndex, UniqueIndex } from './schema';
import type { Store, TimeCursor } from './store';

/** One write a store made, as an observer sees it. */
export type StoreWrite =
  | { method: 'insert' | 'update' | 'delete'; kind: Kind }
  | { method: 'increment'; key: string; by: number }
  | { method: 'resetCounter'; key: string };

/**
 * `inner`, with `onWrite` told after each write it makes, inside its
 * transactions too. For tests and test hooks (counting writes, failing
 * between them); an observer that throws fails the write's caller.
 */
export class ObservedStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly onWrite: (write: StoreWrite) => void,
  ) {}

  get<K extends Kind>(kind: K, id: string) {
    return this.inner.get(kind, id);
  }
  findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string) {
    return this.inner.findBy(kind, index, value);
  }
  listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string) {
    return this.inner.listBy(kind, index, value);
  }
  scan<K extends Kind>(kind: K, afterId: string | null, limit: number) {
    return this.inner.scan(kind, afterId, limit);
  }
  listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null) {
    return this.inner.listBefore(kind, index, before, limit, cursor);
  }
  deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number) {
    return this.observed({ method: 'delete', kind }, this.inner.deleteBefore(kind, index, before, limit));
  }
  /** A read: passed through when the inner store has it; null (read record by record) when not. */
  readClientSnapshot(clientId: string) {
    return this.inner.readClientSnapshot?.(clientId) ?? Promise.resolve(null);
  }
  readSessionSnapshot(sessionId: string) {
    return this.inner.readSessionSnapshot?.(sessionId) ?? Promise.resolve(null);
  }
  insert<K extends Kind>(kind: K, record: Records[K]) {
    return this.observed({ method: 'insert', kind }, this.inner.insert(kind, record));
  }
  update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>) {
    return this.observed({ method: 'update', kind }, this.inner.update(kind, id, patch));
  }
  delete(kind: Kind, id: string) {
    return this.observed({ method: 'delete', kind }, this.inner.delete(kind, id));
  }
  increment(key: string, by: number, ttlMs: number, now: number) {
    return this.observed({ method: 'increment', key, by }, this.inner.increment(key, by, ttlMs, now));
  }
  resetCounter(key: string) {
    return this.observed({ method: 'resetCounter', key }, this.inner.resetCounter(key));
  }
  get claimWebhookDeliveries() {
    const inner = this.inner;
    return inner.claimWebhookDeliveries && ((now: number, limit: number, leaseMs: number) => inner.claimWebhookDeliveries!(now, limit, leaseMs));
  }
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) => fn(new ObservedStore(tx, this.onWrite)));
  }

  private async observed<T>(write: StoreWrite, done: Promise<T>): Promise<T> {
    const result = await done;
    this.onWrite(write);
    return result;
  }
}
