import type { LatchInitialState } from '@latch/client';
import { authState, type LatchAuthState } from './auth-object';
import type { Authentication } from './authenticate';
import { resolveConfig, type LatchNextOptions } from './config';
import { sessionCookie } from './cookies';
import { authenticateHeaders, loadSession, type HeadersLike } from './request-auth';

/** A Pages Router request: `req` in API routes and in `getServerSideProps`, or a fetch `Request`. */
export interface PagesRequest {
  headers: HeadersLike;
}

/** What `getServerSideProps` gets that `buildLatchProps` uses. */
export interface PagesContext {
  req: PagesRequest;
  /** Node's response, to renew the session cookie when it had expired. */
  res?: { getHeader(name: string): unknown; setHeader(name: string, value: string | string[]): unknown };
}

export interface LatchPageProps {
  /** Spread on `<LatchProvider>` from `@latch/nextjs/client` in `_app`: `<LatchProvider {...pageProps.latchState}>`. */
  latchState: { frontendApi: string; secure: boolean; initialState: LatchInitialState };
}

// One verification per request, shared by getAuth and buildLatchProps.
const perRequest = new WeakMap<object, Promise<Authentication>>();

function authenticate(req: PagesRequest, options?: LatchNextOptions): Promise<Authentication> {
  let pending = perRequest.get(req);
  if (!pending) {
    pending = authenticateHeaders(resolveConfig(options), req.headers);
    perRequest.set(req, pending);
  }
  return pending;
}

/**
 * Who is asking, in Pages Router API routes and `getServerSideProps`:
 * `const { userId } = await getAuth(req)`. Uses what `latchMiddleware()`
 * verified when it ran, else verifies the session cookie itself.
 */
export async function getAuth(req: PagesRequest, options?: LatchNextOptions): Promise<LatchAuthState> {
  return authState((await authenticate(req, options)).auth);
}

/**
 * `getServerSideProps` → `{ props: { ...(await buildLatchProps(ctx)) } }`: the
 * signed-in state for `<LatchProvider>`, so the page's first HTML is already
 * signed in (no signed-out flash). Renews an expired session cookie on `res`.
 */
export async function buildLatchProps(ctx: PagesContext, options?: LatchNextOptions): Promise<LatchPageProps> {
  const config = resolveConfig(options);
  const { auth, sessionCookie: renewed } = await authenticate(ctx.req, options);
  if (renewed !== undefined && ctx.res) appendSetCookie(ctx.res, sessionCookie(renewed, config.secure));
  const session = auth ? await loadSession(config, ctx.req.headers, auth.sessionId) : null;
  return {
    latchState: {
      frontendApi: config.frontendApi,
      secure: config.secure,
      initialState: { userId: auth?.userId ?? null, sessionId: auth?.sessionId ?? null, session },
    },
  };
}

function appendSetCookie(res: NonNullable<PagesContext['res']>, cookie: string): void {
  const existing = res.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing.map(String) : existing ? [String(existing)] : [];
  res.setHeader('set-cookie', [...list, cookie]);
}
