import { path, REQUESTED_WITH_HEADER, type ApiResponse, type ClientJSON, type SessionStatusJSON, type TokenJSON } from '@latch/protocol';
import { clientCookieName } from './cookies';
import { LatchConfigurationError, type LatchNextConfig } from './config';

/**
 * Server-to-server calls to the Latch frontend API on behalf of the browser,
 * with the browser's client token. They work when that token's cookie reaches
 * the app, i.e. when the Latch server is in-process (`createLatchRouteHandler`)
 * or behind the app's own origin: then an expired session cookie is renewed
 * here, with no redirect round trip through the browser.
 */
export interface LatchApi {
  /** This browser's client (its sessions, each with its user), or null when the token names none. */
  client(clientToken: string): Promise<ClientJSON | null>;
  /** A fresh session JWT for the client's active session, or null when it has none (signed out, revoked, expired). */
  mintToken(clientToken: string): Promise<string | null>;
  /**
   * Whether the session a (verified) session JWT names still holds; needs no
   * client token, so it works with a latch-server on another site too.
   * `unsupported`: the server has no such route (an older version).
   */
  sessionActive(token: string): Promise<boolean | 'unsupported' | { unavailable: string }>;
}

export function createLatchApi(config: LatchNextConfig, fetchImpl: typeof fetch = fetch): LatchApi {
  const origin = new URL(config.frontendApi).origin;

  async function call(clientToken: string, route: 'client' | 'sessionToken', id?: string): Promise<Response> {
    const headers: Record<string, string> = { cookie: `${clientCookieName(config.secure)}=${clientToken}` };
    // The server's CSRF check asks cookie-authenticated mutations for our origin and the custom header.
    if (route === 'sessionToken') Object.assign(headers, { origin, [REQUESTED_WITH_HEADER]: 'fetch' });
    try {
      return await fetchImpl(config.frontendApi + path(route, id), {
        method: route === 'client' ? 'GET' : 'POST',
        headers,
        cache: 'no-store',
      });
    } catch (cause) {
      throw unreachable(config, cause);
    }
  }

  async function client(clientToken: string): Promise<ClientJSON | null> {
    const res = await call(clientToken, 'client');
    if (res.status >= 500) throw unreachable(config, `HTTP ${res.status}`);
    if (!res.ok) return null;
    return ((await res.json()) as ApiResponse<ClientJSON | null>).client ?? null;
  }

  return {
    client,
    async mintToken(clientToken) {
      const sessionId = (await client(clientToken))?.lastActiveSessionId;
      if (!sessionId) return null;
      const res = await call(clientToken, 'sessionToken', sessionId);
      if (res.status >= 500) throw unreachable(config, `HTTP ${res.status}`);
      // 401/404: the session ended between the two calls, or the token is no longer this client's.
      if (!res.ok) return null;
      return ((await res.json()) as TokenJSON).jwt;
    },
    async sessionActive(token) {
      try {
        const res = await fetchImpl(config.frontendApi + path('sessionStatus'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
          cache: 'no-store',
        });
        if (res.status === 404 || res.status === 405) return 'unsupported';
        if (!res.ok) return { unavailable: `HTTP ${res.status}` };
        return ((await res.json()) as SessionStatusJSON).active === true;
      } catch (cause) {
        return { unavailable: cause instanceof Error ? cause.message : String(cause) };
      }
    },
  };
}

export function unreachable(config: LatchNextConfig, cause: unknown): LatchConfigurationError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new LatchConfigurationError(
    `@latch/nextjs: could not reach the Latch server at ${config.frontendApi} (${why}). ` +
      'Start it, or fix LATCH_FRONTEND_API; with createLatchRouteHandler it is the URL of ' +
      'app/api/latch/[...latch]/route.ts, e.g. http://localhost:3000/api/latch.',
    { cause },
  );
}
