/**
 * How `latchMiddleware()` hands its result to the route after it, so the
 * route does not verify the same token again. The value rides in a request
 * header, which a visitor could also send: it is signed with LATCH_SECRET,
 * the middleware drops any incoming copy, and a route accepts only a value
 * whose signature checks out and whose token has not expired.
 */
export const handoffHeader = 'x-latch-handoff';
/** The request's path and query, passed on so `auth.protect()` in a page can send the visitor back here. */
export const pathHeader = 'x-latch-path';
/** On every response the middleware authenticated: `signed-in` or `signed-out` (no ids). */
export const statusHeader = 'x-latch-auth';


export interface HandoffAuth {
  userId: string;
  sessionId: string;
  token: string;
  /** The token's `exp`, in seconds. */
  expiresAt: number;
}

/** What the middleware found: a signed-in session, or signed out (`null`), so the route skips a refresh too. */
export type Handoff = HandoffAuth | null;

interface Payload {
  /** Which secret signed it (a hash prefix), to tell a misconfiguration from a forgery. */
  k: string;
  a: HandoffAuth | null;
  /** Signed-out values expire too (seconds). */
  e: number;
}

const encoder = new TextEncoder();

export async function signHandoff(secret: string, auth: Handoff, nowMs = Date.now()): Promise<string> {
  const payload: Payload = { k: await keyId(secret), a: auth, e: auth?.expiresAt ?? Math.floor(nowMs / 1000) + 60 };
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  return `${body}.${base64url(await hmac(secret, body))}`;
}

export type HandoffCheck =
  | { ok: true; auth: Handoff }
  /** Signed with another secret: the middleware and the app disagree on LATCH_SECRET. */
  | { ok: false; reason: 'other_secret' }
  | { ok: false; reason: 'invalid' | 'expired' };

export async function verifyHandoff(secret: string, value: string, nowMs = Date.now()): Promise<HandoffCheck> {
  const [body, signature, extra] = value.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const key = await importKey(secret);
  let valid: boolean;
  try {
    valid = await crypto.subtle.verify('HMAC', key, fromBase64url(signature), encoder.encode(body));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  let payload: Payload;
  try {
    payload = JSON.parse(new TextDecoder().decode(fromBase64url(body))) as Payload;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!valid) return { ok: false, reason: payload?.k !== (await keyId(secret)) ? 'other_secret' : 'invalid' };
  if (typeof payload.e !== 'number' || payload.e * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, auth: payload.a };
}

async function importKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

async function hmac(secret: string, body: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await importKey(secret), encoder.encode(body)));
}

async function keyId(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`latch-handoff:${secret}`)));
  return base64url(digest.slice(0, 6));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
