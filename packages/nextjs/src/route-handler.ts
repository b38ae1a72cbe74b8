import { createLatchServer, type LatchServer, type LatchServerOptions, type Store } from '@latch/server';
import { LatchConfigurationError, resolveConfig, type LatchNextOptions } from './config';
import { inProcessServers } from './in-process';

export interface LatchRouteHandlerOptions extends Omit<LatchServerOptions, 'issuer' | 'store' | 'cookies' | 'allowedOrigins'> {
  /**
   * Where users, sessions and keys live: a `Store`, or a function that opens
   * one on the first request (so `next build` opens no database), e.g.
   * `() => openStore('.latch/latch.db')` from `@latch/server/node`.
   */
  store: Store | (() => Store | Promise<Store>);
  /** Default `LATCH_FRONTEND_API`: the absolute URL this route is mounted at. */
  frontendApi?: LatchNextOptions['frontendApi'];
  /** Runs once, after the store is open and before the first request: seed users, rotate keys. */
  onReady?: (server: LatchServer) => void | Promise<void>;
  /**
   * The caller's address, for the server's per-address rate limits. Default
   * none (those limits are off; the per-account ones still hold): only your
   * proxy knows which `X-Forwarded-For` entry to trust.
   */
  clientIp?: (request: Request) => string | null;
}

type RouteHandler = (request: Request) => Promise<Response>;

export interface LatchRouteHandlers {
  GET: RouteHandler;
  POST: RouteHandler;
  PATCH: RouteHandler;
  DELETE: RouteHandler;
  OPTIONS: RouteHandler;
  /** The server, once the store is open: for seeding and maintenance from your own code. */
  server(): Promise<LatchServer>;
}

/**
 * The Latch server inside the app, as a catch-all route handler:
 * `export const { GET, POST, PATCH, DELETE, OPTIONS } = createLatchRouteHandler({ store })`
 * in `app/api/latch/[...latch]/route.ts`. Same origin as the pages, so the
 * client token rides in an HttpOnly cookie and the middleware can renew
 * session tokens without a round trip through the browser.
 */
export function createLatchRouteHandler(options: LatchRouteHandlerOptions): LatchRouteHandlers {
  const { store, frontendApi, onReady, clientIp, ...serverOptions } = options;
  let started: Promise<{ server: LatchServer; origin: string; basePath: string }> | undefined;

  const start = () =>
    (started ??= (async () => {
      if (typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string') throw new LatchConfigurationError(edgeRuntimeMessage);
      const config = resolveConfig({ frontendApi });
      const server = createLatchServer({
        ...serverOptions,
        issuer: config.issuer,
        store: typeof store === 'function' ? await store() : store,
        cookies: { secure: config.secure },
      });
      await onReady?.(server);
      // From now on, auth() and the middleware in this process check revocations with a store read.
      inProcessServers().set(config.issuer, (sessionId) => server.admin.isSessionActive(sessionId));
      const url = new URL(config.frontendApi);
      return { server, origin: url.origin, basePath: url.pathname.replace(/\/$/, '') };
    })().catch((error: unknown) => {
      started = undefined;
      throw error;
    }));

  const handle: RouteHandler = async (request) => {
    const { server, origin, basePath } = await start();
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) {
      throw new LatchConfigurationError(
        `@latch/nextjs: createLatchRouteHandler() got ${url.pathname}, outside ${basePath || '/'} (the path of ` +
          'LATCH_FRONTEND_API). Put the route at app' + `${basePath || '/api/latch'}/[...latch]/route.ts, ` +
          'or set LATCH_FRONTEND_API to the URL of the folder it is in.',
      );
    }
    // The core routes from `/v1/...` on the public origin: that origin is what
    // its CSRF check compares the browser's Origin with, whatever host name the
    // app's own server listens on behind a proxy.
    const target = new URL(url.pathname.slice(basePath.length) + url.search, origin);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const forwarded = new Request(target, {
      method: request.method,
      headers: request.headers,
      body: hasBody ? request.body : undefined,
      // Streams the body to the core, which stops reading at its size limit.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
    return server.handler(forwarded, { clientIp: clientIp?.(request) ?? null });
  };

  return {
    GET: handle,
    POST: handle,
    PATCH: handle,
    DELETE: handle,
    OPTIONS: handle,
    server: async () => (await start()).server,
  };
}

/**
 * An edge function has no file system, no native database driver, and its own
 * memory per isolate: the Latch server needs one process that holds its store.
 */
export const edgeRuntimeMessage =
  '@latch/nextjs: createLatchRouteHandler() runs the Latch server, which needs the Node.js runtime (its database, and one ' +
  'process that holds it), and this route runs on the edge runtime. Remove `export const runtime = \'edge\'` from ' +
  'app/api/latch/[...latch]/route.ts (Node.js is the default). The middleware and auth() may run on the edge; they ' +
  'reach this route over HTTP.';
