import { fail } from '../errors';
import { allowedMethods } from './cors';
import { errorResponse, toFetchResponse, type PlainResponse } from './respond';

/** Two years, as the HSTS preload list asks; browsers then never try plain http on this host. */
const hstsMaxAgeSeconds = 2 * 365 * 24 * 60 * 60;

/**
 * Headers every response carries, whatever its route or status. The API
 * serves JSON, but a browser that sniffs a response as HTML, frames it or
 * caches it would turn a harmless body into an attack surface; these make
 * each of those impossible. HSTS only over https: on http it is ignored and
 * only misleads.
 */
export function applySecurityHeaders(headers: Headers, https: boolean): Headers {
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  // Responses carry tokens and personal data: no cache may keep them.
  headers.set('cache-control', 'no-store');
  headers.set('x-frame-options', 'DENY');
  headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  if (https) headers.set('strict-transport-security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
  return headers;
}

/**
 * The everyday methods, which the router answers (404, or 405 with the
 * path's own Allow list); anything else is refused before routing.
 */
const routedMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * 405 for a method the API never serves (TRACE, CONNECT, PROPFIND…), on any
 * path; null for the others. Hosts call it before building a Fetch
 * `Request`, which cannot even represent TRACE or CONNECT.
 */
export function unknownMethod(method: string, https: boolean): PlainResponse | null {
  if (routedMethods.has(method)) return null;
  const headers = applySecurityHeaders(new Headers(), https);
  headers.set('allow', allowedMethods);
  return errorResponse(fail('method_not_allowed'), headers);
}

/** `unknownMethod` as a Fetch `Response`. */
export function unknownMethodResponse(method: string, https: boolean): Response | null {
  const response = unknownMethod(method, https);
  return response && toFetchResponse(response);
}
