import { CLIENT_COOKIE_NAME, CLIENT_COOKIE_NAME_INSECURE, Limits } from '@latch/protocol';

/**
 * The session cookie: the active session's short-lived JWT (60 s) on the
 * app's own domain, so server rendering knows who is asking. It is not
 * HttpOnly on purpose: the browser's Latch client rewrites it before each
 * token expires, and the same JWT is already in that page's memory
 * (`getToken()`), so a script that could read the cookie gains nothing. The
 * long-lived credential, the client token, stays in its HttpOnly cookie.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-latch_session' : 'latch_session';
}

/** The client token's cookie, as the Latch server names it (HttpOnly, set by the server). */
export function clientCookieName(secure: boolean): string {
  return secure ? CLIENT_COOKIE_NAME : CLIENT_COOKIE_NAME_INSECURE;
}

/**
 * `Set-Cookie` (or `document.cookie`) for a session JWT, or clearing it when
 * `jwt` is null. It lives as long as a token does, counted by the browser
 * from now, so no clock needs to agree with the server's; a token that is
 * older than its cookie is simply renewed by the next request that sees it.
 */
export function sessionCookie(jwt: string | null, secure: boolean): string {
  const maxAge = jwt === null ? 0 : Limits.sessionTokenTtlSeconds;
  return `${sessionCookieName(secure)}=${jwt ?? ''}; Path=/; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** One cookie's value from a `Cookie` request header. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** A `Cookie` header with one cookie replaced (or removed when `value` is null), the others kept. */
export function withCookie(header: string | null | undefined, name: string, value: string | null): string {
  const others = (header?.split(';') ?? []).map((part) => part.trim()).filter((part) => part && !part.startsWith(`${name}=`));
  return [...others, ...(value === null ? [] : [`${name}=${value}`])].join('; ');
}
