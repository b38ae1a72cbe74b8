import { jwtVerify } from 'jose/jwt/verify';
import { Limits, type SessionClaims } from '@latch/protocol';
import { toVerificationError, TokenVerificationError } from './errors';
import { allowedAlgorithms, keyResolverFor, remoteKeySet, type KeyResolver, type KeySource } from './keys';

export type VerifyTokenOptions = KeySource & {
  /** The server's public URL, exactly as it signs `iss` (e.g. `https://auth.example.com`). */
  issuer: string;
  /** Leeway for `exp` and `nbf` between this machine's clock and the server's; default 5. */
  clockSkewInSeconds?: number;
  /**
   * When set, the token's `aud` must name this audience (or one of these).
   * Latch's own session tokens carry no `aud`: set this only when your server's
   * claims add one, so a token minted for another app is refused here.
   */
  audience?: string | string[];
  /**
   * The longest lifetime (`exp - iat`) accepted, in seconds; default 600.
   * Latch mints 60-second tokens, so a long-lived one was not minted by it
   * as configured (a leaked signing key, a misconfigured server): refuse it.
   */
  maxTokenLifetimeInSeconds?: number;
};

export interface VerifiedToken {
  userId: string;
  sessionId: string;
  claims: SessionClaims & Record<string, unknown>;
}

/** A Latch session JWT is a few hundred characters; refuse megabytes before decoding anything. */
const maxTokenLength = 8 * 1024;

/** Claims every Latch session token carries; `iss` is required by the `issuer` check itself. */
const requiredClaims = ['sub', 'sid', 'iat', 'nbf', 'exp'];

/** Ten times the server's 60 s tokens: room for a configured longer lifetime, not for a forged day-long one. */
const defaultMaxTokenLifetimeSeconds = 10 * 60;

export type TokenVerifier = (token: string | null | undefined) => Promise<VerifiedToken>;

/** Checks the options once and returns the function that checks each token. */
export function createTokenVerifier(options: VerifyTokenOptions, keys: KeyResolver = keyResolverFor(options)): TokenVerifier {
  const { issuer, audience, clockSkewInSeconds = Limits.clockSkewSeconds, maxTokenLifetimeInSeconds = defaultMaxTokenLifetimeSeconds } = options;
  if (typeof issuer !== 'string' || issuer === '') {
    throw new TypeError('@latch/backend: `issuer` is required: the Latch server’s public URL, as it signs `iss`.');
  }
  if (!Number.isFinite(clockSkewInSeconds) || clockSkewInSeconds < 0) {
    throw new TypeError('@latch/backend: `clockSkewInSeconds` must be a number of seconds, 0 or more.');
  }
  if (!Number.isFinite(maxTokenLifetimeInSeconds) || maxTokenLifetimeInSeconds <= 0) {
    throw new TypeError('@latch/backend: `maxTokenLifetimeInSeconds` must be a number of seconds above 0.');
  }

  return async (token) => {
    if (token === undefined || token === null || token === '') throw new TokenVerificationError('token_missing');
    if (typeof token !== 'string' || token.length > maxTokenLength) throw new TokenVerificationError('token_malformed');
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...allowedAlgorithms],
        issuer,
        ...(audience !== undefined ? { audience } : {}),
        // The server signs with `typ: JWT`; another kind of JWS signed by the same key is not a session token.
        typ: 'JWT',
        clockTolerance: clockSkewInSeconds,
        requiredClaims,
      });
      const { sub, sid, iat, exp } = payload;
      if (typeof sub !== 'string' || sub === '' || typeof sid !== 'string' || sid === '') {
        throw new TokenVerificationError('token_invalid_claims');
      }
      if (exp! - iat! > maxTokenLifetimeInSeconds) throw new TokenVerificationError('token_lifetime_too_long');
      return { userId: sub, sessionId: sid, claims: payload as VerifiedToken['claims'] };
    } catch (error) {
      throw toVerificationError(error);
    }
  };
}

/**
 * One remote key set per JWKS URL, shared by every standalone `verifyToken`
 * call, so each call does not fetch the JWKS again. Bounded: an app talks to
 * one Latch server, maybe a few, so the oldest entry goes when it fills.
 * `createLatchBackend()` keeps its own instead, which is the better choice.
 */
const sharedKeySets = new Map<string, KeyResolver>();
const maxSharedKeySets = 16;

function sharedRemoteKeySet(url: URL): KeyResolver {
  let keySet = sharedKeySets.get(url.href);
  if (!keySet) {
    if (sharedKeySets.size >= maxSharedKeySets) sharedKeySets.delete(sharedKeySets.keys().next().value!);
    keySet = remoteKeySet(url);
    sharedKeySets.set(url.href, keySet);
  }
  return keySet;
}

/**
 * Verifies a Latch session JWT: signature (ES256 or EdDSA only), `typ`, `iss`,
 * `aud` when configured, `exp` and `nbf` with the allowed clock skew, and a
 * lifetime no longer than `maxTokenLifetimeInSeconds`. Resolves to who is calling; rejects
 * with a `TokenVerificationError` whose `reason` says why not.
 */
export async function verifyToken(token: string | null | undefined, options: VerifyTokenOptions): Promise<VerifiedToken> {
  return createTokenVerifier(options, keyResolverFor(options, sharedRemoteKeySet))(token);
}
