import type { Kind, Records } from './records';
import type { ListIndex, TimeIndex, UniqueIndex } from './schema';
import type { Store, TimeCursor } from './store';

/**
 * Records a store read in one go (one round trip) for a caller that is about
 * to read them one by one: what `Store.readClientSnapshot` returns.
 */
export interface StoreSnapshot {
  /** Records by kind: a `get` of one of them is answered from here. */
  records: { [K in Kind]?: Records[K][] };
  /** Lists read whole: a `listBy` of one of them is answered from `records`, in their order (oldest first). */
  lists: { kind: Kind; index: string; value: string }[];
}

function field(record: object, name: string): unknown {
  return (record as Record<string, unknown>)[name];
}

/**
 * Reads from a snapshot, and from `inner` for anything the snapshot does not
 * hold, so it answers exactly as `inner` would have when the snapshot was
 * read. Read-only: it serves rendering a response, after the flow's writes.
 */
export class SnapshotStore implements Store {
  private readonly lists: Set<string>;

  constructor(
    private readonly snapshot: StoreSnapshot,
    private readonly inner: Store,
  ) {
    this.lists = new Set(snapshot.lists.map(({ kind, index, value }) => listKey(kind, index, value)));
  }

  async get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null> {
    const found = this.records(kind).find((record) => record.id === id);
    return found ? structuredClone(found) : this.inner.get(kind, id);
  }

  findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null> {
    return this.inner.findBy(kind, index, value);
  }

  async listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]> {
    if (!this.lists.has(listKey(kind, index, value))) return this.inner.listBy(kind, index, value);
    return this.records(kind)
      .filter((record) => field(record, index) === value)
      .map((record) => structuredClone(record));
  }

  scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]> {
    return this.inner.scan(kind, afterId, limit);
  }

  listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null): Promise<Records[K][]> {
    return this.inner.listBefore(kind, index, before, limit, cursor);
  }

  insert(): Promise<void> {
    return readOnly();
  }
  update(): Promise<null> {
    return readOnly();
  }
  delete(): Promise<boolean> {
    return readOnly();
  }
  deleteBefore(): Promise<number> {
    return readOnly();
  }
  increment(): Promise<number> {
    return readOnly();
  }
  resetCounter(): Promise<void> {
    return readOnly();
  }
  transaction<T>(): Promise<T> {
    return readOnly();
  }

  private records<K extends Kind>(kind: K): Records[K][] {
    return (this.snapshot.records[kind] ?? []) as Records[K][];
  }
}

/** `ctx` reading through `snapshot` when there is one: what a flow about to read those records one by one gets. */
export function withSnapshot<C extends { store: Store }>(ctx: C, snapshot: StoreSnapshot | null | undefined): C {
  return snapshot ? { ...ctx, store: new SnapshotStore(snapshot, ctx.store) } : ctx;
}

function listKey(kind: Kind, index: string, value: string): string {
  return `${kind}\u0000${index}\u0000${value}`;
}

function readOnly(): never {
  throw new Error('A store snapshot is read-only: write through the store it was read from');
}
