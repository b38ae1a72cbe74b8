/**
 * The events the server reports to the app's webhook endpoints, and how a
 * flow records one: into the outbox, in the transaction of the change it
 * reports, so a change that commits always has its event and a change that
 * rolls back never does (see `flows/transaction.ts`).
 */
import { randomId, randomString } from '../crypto/random';
import type { ServerContext } from '../flows/context';
import { serializeSessionEvent, serializeUser } from '../serialize';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '../store/records';

export const webhookEventTypes = [
  'user.created',
  'user.updated',
  'user.deleted',
  'session.created',
  'session.ended',
  'session.revoked',
  'email.created',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * Events that carry one-time codes: only endpoints that name them get them
 * (never through `*`), and their bodies are sealed at rest in the outbox like
 * any other secret.
 */
export const codeCarryingEvents: ReadonlySet<string> = new Set<WebhookEventType>(['email.created']);

/** What an endpoint subscribed with `*` receives. */
export const wildcardEvent = '*';

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(value);
}

export function endpointReceives(endpoint: Pick<WebhookEndpointRecord, 'events'>, type: string): boolean {
  if (endpoint.events.includes(type)) return true;
  return endpoint.events.includes(wildcardEvent) && !codeCarryingEvents.has(type);
}

/** An event recorded during a transaction, written to the outbox just before it commits. */
export interface PendingWebhookEvent {
  type: WebhookEventType;
  /** The user it is about: one user's events reach an endpoint in the order they committed. */
  orderingKey: string | null;
  /** What `user.updated` collapses on: one per user per transaction. */
  dedupeKey: string | null;
  /** The `data` of the payload, read when the transaction is about to commit (its final state); null skips the event. */
  data: (ctx: ServerContext) => Promise<unknown>;
}

/** Endpoints beyond this many are not read: a sanity cap, far above what an app needs. */
export const maxWebhookEndpoints = 100;

/** The payload every endpoint receives, in the Standard Webhooks shape. */
export interface WebhookPayload {
  type: string;
  /** ISO 8601, when the change committed. */
  timestamp: string;
  data: unknown;
}

function record(ctx: ServerContext, event: PendingWebhookEvent): void {
  const pending = ctx.webhookEvents;
  // Every flow that changes a user or a session does so in `inTransaction`; an event outside one could be lost.
  if (!pending) throw new Error(`webhook event ${event.type} recorded outside a transaction (use inTransaction)`);
  if (event.dedupeKey && pending.some((other) => other.dedupeKey === event.dedupeKey)) return;
  pending.push(event);
}

/** `user.created` or `user.updated`, with the user as the API shows it when the transaction commits. */
export function recordUserEvent(ctx: ServerContext, type: 'user.created' | 'user.updated', userId: string): void {
  // An update in the transaction that created the user is part of `user.created`.
  record(ctx, {
    type,
    orderingKey: userId,
    dedupeKey: `user:${userId}`,
    data: async (ctx) => {
      const user = await ctx.store.get('users', userId);
      return user ? serializeUser(ctx, user) : null;
    },
  });
}

export function recordUserDeleted(ctx: ServerContext, userId: string): void {
  record(ctx, { type: 'user.deleted', orderingKey: userId, dedupeKey: null, data: async () => ({ id: userId, object: 'user', deleted: true }) });
}

export function recordSessionEvent(ctx: ServerContext, type: 'session.created' | 'session.ended' | 'session.revoked', sessionId: string, userId: string): void {
  record(ctx, {
    type,
    orderingKey: userId,
    dedupeKey: null,
    data: async (ctx) => {
      const session = await ctx.store.get('sessions', sessionId);
      return session ? serializeSessionEvent(ctx, session) : null;
    },
  });
}

/** What `email.created` carries: everything an app needs to send the email itself. */
export interface EmailCreatedData {
  id: string;
  object: 'email';
  toEmailAddress: string;
  /** sign_up_code, sign_in_code, reset_password_code, verify_email_code, reverification_code; sign_in_link, sign_up_link, verify_email_link. */
  kind: string;
  subject: string;
  body: string;
  locale: string;
  /** The code, for the `_code` kinds. */
  code?: string;
  /** The link (the app's verify page with the token), for the `_link` kinds. */
  link?: string;
  expiresAt: number;
}

export function recordEmailCreated(ctx: ServerContext, data: EmailCreatedData): void {
  record(ctx, { type: 'email.created', orderingKey: null, dedupeKey: null, data: async () => data });
}

/**
 * How long a user's event counter lives after its first event (see
 * `writeOutbox`): long enough that its numbers only grow while anyone could
 * still replay those messages.
 */
const orderingCounterTtlMs = 400 * 24 * 3_600_000;

/**
 * Writes the transaction's events to the outbox, on the transaction's store,
 * just before it commits: one message per event and one delivery per endpoint
 * that receives it. Nothing is written when no endpoint wants the event.
 *
 * Per-user order: bumping a counter named after the user takes its row lock
 * (PostgreSQL) until the commit, so two transactions about one user insert
 * their deliveries in the order they commit, and the workers deliver by that
 * order. The counters are taken last and sorted, so they cannot deadlock
 * with the rows the flow locked (SQLite and memory run one transaction at a
 * time anyway). The counter's values also go into the message ids, after the
 * time, so sorting messages by id keeps each user's order even within one
 * millisecond (replays by time rely on it).
 */
export async function writeOutbox(ctx: ServerContext, events: readonly PendingWebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  const endpoints = await ctx.store.scan('webhookEndpoints', null, maxWebhookEndpoints);
  const wanted = events
    .map((event) => ({ event, endpoints: endpoints.filter((endpoint) => endpointReceives(endpoint, event.type)) }))
    .filter((entry) => entry.endpoints.length > 0);
  if (wanted.length === 0) return;
  const perKey = new Map<string, number>();
  for (const { event } of wanted) if (event.orderingKey !== null) perKey.set(event.orderingKey, (perKey.get(event.orderingKey) ?? 0) + 1);
  /** The next number of each user's events in this transaction. */
  const next = new Map<string, number>();
  for (const key of [...perKey.keys()].sort()) {
    const last = await ctx.store.increment(`webhook-order:${key}`, perKey.get(key)!, orderingCounterTtlMs, ctx.now());
    next.set(key, last - perKey.get(key)! + 1);
  }
  // Read after the counters: a later transaction about the same user never gets an earlier time.
  const now = ctx.now();
  for (const { event, endpoints } of wanted) {
    const sequence = event.orderingKey === null ? 0 : next.get(event.orderingKey)!;
    if (event.orderingKey !== null) next.set(event.orderingKey, sequence + 1);
    const data = await event.data(ctx);
    if (data === null) continue;
    const id = webhookMessageId(now, sequence);
    const payload: WebhookPayload = { type: event.type, timestamp: new Date(now).toISOString(), data };
    const body = JSON.stringify(payload);
    const sealed = codeCarryingEvents.has(event.type);
    await ctx.store.insert('webhookMessages', { id, type: event.type, body: sealed ? await ctx.secrets.seal(body, id) : body, sealed, createdAt: now });
    for (const endpoint of endpoints) await ctx.store.insert('webhookDeliveries', newDelivery(id, endpoint.id, event.orderingKey, now));
  }
}

/** A message's delivery to one endpoint, due at once. */
export function newDelivery(messageId: string, endpointId: string, orderingKey: string | null, now: number): WebhookDeliveryRecord {
  return {
    id: randomId('dlv'),
    messageId,
    endpointId,
    orderingKey,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leasedUntil: null,
    createdAt: now,
    updatedAt: now,
  };
}

const idAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** `msg_` + the time (10 sortable characters) + the user's event number (7) + 10 random: ordered by id is ordered by time, then per user. */
export function webhookMessageId(now: number, sequence: number): string {
  return `msg_${sortable(now, 10)}${sortable(sequence, 7)}${randomString(10, idAlphabet)}`;
}

/** The smallest message id at or after `time`, for scans. */
export function webhookMessageIdFloor(time: number): string {
  return `msg_${sortable(time, 10)}`;
}

function sortable(value: number, length: number): string {
  let rest = Math.max(0, Math.floor(value));
  let text = '';
  for (let i = 0; i < length; i++) {
    text = idAlphabet[rest % 32] + text;
    rest = Math.floor(rest / 32);
  }
  return text;
}
