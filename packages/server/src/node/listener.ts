import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorResponse } from '@latch/protocol';
import type { OutgoingEmail } from '../core/flows/context';
import { jsonResponse, type PlainResponse } from '../core/http/respond';
import { applySecurityHeaders, unknownMethod } from '../core/http/security-headers';
import type { LatchServer } from '../core/server';
import { clientAddress, ClientDisconnected, toCoreRequest, writePlainResponse } from './http-adapter';
import { errorFields, type Logger } from './logger';
import { routeTemplate } from './route-template';
import type { ClosableStore } from './store/open-store';

/** What a request gets when the adapter itself fails (the core handler never throws). */
const internalError = JSON.stringify({
  errors: [{ code: 'internal_error', message: 'Something went wrong on our side.' }],
} satisfies ApiErrorResponse);

export const healthPath = '/health';
export const devOutboxPath = '/v1/dev/outbox';

export interface ListenerContext {
  latch: LatchServer;
  store: ClosableStore;
  /** The public URL's origin: every request is answered as if addressed to it. */
  publicOrigin: string;
  /** How many proxies in front of the service append to X-Forwarded-For. */
  trustProxy: number;
  /** The development outbox, served at /v1/dev/outbox; null outside development mode. */
  devOutbox: readonly OutgoingEmail[] | null;
  logger: Logger;
  /** True once shutdown began: responses written from then on close their connection. */
  isClosing(): boolean;
}

/** The `node:http` request listener: health and dev routes here, everything else to the core handler. */
export function createRequestListener(ctx: ListenerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    res.setHeader('x-request-id', requestId);
    res.once('close', () => {
      ctx.logger.info('request', {
        method,
        route: pathname === healthPath || pathname === devOutboxPath ? pathname : routeTemplate(method, pathname),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId,
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    respond(ctx, req, method, pathname)
      .then((response) => {
        // Close the connection after this response when shutting down (so the
        // listener can stop), or when we answered before reading the whole body
        // (a 413): better than waiting for, or reading, the rest of an oversized upload.
        if (ctx.isClosing() || !req.complete) res.setHeader('connection', 'close');
        writePlainResponse(res, response);
      })
      .catch((error: unknown) => {
        if (error instanceof ClientDisconnected) ctx.logger.debug('client went away', { requestId });
        else ctx.logger.error('request failed', { requestId, ...errorFields(error) });
        if (res.headersSent) res.destroy();
        else res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(internalError);
      });
  };
}

async function respond(ctx: ListenerContext, req: IncomingMessage, method: string, pathname: string): Promise<PlainResponse> {
  // Before anything else: the core's request cannot represent TRACE or CONNECT.
  const rejected = unknownMethod(method, isHttps(ctx));
  if (rejected) return rejected;
  if (method === 'GET' && pathname === healthPath) return health(ctx);
  if (method === 'GET' && pathname === devOutboxPath && ctx.devOutbox) return noStoreJson(ctx, ctx.devOutbox, 200);
  return ctx.latch.plainHandler(toCoreRequest(req, ctx.publicOrigin), { clientIp: clientAddress(req, ctx.trustProxy) });
}

/**
 * 200 when the database can take a write now, 503 when it cannot (down,
 * locked by another process, full), so a load balancer stops sending traffic.
 * The store's check never waits for a lock, so this answers at once.
 */
async function health(ctx: ListenerContext): Promise<PlainResponse> {
  try {
    await ctx.store.ping();
    return noStoreJson(ctx, { status: 'ok' }, 200);
  } catch (error) {
    ctx.logger.warn('health check failed: the database cannot take writes', errorFields(error));
    return noStoreJson(ctx, { status: 'unavailable' }, 503);
  }
}

function noStoreJson(ctx: ListenerContext, body: unknown, status: number): PlainResponse {
  return jsonResponse(body, status, applySecurityHeaders(new Headers(), isHttps(ctx)));
}

function isHttps(ctx: ListenerContext): boolean {
  return ctx.publicOrigin.startsWith('https:');
}
