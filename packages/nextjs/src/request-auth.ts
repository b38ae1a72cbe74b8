import type { ClientJSON, SessionJSON } from '@latch/protocol';
import { authenticatorFor, type Authentication } from './authenticate';
import { LatchConfigurationError, type LatchNextConfig } from './config';
import { clientCookieName, readCookie } from './cookies';
import { handoffHeader } from './handoff';
import { createLatchApi } from './latch-api';

/** Headers as Next gives them: a `Headers` (App Router, fetch adapters) or Node's object (Pages Router). */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export function headerOf(headers: HeadersLike, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : (value ?? null);
}

/** Authenticates one request from its headers (cookie, and the middleware's handoff). */
export function authenticateHeaders(config: LatchNextConfig, headers: HeadersLike): Promise<Authentication> {
  return authenticatorFor(config)({ cookie: headerOf(headers, 'cookie'), handoff: headerOf(headers, handoffHeader) });
}

/**
 * The active session's JSON (with its user), read from the Latch server with
 * the browser's client token: what `currentUser()` and the providers'
 * `initialState` need. Null when that session is not this client's any more.
 */
export async function loadSession(config: LatchNextConfig, headers: HeadersLike, sessionId: string): Promise<SessionJSON | null> {
  const clientToken = readCookie(headerOf(headers, 'cookie'), clientCookieName(config.secure));
  if (!clientToken) {
    throw new LatchConfigurationError(
      '@latch/nextjs: currentUser() and the server-rendered user need the Latch client cookie on the app\'s own origin, and this ' +
        `request has a session but no ${clientCookieName(config.secure)} cookie. Mount the server in the app with ` +
        'createLatchRouteHandler (app/api/latch/[...latch]/route.ts), or serve your latch-server under the app\'s origin.',
    );
  }
  const client: ClientJSON | null = await createLatchApi(config).client(clientToken);
  return client?.sessions.find((session) => session.id === sessionId) ?? null;
}
