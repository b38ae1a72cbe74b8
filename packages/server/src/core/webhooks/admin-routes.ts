/**
 * The admin API's webhook routes, one module of the admin router
 * (`/v1/admin/*`, secret-key authenticated, never CORS; registered in
 * `core/admin-api/modules.ts`). The router matches `routes`, authenticates
 * the request, reads the JSON body and calls the handler with its admin
 * request context, of which these handlers need only `WebhookAdminContext`;
 * the return value is the 200 JSON body, a thrown `ApiFailure` the error.
 */
import { fail } from '../errors';
import type { ServerContext } from '../flows/context';
import type { BodyReader } from '../http/body-reader';
import { webhookEventTypes, wildcardEvent, codeCarryingEvents } from './events';
import { createWebhookManagement } from './endpoints';

/** What a handler needs from the admin router: an authenticated request on the server's context. */
export interface WebhookAdminContext extends ServerContext {
  /** For query strings (`limit`). */
  url: URL;
  /** The route's decoded `:id` segment, or ''. */
  id: string;
  body: BodyReader;
}

export type WebhookAdminHandler = (ctx: WebhookAdminContext) => Promise<unknown>;

export const WebhookAdminRouteTable = {
  webhookEventTypes: 'GET /v1/admin/webhook_event_types',
  webhookEndpointsList: 'GET /v1/admin/webhook_endpoints',
  webhookEndpointCreate: 'POST /v1/admin/webhook_endpoints',
  webhookEndpointGet: 'GET /v1/admin/webhook_endpoints/:id',
  webhookEndpointUpdate: 'PATCH /v1/admin/webhook_endpoints/:id',
  webhookEndpointDelete: 'DELETE /v1/admin/webhook_endpoints/:id',
  webhookEndpointRotateSecret: 'POST /v1/admin/webhook_endpoints/:id/rotate_secret',
  webhookEndpointEnable: 'POST /v1/admin/webhook_endpoints/:id/enable',
  webhookEndpointAttempts: 'GET /v1/admin/webhook_endpoints/:id/attempts',
  webhookMessageReplay: 'POST /v1/admin/webhook_messages/:id/replay',
  webhookMessagesReplaySince: 'POST /v1/admin/webhook_messages/replay',
} as const;

type WebhookAdminRouteName = keyof typeof WebhookAdminRouteTable;

export interface WebhookAdminRoutes {
  routes: Readonly<Record<WebhookAdminRouteName, string>>;
  handlers: Readonly<Record<WebhookAdminRouteName, WebhookAdminHandler>>;
}

const manage = (ctx: WebhookAdminContext) => createWebhookManagement(ctx);

export const webhookAdminRoutes: WebhookAdminRoutes = {
  routes: WebhookAdminRouteTable,
  handlers: {
    async webhookEventTypes() {
      return { data: webhookEventTypes.map((type) => ({ type, carriesCodes: codeCarryingEvents.has(type), inWildcard: !codeCarryingEvents.has(type) })), wildcard: wildcardEvent };
    },
    async webhookEndpointsList(ctx) {
      return { data: await manage(ctx).list() };
    },
    /** `{ url, events?, description? }` → `{ endpoint, secret }`: the secret is shown here and at rotation only. */
    async webhookEndpointCreate(ctx) {
      return manage(ctx).add({
        url: ctx.body.string('url', { max: 2048 }),
        ...defined('events', ctx.body.optionalStringList('events')),
        ...defined('description', ctx.body.nullableString('description')),
      });
    },
    async webhookEndpointGet(ctx) {
      return manage(ctx).get(ctx.id);
    },
    async webhookEndpointUpdate(ctx) {
      return manage(ctx).update(ctx.id, {
        ...defined('url', ctx.body.optionalString('url', { max: 2048 })),
        ...defined('events', ctx.body.optionalStringList('events')),
        ...defined('description', ctx.body.nullableString('description')),
      });
    },
    async webhookEndpointDelete(ctx) {
      await manage(ctx).remove(ctx.id);
      return { id: ctx.id, object: 'webhook_endpoint', deleted: true };
    },
    /** The old secret keeps signing beside the new one for a day. */
    async webhookEndpointRotateSecret(ctx) {
      return manage(ctx).rotateSecret(ctx.id);
    },
    async webhookEndpointEnable(ctx) {
      return manage(ctx).enable(ctx.id);
    },
    async webhookEndpointAttempts(ctx) {
      const limit = ctx.url.searchParams.get('limit');
      return { data: await manage(ctx).attempts(ctx.id, limit === null ? undefined : Math.min(500, count(limit, 'limit'))) };
    },
    /** `{ endpointId? }` → `{ queued }`. */
    async webhookMessageReplay(ctx) {
      return { queued: await manage(ctx).replay(ctx.id, ctx.body.optionalString('endpointId')) };
    },
    /** `{ since, endpointId? }` (since: ISO 8601 or milliseconds) → `{ queued }`. */
    async webhookMessagesReplaySince(ctx) {
      const since = parseSince(ctx.body.string('since'));
      return { queued: await manage(ctx).replaySince(since, ctx.body.optionalString('endpointId')) };
    },
  },
};

function defined<N extends string, T>(name: N, value: T | undefined): { [K in N]?: T } {
  return (value === undefined ? {} : { [name]: value }) as { [K in N]?: T };
}

function count(value: string, name: string): number {
  if (!/^\d{1,9}$/.test(value)) throw fail('form_param_format_invalid', { paramName: name });
  return Number(value);
}

/** ISO 8601, or milliseconds since the epoch. */
export function parseSince(value: string): number {
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) throw fail('form_param_format_invalid', { paramName: 'since', message: 'since must be an ISO 8601 time or milliseconds since the epoch.' });
  return time;
}
