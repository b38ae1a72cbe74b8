import {
  CLIENT_COOKIE_NAME,
  CLIENT_COOKIE_NAME_INSECURE,
  CLIENT_TOKEN_HEADER,
  CLIENT_TOKEN_RESPONSE_HEADER,
  REQUESTED_WITH_HEADER,
} from '@latch/protocol';
import { fail } from '../errors';
import type { CoreRequest } from './request';

/**
 * How this request carries its client token. `none` is a browser we have not
 * met yet: we cannot tell which transport it will use, so a token issued to it
 * goes out both ways (header-mode clients read the header, cookie-mode ones
 * ignore it). Tokens are rotated at sign-in, so that first token never
 * authenticates anyone.
 */
export interface Credential {
  mode: 'header' | 'cookie' | 'none';
  token: string | null;
}

export interface CookieOptions {
  /** Secure and `__Host-` prefixed; only http://localhost may go without. */
  secure: boolean;
  /** `Lax` (default) lets a link from another site arrive signed in; `Strict` does not. */
  sameSite?: 'Lax' | 'Strict';
  /** How long the browser keeps the client token; default the session's absolute lifetime. */
  maxAgeSeconds?: number;
}

export function cookieName(options: CookieOptions): string {
  return options.secure ? CLIENT_COOKIE_NAME : CLIENT_COOKIE_NAME_INSECURE;
}

export function readCredential(request: CoreRequest, cookies: CookieOptions): Credential {
  const authorization = request.headers.get(CLIENT_TOKEN_HEADER);
  if (authorization !== null) {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization.trim());
    if (!match) throw fail('authentication_invalid', { message: 'The Authorization header must be "Bearer <client token>".' });
    return { mode: 'header', token: match[1] ?? null };
  }
  const token = readCookie(request.headers.get('cookie'), cookieName(cookies));
  return token ? { mode: 'cookie', token } : { mode: 'none', token: null };
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

/**
 * CSRF defence for cookie mode: a browser attaches the cookie to requests that
 * other sites trigger, so a mutation must prove it came from our own page.
 * Header mode needs no check: other sites cannot read or send the token.
 */
export function assertSameSiteMutation(request: CoreRequest, credential: Credential, allowedOrigins: readonly string[]): void {
  if (credential.mode !== 'cookie' || request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  const originAllowed = origin !== null && (origin === new URL(request.url).origin || allowedOrigins.includes(origin));
  if (!originAllowed || !request.headers.get(REQUESTED_WITH_HEADER)) throw fail('origin_invalid');
}

/** Sends a newly issued or rotated token back the way the request's transport expects it. */
export function writeToken(headers: Headers, credential: Credential, token: string, cookies: CookieOptions & { maxAgeSeconds: number }): void {
  if (credential.mode !== 'cookie') headers.set(CLIENT_TOKEN_RESPONSE_HEADER, token);
  if (credential.mode !== 'header') {
    const secure = cookies.secure ? '; Secure' : '';
    const sameSite = cookies.sameSite ?? 'Lax';
    headers.append('set-cookie', `${cookieName(cookies)}=${token}; Path=/; HttpOnly${secure}; SameSite=${sameSite}; Max-Age=${cookies.maxAgeSeconds}`);
  }
}
