import type { Kind, Records, WebhookDeliveryRecord } from './records';
import type { ListIndex, TimeIndex, UniqueIndex } from './schema';
import type { StoreSnapshot } from './snapshot';

/**
 * Where the server keeps its state. Small on purpose, so a SQL store is a
 * thin mapping: each method is one atomic step, and a flow that writes more
 * than one row does so inside `transaction`, so a crash or a failure between
 * its writes leaves nothing half-done. Records handed in or out are copies.
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
   * keep that expiry (a fixed window). By 0 only reads: it writes nothing
   * (no flush to disk), and a missing or expired counter reads 0.
   */
  increment(key: string, by: number, ttlMs: number, now: number): Promise<number>;
  resetCounter(key: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: every call on `tx` is part of it, it
   * commits when `fn` resolves, and a throw rolls it all back and is
   * re-thrown. Calling `transaction` on `tx` runs inside the same one. Keep
   * the body to store calls (no password hashing, mail or network), and make
   * no call on the outer store inside it: a store with one connection would
   * wait for the transaction to end. Concurrent readers outside never see
   * its uncommitted writes.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Up to `limit` records ordered by id, after `afterId` (from the start when null): for maintenance that visits every record, such as re-encryption. */
  scan<K extends Kind>(kind: K, afterId: string | null, limit: number): Promise<Records[K][]>;
  /**
   * Optional, for stores where each call is a network round trip: in one
   * read, the client and what its JSON shows, i.e. its sessions (the list by
   * `clientId`), their users and the sign-in's, those users' email addresses,
   * backup codes and passkeys (the lists by `userId`), its sign-in and its sign-up.
   * backup codes and external accounts (the lists by `userId`), its sign-in and its sign-up.
   * Null when the client does not exist. Without it the core reads them one by one.
   */
  readClientSnapshot?(clientId: string): Promise<StoreSnapshot | null>;
  /** Optional, likewise: in one read, the session and its user (what a token mint checks). Null when the session does not exist. */
  readSessionSnapshot?(sessionId: string): Promise<StoreSnapshot | null>;
  /**
   * Up to `limit` records whose timestamp index is at or before `before`,
   * ordered by it and then by id, after `cursor` (the last record of the
   * previous page): for the retention sweep.
   */
  listBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number, cursor?: TimeCursor | null): Promise<Records[K][]>;
  /** Deletes up to `limit` records whose timestamp index is at or before `before`, earliest first, as one short statement; returns how many. */
  deleteBefore<K extends Kind>(kind: K, index: TimeIndex<K>, before: number, limit: number): Promise<number>;
  /**
   * Optional, for stores that many processes write at once (PostgreSQL):
   * leases up to `limit` due webhook deliveries of active endpoints until
   * `now + leaseMs`, each the oldest unfinished one of its user and endpoint,
   * without waiting for or taking rows another worker is claiming. Stores
   * without it are claimed by `claimWebhookDeliveries` in
   * `core/webhooks/worker.ts` inside one transaction, which is safe where
   * transactions run one at a time (memory, SQLite).
   */
  claimWebhookDeliveries?(now: number, limit: number, leaseMs: number): Promise<WebhookDeliveryRecord[]>;
}

/** Where a page of `listBefore` ended: the timestamp and id of its last record. */
export interface TimeCursor {
  at: number;
  id: string;
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

/**
 * Thrown by a store for a fault that is not the request's doing and should
 * pass: the database is unreachable, busy, locked, out of disk or timed out.
 * The handler answers it with 503 and Retry-After, never 500, so clients and
 * load balancers retry instead of reporting a bug.
 */
export class StoreUnavailable extends Error {
  constructor(
    message: string,
    /** How long a client should wait before trying again. */
    readonly retryAfterSeconds = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}
