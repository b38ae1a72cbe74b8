import { isTokenVerificationError, verifyToken, type VerifiedToken } from '@latch/backend';
import { clientCookieName, readCookie, sessionCookieName } from './cookies';
import type { LatchNextConfig } from './config';
import { verifyHandoff, type HandoffAuth } from './handoff';
import { createLatchApi, unreachable, type LatchApi } from './latch-api';
import { createRevocationCheck } from './revocation';

/** The signed-in session behind a request: the ids, and the session JWT for calling your own APIs. */
export type SessionAuth = HandoffAuth;

export interface Authentication {
  auth: SessionAuth | null;
  /**
   * Set when the browser's session cookie must change: a JWT minted just now
   * (the cookie had expired), or null to clear it (the session is gone).
   */
  sessionCookie?: string | null;
}

export interface RequestCredentials {
  /** The request's `Cookie` header. */
  cookie: string | null;
  /** The signed value `latchMiddleware()` passed on, if it ran. */
  handoff: string | null;
}

export type Authenticate = (request: RequestCredentials) => Promise<Authentication>;

/**
 * A token we minted ourselves a moment ago, straight from the server, is
 * checked (signature, issuer, claims) but not held to this machine's clock:
 * when the clocks of the app and the Latch server disagree, the fresh token
 * would otherwise look expired, and the visitor would be signed out on every
 * page. The offset is reported once instead.
 */
const freshTokenSkewSeconds = 24 * 60 * 60;

/**
 * Who is asking, in this order: what the middleware already verified (signed
 * with LATCH_SECRET); the session cookie, verified against the server's JWKS
 * and its session checked for revocation; and, when that is missing, expired
 * or revoked but the browser has a client token, a fresh token minted
 * server-to-server. Never a redirect, so never a loop.
 */
export function createAuthenticator(config: LatchNextConfig, fetchImpl: typeof fetch = fetch): Authenticate {
  const api: LatchApi = createLatchApi(config, fetchImpl);
  const stillActive = createRevocationCheck(config, api, warnOnce);
  const keys = { jwksUrl: config.jwksUrl, issuer: config.issuer };

  /** The session a token proves, or null when it is refused (expired, forged, another issuer's). */
  async function verify(token: string, options: { fresh?: boolean } = {}): Promise<SessionAuth | null> {
    let verified: VerifiedToken;
    try {
      verified = await verifyToken(token, { ...keys, clockSkewInSeconds: options.fresh ? freshTokenSkewSeconds : undefined });
    } catch (error) {
      if (!isTokenVerificationError(error)) throw error;
      if (error.reason === 'jwks_unavailable') throw unreachable(config, error.cause ?? error);
      // An expired cookie is routine (it is renewed next); anything else is worth a word to the developer.
      if (error.reason !== 'token_expired') warnRefusedToken(error.reason);
      return null;
    }
    if (options.fresh) warnIfClockOffset(verified.claims.iat);
    return { userId: verified.userId, sessionId: verified.sessionId, token, expiresAt: verified.claims.exp };
  }

  return async ({ cookie, handoff }) => {
    if (handoff && config.secret) {
      const check = await verifyHandoff(config.secret, handoff);
      if (check.ok) return { auth: check.auth };
      if (check.reason === 'other_secret') warnOnce(otherSecretMessage);
    }

    const sessionToken = readCookie(cookie, sessionCookieName(config.secure));
    if (sessionToken) {
      const auth = await verify(sessionToken);
      // A revoked session's last token still verifies: then it is renewed (or refused) like an expired one.
      if (auth && (await stillActive(auth.token, auth.sessionId))) return { auth };
    }

    const clientToken = readCookie(cookie, clientCookieName(config.secure));
    if (!clientToken) return sessionToken ? { auth: null, sessionCookie: null } : { auth: null };
    const minted = await api.mintToken(clientToken);
    if (!minted) return { auth: null, sessionCookie: null };
    const auth = await verify(minted, { fresh: true });
    return { auth, sessionCookie: auth ? minted : null };
  };
}

const authenticators = new Map<string, Authenticate>();

/** One authenticator (and so one JWKS cache) per configuration, for the life of the process. */
export function authenticatorFor(config: LatchNextConfig): Authenticate {
  const key = JSON.stringify(config);
  let authenticate = authenticators.get(key);
  if (!authenticate) {
    authenticate = createAuthenticator(config);
    authenticators.set(key, authenticate);
  }
  return authenticate;
}

export const otherSecretMessage =
  '@latch/nextjs: latchMiddleware() signed its result with a different LATCH_SECRET than this route uses, so the route ' +
  'verifies the session itself. Set the same LATCH_SECRET for the middleware (proxy.ts / middleware.ts) and the app, ' +
  'in .env.local and in every deployment.';

const warned = new Set<string>();
/** `topic` names what is warned about, when the message carries a measured figure that may vary a little between requests. */
function warnOnce(message: string, topic = message): void {
  if (warned.has(topic)) return;
  warned.add(topic);
  console.error(message);
}

function warnRefusedToken(reason: string): void {
  warnOnce(
    `@latch/nextjs: a session token was refused (${reason}). If every token is, LATCH_FRONTEND_API may not be ` +
      'the URL the Latch server signs as its issuer (its public URL).',
  );
}

/** `iat` of a token minted a moment ago is the server's "now". */
function warnIfClockOffset(issuedAt: number): void {
  const offsetSeconds = Math.round(Date.now() / 1000 - issuedAt);
  if (Math.abs(offsetSeconds) > 5) {
    warnOnce(
      `@latch/nextjs: this server's clock is about ${offsetSeconds} s off the Latch server's. Sessions keep working, ` +
        'but every request renews its token; synchronise the clocks (NTP).',
      'clock offset',
    );
  }
}
