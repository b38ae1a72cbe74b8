/**
 * Managing webhook endpoints, for the admin API and the CLI: add, list,
 * change, remove, rotate the secret, enable again after failing, replay
 * messages and read the delivery log.
 */
import { randomId } from '../crypto/random';
import { fail } from '../errors';
import type { ServerContext } from '../flows/context';
import { inTransaction } from '../flows/transaction';
import type { WebhookAttemptRecord, WebhookEndpointRecord, WebhookMessageRecord } from '../store/records';
import { endpointReceives, isWebhookEventType, maxWebhookEndpoints, newDelivery, webhookMessageIdFloor, wildcardEvent } from './events';
import { newWebhookSecret } from './signing';
import { checkEndpointUrl } from './url-policy';

/** An endpoint as the admin API and the CLI show it: never its secrets. */
export interface WebhookEndpointJSON {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  events: string[];
  description: string | null;
  status: WebhookEndpointRecord['status'];
  /** During a secret rotation: until when the previous secret still signs too. */
  previousSecretExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookAttemptJSON {
  id: string;
  object: 'webhook_attempt';
  messageId: string;
  eventType: string | null;
  deliveryId: string;
  attempt: number;
  outcome: WebhookAttemptRecord['outcome'];
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  createdAt: number;
}

export interface WebhookEndpointInput {
  url: string;
  /** Event types, or `*` for all but the code-carrying ones; default `*`. */
  events?: readonly string[];
  description?: string | null;
}

/** How long a rotated-out secret keeps signing beside the new one, by default. */
export const defaultSecretOverlapMs = 24 * 3_600_000;

export function createWebhookManagement(ctx: ServerContext) {
  const options = ctx.webhookUrlPolicy;
  /** `on` is the transaction's context inside one: a transaction body must not use the outer store. */
  const requireEndpoint = async (id: string, on: ServerContext = ctx): Promise<WebhookEndpointRecord> => {
    const endpoint = await on.store.get('webhookEndpoints', id);
    if (!endpoint) throw fail('resource_not_found', { message: `No webhook endpoint ${id}.` });
    return endpoint;
  };

  /** New deliveries of `message` to each endpoint that receives it now (or to `endpointId` only), skipping those already pending. */
  const replayMessage = async (message: WebhookMessageRecord, endpointId?: string): Promise<number> =>
    inTransaction(ctx, async (ctx) => {
      const endpoints = endpointId ? [await requireEndpoint(endpointId, ctx)] : await ctx.store.scan('webhookEndpoints', null, maxWebhookEndpoints);
      const existing = await ctx.store.listBy('webhookDeliveries', 'messageId', message.id);
      let count = 0;
      for (const endpoint of endpoints) {
        if (!endpointId && !endpointReceives(endpoint, message.type)) continue;
        if (existing.some((delivery) => delivery.endpointId === endpoint.id && delivery.status === 'pending')) continue;
        // Ordered after the user's newer events: a replay is a fresh delivery of the same message id.
        await ctx.store.insert('webhookDeliveries', newDelivery(message.id, endpoint.id, existing[0]?.orderingKey ?? null, ctx.now()));
        count++;
      }
      return count;
    });

  return {
    /** Adds an endpoint; the secret is returned here and by `rotateSecret` only. */
    async add(input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpointJSON; secret: string }> {
      const url = checkEndpointUrl(input.url, options);
      const events = checkEvents(input.events ?? [wildcardEvent]);
      const existing = await ctx.store.scan('webhookEndpoints', null, maxWebhookEndpoints);
      if (existing.length >= maxWebhookEndpoints) throw fail('form_param_format_invalid', { message: `At most ${maxWebhookEndpoints} webhook endpoints.` });
      const secret = newWebhookSecret(ctx.crypto);
      const id = randomId('ep');
      const now = ctx.now();
      const endpoint: WebhookEndpointRecord = {
        id,
        url,
        events,
        description: input.description ?? null,
        status: 'active',
        secrets: [{ sealed: await ctx.secrets.seal(secret, id), createdAt: now, expiresAt: null }],
        createdAt: now,
        updatedAt: now,
      };
      await ctx.store.insert('webhookEndpoints', endpoint);
      return { endpoint: endpointJSON(endpoint, now), secret };
    },

    async list(): Promise<WebhookEndpointJSON[]> {
      const now = ctx.now();
      const endpoints = await ctx.store.scan('webhookEndpoints', null, maxWebhookEndpoints);
      return endpoints.sort((a, b) => a.createdAt - b.createdAt).map((endpoint) => endpointJSON(endpoint, now));
    },

    async get(id: string): Promise<WebhookEndpointJSON> {
      return endpointJSON(await requireEndpoint(id), ctx.now());
    },

    async update(id: string, patch: Partial<WebhookEndpointInput>): Promise<WebhookEndpointJSON> {
      await requireEndpoint(id);
      const changes: Partial<WebhookEndpointRecord> = { updatedAt: ctx.now() };
      if (patch.url !== undefined) changes.url = checkEndpointUrl(patch.url, options);
      if (patch.events !== undefined) changes.events = checkEvents(patch.events);
      if (patch.description !== undefined) changes.description = patch.description;
      const updated = await ctx.store.update('webhookEndpoints', id, changes);
      if (!updated) throw fail('resource_not_found');
      return endpointJSON(updated, ctx.now());
    },

    /** Removes the endpoint with its deliveries and log. */
    async remove(id: string): Promise<void> {
      await requireEndpoint(id);
      const deliveries = await ctx.store.listBy('webhookDeliveries', 'endpointId', id);
      const attempts = await ctx.store.listBy('webhookAttempts', 'endpointId', id);
      await inTransaction(ctx, async (ctx) => {
        await ctx.store.delete('webhookEndpoints', id);
        for (const delivery of deliveries) await ctx.store.delete('webhookDeliveries', delivery.id);
        for (const attempt of attempts) await ctx.store.delete('webhookAttempts', attempt.id);
      });
    },

    /**
     * A new secret that signs from now on; the current one keeps signing too
     * (both signatures in every header) until `overlapMs` has passed, so
     * receivers can switch without losing a message.
     */
    async rotateSecret(id: string, overlapMs = defaultSecretOverlapMs): Promise<{ endpoint: WebhookEndpointJSON; secret: string }> {
      const endpoint = await requireEndpoint(id);
      const now = ctx.now();
      const secret = newWebhookSecret(ctx.crypto);
      const kept = endpoint.secrets
        .filter((state) => state.expiresAt === null || state.expiresAt > now)
        .map((state) => ({ ...state, expiresAt: Math.min(state.expiresAt ?? Infinity, now + overlapMs) }));
      const secrets = [{ sealed: await ctx.secrets.seal(secret, id), createdAt: now, expiresAt: null }, ...kept];
      const updated = await ctx.store.update('webhookEndpoints', id, { secrets, updatedAt: now });
      return { endpoint: endpointJSON(updated ?? endpoint, now), secret };
    },

    /** Active again: its failed deliveries start their retry schedule over, now. */
    async enable(id: string): Promise<{ endpoint: WebhookEndpointJSON; requeued: number }> {
      await requireEndpoint(id);
      const failed = (await ctx.store.listBy('webhookDeliveries', 'endpointId', id)).filter((delivery) => delivery.status === 'failed');
      const now = ctx.now();
      const updated = await inTransaction(ctx, async (ctx) => {
        for (const delivery of failed) {
          await ctx.store.update('webhookDeliveries', delivery.id, { status: 'pending', attempts: 0, nextAttemptAt: now, leasedUntil: null, updatedAt: now });
        }
        return ctx.store.update('webhookEndpoints', id, { status: 'active', updatedAt: now });
      });
      if (!updated) throw fail('resource_not_found');
      return { endpoint: endpointJSON(updated, now), requeued: failed.length };
    },

    /** Sends one message again (same `webhook-id`), to every endpoint that receives its type or to `endpointId`. */
    async replay(messageId: string, endpointId?: string): Promise<number> {
      const message = await ctx.store.get('webhookMessages', messageId);
      if (!message) throw fail('resource_not_found', { message: `No webhook message ${messageId}.` });
      return replayMessage(message, endpointId);
    },

    /** Sends every message since `since` (ms) again, oldest first; returns how many deliveries it queued. */
    async replaySince(since: number, endpointId?: string): Promise<number> {
      if (endpointId) await requireEndpoint(endpointId);
      let after: string | null = webhookMessageIdFloor(since);
      let count = 0;
      for (;;) {
        const page: WebhookMessageRecord[] = await ctx.store.scan('webhookMessages', after, 100);
        for (const message of page) if (message.createdAt >= since) count += await replayMessage(message, endpointId);
        if (page.length < 100) return count;
        after = page.at(-1)!.id;
      }
    },

    /**
     * Deletes messages created before `before` that every endpoint has
     * received, with their deliveries and log; a message still pending or
     * failed somewhere is kept. Returns how many it deleted.
     */
    async purgeDelivered(before: number): Promise<number> {
      let after: string | null = null;
      let purged = 0;
      for (;;) {
        const page: WebhookMessageRecord[] = await ctx.store.scan('webhookMessages', after, 100);
        for (const message of page) {
          if (message.createdAt >= before) return purged;
          const deliveries = await ctx.store.listBy('webhookDeliveries', 'messageId', message.id);
          if (deliveries.some((delivery) => delivery.status !== 'succeeded')) continue;
          const attempts = await ctx.store.listBy('webhookAttempts', 'messageId', message.id);
          await inTransaction(ctx, async (ctx) => {
            for (const attempt of attempts) await ctx.store.delete('webhookAttempts', attempt.id);
            for (const delivery of deliveries) await ctx.store.delete('webhookDeliveries', delivery.id);
            if (await ctx.store.delete('webhookMessages', message.id)) purged++;
          });
        }
        if (page.length < 100) return purged;
        after = page.at(-1)!.id;
      }
    },

    /** The endpoint's delivery log, newest first. */
    async attempts(endpointId: string, limit = 50): Promise<WebhookAttemptJSON[]> {
      await requireEndpoint(endpointId);
      const attempts = (await ctx.store.listBy('webhookAttempts', 'endpointId', endpointId)).reverse().slice(0, limit);
      const types = new Map<string, string | null>();
      for (const attempt of attempts) {
        if (!types.has(attempt.messageId)) types.set(attempt.messageId, (await ctx.store.get('webhookMessages', attempt.messageId))?.type ?? null);
      }
      return attempts.map((attempt) => ({
        id: attempt.id,
        object: 'webhook_attempt',
        messageId: attempt.messageId,
        eventType: types.get(attempt.messageId) ?? null,
        deliveryId: attempt.deliveryId,
        attempt: attempt.attempt,
        outcome: attempt.outcome,
        responseStatus: attempt.responseStatus,
        durationMs: attempt.durationMs,
        error: attempt.error,
        createdAt: attempt.createdAt,
      }));
    },
  };
}

export type WebhookManagement = ReturnType<typeof createWebhookManagement>;

function checkEvents(events: readonly string[]): string[] {
  if (events.length === 0) throw fail('form_param_format_invalid', { paramName: 'events', message: 'Name at least one event type, or *.' });
  for (const event of events) {
    if (event !== wildcardEvent && !isWebhookEventType(event)) {
      throw fail('form_param_format_invalid', { paramName: 'events', message: `Unknown webhook event type '${event}'.` });
    }
  }
  return [...new Set(events)];
}

function endpointJSON(endpoint: WebhookEndpointRecord, now: number): WebhookEndpointJSON {
  const previous = endpoint.secrets.filter((state) => state.expiresAt !== null && state.expiresAt > now);
  return {
    id: endpoint.id,
    object: 'webhook_endpoint',
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    status: endpoint.status,
    previousSecretExpiresAt: previous.length > 0 ? Math.max(...previous.map((state) => state.expiresAt!)) : null,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}
