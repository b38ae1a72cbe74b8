import { ADMIN_PATH_PREFIX, Limits, type ApiResponse } from '@latch/protocol';
import type { RequestContext, ServerContext } from './flows/context';
import { loadClient } from './flows/client';
import type { Reply } from './flows/reply';
import { readFormBody, readJsonBody } from './http/body';
import { applyCors, preflightResponse } from './http/cors';
import { BodyReader } from './http/body-reader';
import type { CoreRequest } from './http/request';
import { jsonResponse, toFetchResponse, type PlainResponse } from './http/respond';
import { renderError } from './http/render-error';
import { createRouter } from './http/router';
import { applySecurityHeaders, unknownMethod } from './http/security-headers';
import { assertSameSiteMutation, readCredential, writeToken, type CookieOptions, type Credential } from './http/transport';
import { routeTable } from './routes';
import { createAdminHandler } from './admin-api/handler';
import type { AdminRouteModule } from './admin-api/router';
import { readAndSerializeClient } from './serialize';

export interface HandlerOptions {
  /**
   * Cookie attributes; by default Secure over https and plain on http
   * (localhost), kept by the browser for the session's absolute lifetime.
   */
  cookies?: CookieOptions;
  /**
   * Origins besides the API's own that may call it from a browser: they get
   * CORS with credentials, and their cookie-authenticated mutations are accepted.
   */
  allowedOrigins?: readonly string[];
  /** Told about unexpected errors (answered with 500); default console.error. Store faults (503) are not unexpected. */
  onError?: (error: unknown) => void;
  /** More `/v1/admin/…` route groups, besides those in `admin-api/modules.ts`. */
  adminRoutes?: readonly AdminRouteModule[];
}

/** What the host knows about a request beyond the `Request` itself. */
export interface RequestInfo {
  /** The caller's network address, for the per-address rate limits; without it they do not apply. */
  clientIp?: string | null;
}

export type Handler = (request: Request, info?: RequestInfo) => Promise<Response>;

/** The handler for hosts that skip Fetch objects: any `CoreRequest` in, a `PlainResponse` out, never a throw. */
export type PlainHandler = (request: CoreRequest, info?: RequestInfo) => Promise<PlainResponse>;

/** `Request` in, `Response` out: `createPlainHandler` wrapped in Fetch objects. */
export function createHandler(server: ServerContext, options: HandlerOptions, plain = createPlainHandler(server, options)): Handler {
  return async (request, info) => toFetchResponse(await plain(request, info));
}

/**
 * A request in, a response out, never a throw: the order is unknown methods
 * (405), CORS preflight, route (404/405), CSRF, body (413/415/400), then the
 * flow. Input problems are found before the flow runs, so a bad request
 * changes nothing. Every response carries the security headers.
 */
export function createPlainHandler(server: ServerContext, options: HandlerOptions): PlainHandler {
  const route = createRouter(routeTable);
  const onError = options.onError ?? ((error: unknown) => console.error('[latch] unexpected error', error));
  const allowedOrigins = options.allowedOrigins ?? [];
  const admin = createAdminHandler(server, onError, options.adminRoutes);
  // The browser may keep the token as long as a session can live, no longer.
  const cookieMaxAgeSeconds = options.cookies?.maxAgeSeconds ?? Math.floor(server.sessionLifetime.absoluteMs / 1000);

  return async (request, info = {}) => {
    const url = new URL(request.url);
    const https = url.protocol === 'https:';
    const rejected = unknownMethod(request.method, https);
    if (rejected) return rejected;
    const headers = applySecurityHeaders(new Headers(), https);
    // The admin API is for servers: its own authentication, and never CORS.
    if (url.pathname.startsWith(ADMIN_PATH_PREFIX)) return admin(request, url, headers);
    if (request.method === 'OPTIONS') return preflightResponse(request, allowedOrigins, headers);
    applyCors(request, headers, allowedOrigins);
    const cookies = { secure: https, ...options.cookies, maxAgeSeconds: cookieMaxAgeSeconds };
    let ctx: RequestContext | undefined;
    // Sends a newly issued token once, on success or failure alike: a flow may
    // issue one and then fail (a sign-in created, then a wrong password), and
    // the browser still needs it to continue that sign-in.
    const sendToken = () => {
      if (ctx?.issuedToken) writeToken(headers, ctx.credential, ctx.issuedToken, cookies);
      if (ctx) ctx.issuedToken = null;
    };
    try {
      const match = route(request.method, url.pathname);
      const formPost = match.entry.formPost === true;
      const credential: Credential = formPost ? { mode: 'none', token: null } : readCredential(request, cookies);
      assertSameSiteMutation(request, credential, allowedOrigins);
      const hasBody = request.method === 'POST' || request.method === 'PATCH';
      const readBody = formPost ? readFormBody : readJsonBody;
      const body = hasBody ? await readBody(request, match.entry.maxBodyBytes ?? Limits.maxBodyBytes) : {};
      ctx = {
        ...server,
        request,
        id: match.id ?? '',
        body: new BodyReader(body),
        credential,
        client: null,
        issuedToken: null,
        clientIp: info.clientIp ?? null,
      };
      ctx.client = await loadClient(ctx);
      const reply = await match.entry.handler(ctx);
      sendToken();
      return await render(ctx, reply, headers);
    } catch (error) {
      sendToken();
      return renderError(error, headers, onError);
    }
  };
}

async function render(ctx: RequestContext, reply: Reply, headers: Headers): Promise<PlainResponse> {
  if (reply.kind === 'raw') return jsonResponse(reply.body, 200, headers);
  if (reply.kind === 'redirect') {
    headers.set('location', reply.location);
    return { status: 303, headers, body: null };
  }
  // Read the client afresh: the flow may have changed it through other records.
  const client = ctx.client ? await readAndSerializeClient(ctx, ctx.client.id) : null;
  if (reply.kind === 'api') {
    const body: ApiResponse<unknown> = { response: reply.response, client };
    return jsonResponse(body, 200, headers);
  }
  const body: ApiResponse<unknown> = { response: client, client, ...(reply.withEnvironment ? { environment: ctx.settings } : {}) };
  return jsonResponse(body, 200, headers);
}
