import type { UserJSON } from '@latch/protocol';
import { headers } from 'next/headers';
import { redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import type { SessionAuth } from './authenticate';
import { authState, signInRedirectUrl, wantsPage, type LatchAuthState, type SignedInAuthState } from './auth-object';
import { LatchConfigurationError, resolveConfig, type LatchNextConfig } from './config';
import { pathHeader } from './handoff';
import { authenticateHeaders, loadSession } from './request-auth';

export interface AppRouterAuth extends LatchAuthState {
  /**
   * The signed-in state, or (signed out) no return: a page, a server action
   * or a navigation is redirected to sign in; a route handler answers 401.
   */
  protect(): SignedInAuthState;
  /** Redirects to the sign-in page, with `redirect_url` back to this page (or `returnTo`). */
  redirectToSignIn(options?: { returnTo?: string }): never;
}

interface RequestAuth {
  config: LatchNextConfig;
  headers: Headers;
  auth: SessionAuth | null;
}

/** Once per request however many components ask (React's request cache). */
const requestAuth = cache(async (): Promise<RequestAuth> => {
  // headers() first: during `next build` it is what tells Next the page is dynamic.
  const requestHeaders = await readHeaders();
  const config = resolveConfig();
  const { auth } = await authenticateHeaders(config, requestHeaders);
  return { config, headers: requestHeaders, auth };
});

async function readHeaders(): Promise<Headers> {
  try {
    return await headers();
  } catch (error) {
    // Next's own signals (a dynamic page during the build) must reach Next unchanged.
    if (!(error instanceof Error && error.message.includes('outside a request scope'))) throw error;
    throw new LatchConfigurationError(
      '@latch/nextjs: auth() and currentUser() read the request, so they work only while one is handled: in a server ' +
        'component, a route handler or a server action, not at module level, in generateStaticParams or in a cached function. ' +
        'In the Pages Router use getAuth(req) from @latch/nextjs/pages.',
      { cause: error },
    );
  }
}

/**
 * Who is asking, in server components, route handlers and server actions.
 * Works with or without `latchMiddleware()`: without it, the session cookie
 * is verified here (and renewed server-to-server when it has expired).
 */
export async function auth(): Promise<AppRouterAuth> {
  const { config, headers: requestHeaders, auth: session } = await requestAuth();
  const state = authState(session);
  const redirectToSignIn = (options: { returnTo?: string } = {}): never => {
    const path = requestHeaders.get(pathHeader);
    // A server component is not told its URL: only the middleware knows where to send the visitor back to.
    if (path === null && options.returnTo === undefined) throw new LatchConfigurationError(noMiddlewareMessage);
    const here = new URL(path ?? options.returnTo ?? '/', `http://${requestHeaders.get('host') ?? 'localhost'}`);
    const target = signInRedirectUrl(config, here, options.returnTo);
    redirect(target.origin === here.origin ? target.pathname + target.search : target.href);
  };
  return {
    ...state,
    redirectToSignIn,
    protect() {
      if (state.userId) return state as SignedInAuthState;
      if (wantsPage(requestHeaders)) return redirectToSignIn();
      return respondUnauthorized();
    },
  };
}

export const noMiddlewareMessage =
  '@latch/nextjs: auth.protect() sends a signed-out visitor of a page to sign in and then back to the page, but only ' +
  'latchMiddleware() knows which page that is, and it did not run for this request. Add proxy.ts (Next 16) or ' +
  'middleware.ts (Next 15) next to your app/ folder with `export default latchMiddleware()` and a config.matcher that ' +
  'covers this page (the default one from @latch/nextjs/middleware covers every page), or call ' +
  "(await auth()).redirectToSignIn({ returnTo: '/this-page' }) yourself.";

/** `await auth.protect()`: the signed-in state, or a redirect to sign in (pages) or a 401 (route handlers). */
auth.protect = async (): Promise<SignedInAuthState> => (await auth()).protect();

/** The signed-in user (names, email addresses, image), or null when signed out. */
export const currentUser = cache(async (): Promise<UserJSON | null> => {
  const { config, headers: requestHeaders, auth: session } = await requestAuth();
  if (!session) return null;
  return (await loadSession(config, requestHeaders, session.sessionId))?.user ?? null;
});

/** What the server-rendered `<LatchProvider>` seeds the browser's client with. */
export const initialAuthState = cache(async () => {
  const { config, headers: requestHeaders, auth: session } = await requestAuth();
  const sessionJson = session ? await loadSession(config, requestHeaders, session.sessionId) : null;
  return {
    frontendApi: config.frontendApi,
    secure: config.secure,
    initialState: { userId: session?.userId ?? null, sessionId: session?.sessionId ?? null, session: sessionJson },
  };
});

/**
 * Next answers 401 from a route handler through `unauthorized()`, which is
 * behind a flag; without it Next throws a generic error, so say what to do.
 */
function respondUnauthorized(): never {
  try {
    unauthorized();
  } catch (error) {
    if (isAccessFallback(error)) throw error;
    throw new LatchConfigurationError(
      '@latch/nextjs: auth.protect() answers a signed-out route handler with 401 through Next\'s unauthorized(), which needs ' +
        '`experimental: { authInterrupts: true }` in next.config.ts. Add it, or protect the route in latchMiddleware() ' +
        '(createRouteMatcher), or check `const { userId } = await auth()` and return your own 401.',
      { cause: error },
    );
  }
  throw new Error('unreachable: unauthorized() returned');
}

function isAccessFallback(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;');
}
