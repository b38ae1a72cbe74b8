// Subpath imports: a bundle for the edge runtime then never sees jose's JWE code (and its CompressionStream).
import type { JWK, JWTVerifyGetKey } from 'jose';
import * as errors from 'jose/errors';
import { createRemoteJWKSet } from 'jose/jwks/remote';
import { importJWK, importSPKI } from 'jose/key/import';
import { TokenVerificationError } from './errors';

/** The only signature algorithms a Latch session token may use (SECURITY.md). */
export const allowedAlgorithms = ['ES256', 'EdDSA'] as const;
type Algorithm = (typeof allowedAlgorithms)[number];

/** Where the keys come from: the server's JWKS (follows key rotation), or one fixed public key. */
export type KeySource =
  | {
      /** The server's JWKS, e.g. `https://auth.example.com/.well-known/jwks.json`. */
      jwksUrl: string | URL;
      publicKey?: undefined;
    }
  | {
      /** One fixed public key, P-256 or Ed25519, as a PEM (SPKI) string or a JWK. */
      publicKey: string | JWK;
      jwksUrl?: undefined;
    };

/** Finds the key that should have signed a token, from its protected header. */
export type KeyResolver = JWTVerifyGetKey;

export function keyResolverFor(source: KeySource, remote: (url: URL) => KeyResolver = remoteKeySet): KeyResolver {
  if (source.jwksUrl !== undefined && source.publicKey !== undefined) {
    throw new TypeError('@latch/backend: pass `jwksUrl` or `publicKey`, not both.');
  }
  if (source.jwksUrl !== undefined) return remote(parseJwksUrl(source.jwksUrl));
  if (source.publicKey !== undefined) return staticKey(source.publicKey);
  throw new TypeError('@latch/backend: pass `jwksUrl` (the server’s /.well-known/jwks.json) or `publicKey`.');
}

export function parseJwksUrl(jwksUrl: string | URL): URL {
  try {
    return new URL(jwksUrl);
  } catch {
    throw new TypeError(`@latch/backend: \`jwksUrl\` is not an absolute URL: ${String(jwksUrl)}`);
  }
}

/**
 * jose's remote key set caches the JWKS (10 minutes) and, when a token names
 * a `kid` it lacks, fetches it again so rotated keys are picked up; its 30 s
 * cooldown keeps a flood of made-up kids from becoming a flood of fetches.
 */
export function remoteKeySet(url: URL): KeyResolver {
  const keySet = createRemoteJWKSet(url);
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      // No key for this kid is the token's fault; a failed fetch, a non-200,
      // bad JSON or a timeout is the key set's, and says nothing about the token.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new TokenVerificationError('jwks_unavailable', { cause: error });
    }
  };
}

interface ImportedKey {
  alg: Algorithm;
  key: CryptoKey;
  /** Set when the key came as a JWK with a `kid`: then tokens must name it. */
  kid: string | undefined;
}

/** One fixed key: no network, no rotation. Imported on first use, once. */
function staticKey(publicKey: string | JWK): KeyResolver {
  let imported: Promise<ImportedKey> | undefined;
  return async (header) => {
    const { alg, key, kid } = await (imported ??= importPublicKey(publicKey));
    // jose has already refused algorithms off the allow-list; this refuses an allowed one that is not this key's.
    if (header.alg !== alg) throw new TokenVerificationError('token_wrong_algorithm');
    if (kid !== undefined && header.kid !== kid) throw new TokenVerificationError('token_unknown_kid');
    return key;
  };
}

/** A PEM or JWK does not say its algorithm reliably, so try each allowed one. */
async function importPublicKey(publicKey: string | JWK): Promise<ImportedKey> {
  for (const alg of allowedAlgorithms) {
    const key = await (typeof publicKey === 'string' ? importSPKI(publicKey, alg) : importJWK(publicKey, alg)).catch(() => null);
    if (key && !(key instanceof Uint8Array) && key.type === 'public') {
      return { alg, key, kid: typeof publicKey === 'string' ? undefined : publicKey.kid };
    }
  }
  throw new TypeError('@latch/backend: `publicKey` must be a P-256 (ES256) or Ed25519 (EdDSA) public key, as a PEM (SPKI) string or a JWK.');
}
