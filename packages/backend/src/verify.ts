import { jwtVerify } from 'jose';
import { Limits, type SessionClaims } from '@latch/protocol';
import { toVerificationError, TokenVerificationError } from './errors';
import { allowedAlgorithms, keyResolverFor, remoteKeySet, type KeyResolver, type KeySource } from './keys';

export type VerifyTokenOptions = KeySource & {
  /** The server's public URL, exactly as it signs `iss` (e.g. `https://auth.example.com`). */
  issuer: string;
  /** Leeway for `exp` and `nbf` between this machine's clock and the server's; default 5. */
  clockSkewInSeconds?: number;
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

export type TokenVerifier = (token: string | null | undefined) => Promise<VerifiedToken>;

/** Checks the options once and returns the function that checks each token. */
export function createTokenVerifier(options: VerifyTokenOptions, keys: KeyResolver = keyResolverFor(options)): TokenVerifier {
  const { issuer, clockSkewInSeconds = Limits.clockSkewSeconds } = options;
  if (typeof issuer !== 'string' || issuer === '') {
    throw new TypeError('@latch/backend: `issuer` is required: the Latch server’s public URL, as it signs `iss`.');
  }
  if (!Number.isFinite(clockSkewInSeconds) || clockSkewInSeconds < 0) {
    throw new TypeError('@latch/backend: `clockSkewInSeconds` must be a number of seconds, 0 or more.');
  }

  return async (token) => {
    if (token === undefined || token === null || token === '') throw new TokenVerificationError('token_missing');
    if (typeof token !== 'string' || token.length > maxTokenLength) throw new TokenVerificationError('token_malformed');
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...allowedAlgorithms],
        issuer,
        clockTolerance: clockSkewInSeconds,
        requiredClaims,
      });
      const { sub, sid } = payload;
      if (typeof sub !== 'string' || sub === '' || typeof sid !== 'string' || sid === '') {
        throw new TokenVerificationError('token_invalid_claims');
      }
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
 * Verifies a Latch session JWT: signature (ES256 or EdDSA only), `iss`, `exp`
 * and `nbf` with the allowed clock skew. Resolves to who is calling; rejects
 * with a `TokenVerificationError` whose `reason` says why not.
 */
export async function verifyToken(token: string | null | undefined, options: VerifyTokenOptions): Promise<VerifiedToken> {
  return createTokenVerifier(options, keyResolverFor(options, sharedRemoteKeySet))(token);
}
