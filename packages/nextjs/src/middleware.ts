import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authenticatorFor } from './authenticate';
import { authState, signInRedirectUrl, unauthorizedResponse, wantsPage, type LatchAuthState } from './auth-object';
import { resolveConfig, type LatchNextConfig, type LatchNextOptions } from './config';
import { clientCookieName, sessionCookie, sessionCookieName, withCookie } from './cookies';
import { handoffHeader, pathHeader, signHandoff, statusHeader } from './handoff';
import { staticFilePattern } from './route-matcher';


export interface MiddlewareAuth extends LatchAuthState {
  /** Continue when signed in; otherwise the response to return: a redirect to sign in for pages, a 401 JSON for the rest. */
  protect(): Response | undefined;
  /** A redirect to the sign-in page, with `redirect_url` back to this request (or `returnTo`). */
  redirectToSignIn(options?: { returnTo?: string }): Response;
}

/** Your code in the middleware; return a Response to answer the request yourself, or nothing to go on. */
export type LatchMiddlewareHandler = (
  auth: MiddlewareAuth,
  request: NextRequest,
  event: NextFetchEvent,
) => Response | undefined | void | Promise<Response | undefined | void>;

/**
 * For `proxy.ts` (Next 16) or `middleware.ts` (Next 15):
 * `export default latchMiddleware((auth, req) => { if (isProtected(req)) return auth.protect(); })`.
 * It verifies the session cookie once, renews it server-to-server when it
 * has expired, and passes the result to the route (signed with LATCH_SECRET)
 * so `auth()` there does not verify again.
 */
export function latchMiddleware(handler?: LatchMiddlewareHandler, options?: LatchNextOptions) {
  return async (request: NextRequest, event: NextFetchEvent): Promise<Response> => {
    const config = resolveConfig(options);
    if (staticFilePattern.test(request.nextUrl.pathname) || isFrontendApiRequest(config, request)) return NextResponse.next();

    const cookie = request.headers.get('cookie');
    const { auth, sessionCookie: renewed } = await authenticatorFor(config)({ cookie, handoff: null });

    // What the route sees: never a handoff the visitor sent, and the renewed cookie instead of the expired one.
    const forwarded = new Headers(request.headers);
    forwarded.delete(handoffHeader);
    forwarded.set(pathHeader, request.nextUrl.pathname + request.nextUrl.search);
    if (renewed !== undefined) forwarded.set('cookie', forwardedCookies(config, cookie, renewed));
    if (config.secret) forwarded.set(handoffHeader, await signHandoff(config.secret, auth));

    const response =
      (await handler?.(middlewareAuth(config, request, authState(auth)), request, event)) ??
      NextResponse.next({ request: { headers: forwarded } });
    if (renewed !== undefined) response.headers.append('set-cookie', sessionCookie(renewed, config.secure));
    response.headers.set(statusHeader, auth ? 'signed-in' : 'signed-out');
    return response;
  };
}

function middlewareAuth(config: LatchNextConfig, request: NextRequest, state: LatchAuthState): MiddlewareAuth {
  const redirectToSignIn = (options: { returnTo?: string } = {}) =>
    NextResponse.redirect(signInRedirectUrl(config, request.nextUrl, options.returnTo));
  return {
    ...state,
    redirectToSignIn,
    protect() {
      if (state.userId) return undefined;
      return wantsPage(request.headers) ? redirectToSignIn() : unauthorizedResponse();
    },
  };
}

/** The route's Cookie header: the renewed session token, or, when the session is gone, neither token. */
function forwardedCookies(config: LatchNextConfig, cookie: string | null, renewed: string | null): string {
  const withSession = withCookie(cookie, sessionCookieName(config.secure), renewed);
  return renewed === null ? withCookie(withSession, clientCookieName(config.secure), null) : withSession;
}

/** Requests to an in-process Latch server (`createLatchRouteHandler`) authenticate themselves. */
function isFrontendApiRequest(config: LatchNextConfig, request: NextRequest): boolean {
  const api = new URL(config.frontendApi);
  if (api.pathname === '/') return false;
  return request.nextUrl.pathname === api.pathname || request.nextUrl.pathname.startsWith(`${api.pathname}/`);
}
