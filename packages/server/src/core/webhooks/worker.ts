/**
 * Sends the outbox: claims due deliveries, POSTs each signed message to its
 * endpoint with a timeout, and records the attempt, all on the server
 * core's store, so any host that can `fetch` can run it (the Node service
 * runs one per instance). At least once: a worker that dies mid-send leaves
 * its claim to run out (`leaseMs`), and the delivery is sent again; receivers
 * dedupe on `webhook-id`. One user's deliveries to one endpoint go out one
 * at a time, oldest first.
 */
import { randomId } from '../crypto/random';
import type { ServerContext } from '../flows/context';
import { inTransaction } from '../flows/transaction';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '../store/records';
import type { Store } from '../store/store';
import { nextAttemptDelay, webhookRetryDelaysMs } from './schedule';
import { signWebhook } from './signing';
import { checkEndpointUrl } from './url-policy';

export interface WebhookWorkerOptions {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** How long one POST may take, headers included, before it counts as failed. Default 15 s. */
  timeoutMs?: number;
  /** Deliveries claimed (and sent in parallel) per round. Default 20. */
  batchSize?: number;
  /** Pause between rounds when there was nothing to do. Default 1 s. */
  pollIntervalMs?: number;
  /** Delays between attempts; default `webhookRetryDelaysMs`. */
  retryDelaysMs?: readonly number[];
  /** Told about rounds that failed (the store was down); the worker keeps going. */
  onError?: (error: unknown) => void;
  /** Told about each attempt, for logs. */
  onAttempt?: (attempt: WebhookAttemptReport) => void;
}

export interface WebhookAttemptReport {
  endpointId: string;
  messageId: string;
  attempt: number;
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  /** True when this failure used up the schedule and the endpoint is now failing. */
  endpointFailing: boolean;
}

export interface WebhookWorker {
  /** One round: claim, send, record. Resolves to the number of deliveries attempted. */
  runOnce(): Promise<number>;
  /** Rounds until `stop()`. */
  start(): void;
  /** Ends the loop after the round in flight. */
  stop(): Promise<void>;
}

const maxErrorLength = 300;

export function createWebhookWorker(ctx: ServerContext, options: WebhookWorkerOptions): WebhookWorker {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const delays = options.retryDelaysMs ?? webhookRetryDelaysMs;
  // Long enough that a live worker always finishes first (the POST is cut at timeoutMs).
  const leaseMs = timeoutMs * 2 + 10_000;

  const deliver = async (delivery: WebhookDeliveryRecord): Promise<void> => {
    const [message, endpoint] = await Promise.all([ctx.store.get('webhookMessages', delivery.messageId), ctx.store.get('webhookEndpoints', delivery.endpointId)]);
    if (!message || !endpoint) {
      await ctx.store.delete('webhookDeliveries', delivery.id);
      return;
    }
    const body = message.sealed ? await ctx.secrets.open(message.body, message.id) : message.body;
    const started = performance.now();
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      const url = checkEndpointUrl(endpoint.url, ctx.webhookUrlPolicy);
      const headers = await signWebhook(ctx.crypto, await signingSecrets(ctx, endpoint), {
        id: message.id,
        timestampSeconds: Math.floor(ctx.now() / 1000),
        body,
      });
      const response = await send(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'Latch-Webhooks/1' },
        body,
        // A redirect is a failure: following it could lead the server somewhere the URL check never saw.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      responseStatus = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
    } catch (caught) {
      const name = (caught as Error).name;
      error = name === 'TimeoutError' || name === 'AbortError' ? `timed out after ${timeoutMs} ms` : describe(caught);
    }
    const durationMs = Math.round(performance.now() - started);
    const report = await record(delivery, { responseStatus, error, durationMs });
    if (report) options.onAttempt?.(report);
  };

  /** The attempt, the delivery's next state and, when the schedule is used up, the endpoint's: one transaction. */
  const record = (delivery: WebhookDeliveryRecord, result: { responseStatus: number | null; error: string | null; durationMs: number }) =>
    inTransaction(ctx, async (ctx): Promise<WebhookAttemptReport | null> => {
      const current = await ctx.store.get('webhookDeliveries', delivery.id);
      // Removed with its endpoint while the POST was out.
      if (!current) return null;
      const now = ctx.now();
      const attempt = current.attempts + 1;
      const ok = result.error === null;
      await ctx.store.insert('webhookAttempts', {
        id: randomId('att'),
        deliveryId: delivery.id,
        messageId: delivery.messageId,
        endpointId: delivery.endpointId,
        attempt,
        outcome: ok ? 'succeeded' : 'failed',
        responseStatus: result.responseStatus,
        durationMs: result.durationMs,
        error: result.error,
        createdAt: now,
      });
      const delay = ok ? null : nextAttemptDelay(attempt, delays);
      const exhausted = !ok && delay === null;
      await ctx.store.update('webhookDeliveries', delivery.id, {
        status: ok ? 'succeeded' : exhausted ? 'failed' : 'pending',
        attempts: attempt,
        nextAttemptAt: delay === null ? current.nextAttemptAt : now + delay,
        leasedUntil: null,
        updatedAt: now,
      });
      if (exhausted) await ctx.store.update('webhookEndpoints', delivery.endpointId, { status: 'failing', updatedAt: now });
      return { endpointId: delivery.endpointId, messageId: delivery.messageId, attempt, ok, ...result, endpointFailing: exhausted };
    });

  const runOnce = async (): Promise<number> => {
    const claimed = await claimWebhookDeliveries(ctx.store, ctx.now(), batchSize, leaseMs);
    // Each claimed delivery is the first in line for its user and endpoint, so they may all go at once.
    const results = await Promise.allSettled(claimed.map(deliver));
    for (const result of results) if (result.status === 'rejected') options.onError?.(result.reason);
    return claimed.length;
  };

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let attempted = 0;
          try {
            attempted = await runOnce();
          } catch (error) {
            options.onError?.(error);
          }
          if (attempted < batchSize && running) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, pollIntervalMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = null;
          }
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}

/** The store's own claim where it has one (PostgreSQL: SKIP LOCKED), else the same rule in one transaction. */
export async function claimWebhookDeliveries(store: Store, now: number, limit: number, leaseMs: number): Promise<WebhookDeliveryRecord[]> {
  if (store.claimWebhookDeliveries) return store.claimWebhookDeliveries(now, limit, leaseMs);
  // A look first, outside any transaction: an idle worker never takes SQLite's write lock.
  const due = (delivery: WebhookDeliveryRecord) => delivery.nextAttemptAt <= now && (delivery.leasedUntil ?? 0) <= now;
  if (!(await store.listBy('webhookDeliveries', 'status', 'pending')).some(due)) return [];
  return store.transaction(async (tx) => {
    const pending = await tx.listBy('webhookDeliveries', 'status', 'pending');
    const endpointActive = new Map<string, boolean>();
    /** (endpoint, user) pairs whose oldest pending delivery has been seen: later ones wait for it. */
    const seen = new Set<string>();
    const claimed: WebhookDeliveryRecord[] = [];
    for (const delivery of pending) {
      if (claimed.length >= limit) break;
      const key = delivery.orderingKey === null ? null : `${delivery.endpointId} ${delivery.orderingKey}`;
      const blocked = key !== null && seen.has(key);
      if (key !== null) seen.add(key);
      if (blocked || !due(delivery)) continue;
      if (!endpointActive.has(delivery.endpointId)) {
        endpointActive.set(delivery.endpointId, (await tx.get('webhookEndpoints', delivery.endpointId))?.status === 'active');
      }
      if (!endpointActive.get(delivery.endpointId)) continue;
      const leased = await tx.update('webhookDeliveries', delivery.id, { leasedUntil: now + leaseMs });
      if (leased) claimed.push(leased);
    }
    return claimed;
  });
}

/** The endpoint's secrets that sign now: the current one, and a rotated-out one until it expires. */
async function signingSecrets(ctx: ServerContext, endpoint: WebhookEndpointRecord): Promise<string[]> {
  const now = ctx.now();
  const live = endpoint.secrets.filter((state) => state.expiresAt === null || state.expiresAt > now);
  return Promise.all(live.map((state) => ctx.secrets.open(state.sealed, endpoint.id)));
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const text = cause?.code ? `${(error as Error).message}: ${cause.code}` : ((error as Error).message ?? String(error));
  return text.slice(0, maxErrorLength);
}
