import { CLIENT_TOKEN_HEADER, CLIENT_TOKEN_RESPONSE_HEADER, REQUESTED_WITH_HEADER, SESSION_ID_HEADER } from '@latch/protocol';
import type { CoreRequest } from './request';
import type { PlainResponse } from './respond';

/** The methods the API serves (and so may be preflighted). */
export const allowedMethods = 'GET, POST, PATCH, DELETE';
const allowedHeaders = [CLIENT_TOKEN_HEADER, 'content-type', REQUESTED_WITH_HEADER, SESSION_ID_HEADER].join(', ');
const exposedHeaders = [CLIENT_TOKEN_RESPONSE_HEADER, 'Retry-After'].join(', ');
const preflightMaxAgeSeconds = 600;

/**
 * CORS for the apps on `allowedOrigins`, with credentials so the client-token
 * cookie travels. Other origins get no CORS headers at all, so the browser
 * keeps our responses from their scripts. (Their cookie-authenticated
 * mutations are refused separately, by the CSRF check.)
 */
export function applyCors(request: CoreRequest, headers: Headers, allowedOrigins: readonly string[]): boolean {
  // The answer depends on Origin: a cache must not hand one origin's answer to another.
  headers.append('vary', 'Origin');
  const origin = request.headers.get('origin');
  if (origin === null || !allowedOrigins.includes(origin)) return false;
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-allow-credentials', 'true');
  headers.set('access-control-expose-headers', exposedHeaders);
  return true;
}

/** The answer to a preflight `OPTIONS`: what an allowed origin may send; nothing for the others. */
export function preflightResponse(request: CoreRequest, allowedOrigins: readonly string[], headers = new Headers()): PlainResponse {
  if (applyCors(request, headers, allowedOrigins)) {
    headers.set('access-control-allow-methods', allowedMethods);
    headers.set('access-control-allow-headers', allowedHeaders);
    headers.set('access-control-max-age', String(preflightMaxAgeSeconds));
  }
  return { status: 204, headers, body: null };
}
