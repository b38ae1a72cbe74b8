import type { Kind, Records } from './records';
import type { ListIndex, UniqueIndex } from './schema';

/**
 * Where the server keeps its state. Small on purpose: each method is one
 * atomic step, so the flows never need a multi-statement transaction and a
 * SQL store is a thin mapping. Records handed in or out are copies.
 */
export interface Store {
  get<K extends Kind>(kind: K, id: string): Promise<Records[K] | null>;
  /** The record whose unique index equals `value`, if any. */
  findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string): Promise<Records[K] | null>;
  /** Every record whose list index equals `value`, oldest first. */
  listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string): Promise<Records[K][]>;
  /** Throws UniqueViolation when a unique index already holds one of the record's values. */
  insert<K extends Kind>(kind: K, record: Records[K]): Promise<void>;
  /** Merges `patch` into the record; null when it does not exist. Throws UniqueViolation like insert. */
  update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>): Promise<Records[K] | null>;
  /** True only for the one caller that actually removed the record: single-use codes rely on it. */
  delete(kind: Kind, id: string): Promise<boolean>;
  /**
   * Adds `by` to the counter and returns the new value. A missing or expired
   * counter starts from 0 and expires `ttlMs` after `now`; later increments
   * keep that expiry (a fixed window).
   */
  increment(key: string, by: number, ttlMs: number, now: number): Promise<number>;
  resetCounter(key: string): Promise<void>;
  /** Up to `limit` records ordered by id, after `afterId` (from the start when null): for maintenance that visits every record, such as re-encryption. */
  scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]>;
}

/** Raised by `insert`/`update` on a unique-index clash. */
export class UniqueViolation extends Error {
  constructor(
    readonly kind: Kind,
    readonly index: string,
  ) {
    super(`Unique index ${kind}.${index} already holds this value`);
    this.name = 'UniqueViolation';
  }
}
