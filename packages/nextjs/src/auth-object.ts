import { ErrorCodes, type ApiErrorResponse } from '@latch/protocol';
import type { SessionAuth } from './authenticate';
import type { LatchNextConfig } from './config';
import { LatchConfigurationError } from './config';

/** Who is asking, wherever you ask: middleware, server components, route handlers, API routes. */
export interface LatchAuthState {
  /** The signed-in user's id, or null when signed out. */
  userId: string | null;
  sessionId: string | null;
  /** The session JWT (60 s), for calling your own APIs from the server; null when signed out. */
  getToken(): Promise<string | null>;
}

export interface SignedInAuthState extends LatchAuthState {
  userId: string;
  sessionId: string;
  getToken(): Promise<string>;
}

export function authState(auth: SessionAuth | null): LatchAuthState {
  if (!auth) return { userId: null, sessionId: null, getToken: async () => null };
  return { userId: auth.userId, sessionId: auth.sessionId, getToken: async () => auth.token };
}

/**
 * The sign-in page with `redirect_url` set to where the visitor was going, so
 * `<SignIn/>` brings them back. A relative `redirect_url` when the sign-in
 * page is on this origin (`<SignIn/>` accepts only relative or allowed ones).
 */
export function signInRedirectUrl(config: LatchNextConfig, requestUrl: URL, returnTo?: string): URL {
  const target = new URL(config.signInUrl, requestUrl);
  if (target.origin === requestUrl.origin && target.pathname === requestUrl.pathname) {
    throw new LatchConfigurationError(
      `@latch/nextjs: ${requestUrl.pathname} is the sign-in page (LATCH_SIGN_IN_URL, default /sign-in), and it is protected, ` +
        'which would send visitors in a loop. Leave it out of createRouteMatcher([...]) and do not call auth.protect() on it.',
    );
  }
  const back = returnTo ?? requestUrl.pathname + requestUrl.search;
  target.searchParams.set('redirect_url', target.origin === requestUrl.origin ? back : new URL(back, requestUrl).href);
  return target;
}

/** The 401 an API route answers a signed-out caller with, in the frontend API's error shape. */
export function unauthorizedResponse(): Response {
  const body: ApiErrorResponse = {
    errors: [{ code: ErrorCodes.unauthenticated, message: 'Sign in to use this route.' }],
  };
  return Response.json(body, { status: 401, headers: { 'cache-control': 'no-store', 'www-authenticate': 'Bearer' } });
}

/**
 * A page load, a client-side navigation (which fetches the page's server
 * components with an `RSC` header) or a server action gets a redirect to sign
 * in; anything else (fetch from a script, another server) gets a 401.
 */
export function wantsPage(headers: Headers): boolean {
  if (headers.has('rsc') || headers.has('next-router-state-tree') || headers.has('next-action')) return true;
  return (headers.get('accept') ?? '').includes('text/html');
}
