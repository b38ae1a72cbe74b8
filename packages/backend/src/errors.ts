import * as errors from 'jose/errors';

/**
 * Why a session token was refused. Stable codes, safe to log and to show a
 * developer; none of them says anything about a key that an attacker could use.
 */
export type TokenVerificationReason =
  /** No token: no `Authorization: Bearer …` header, or an empty string. */
  | 'token_missing'
  /** Not a compact JWS, not JSON inside, or absurdly long. */
  | 'token_malformed'
  /** `exp` is past, beyond the allowed clock skew. */
  | 'token_expired'
  /** `nbf` is in the future, beyond the allowed clock skew. */
  | 'token_not_active_yet'
  /** The signature does not match the key the header names. */
  | 'token_invalid_signature'
  /** No key (or more than one) in the key set matches the header's `kid` and `alg`. */
  | 'token_unknown_kid'
  /** `iss` is missing or is not the configured issuer. */
  | 'token_wrong_issuer'
  /** `alg` is not ES256 or EdDSA (`none` and HS256 included), or does not fit the configured public key. */
  | 'token_wrong_algorithm'
  /** A claim a Latch session token must carry (`exp`, `sub`, `sid`) is missing or of the wrong type. */
  | 'token_invalid_claims'
  /** The header's `typ` is not `JWT`: some other signed object, not a session token. */
  | 'token_wrong_type'
  /** An `audience` is configured and the token's `aud` does not name it. */
  | 'token_wrong_audience'
  /** `exp - iat` is longer than `maxTokenLifetimeInSeconds` (10 minutes by default). */
  | 'token_lifetime_too_long'
  /** The JWKS could not be fetched or read, so no token can be checked right now. */
  | 'jwks_unavailable';

const messages: Record<TokenVerificationReason, string> = {
  token_missing: 'No session token: send it as "Authorization: Bearer <token>".',
  token_malformed: 'The session token is not a well-formed JWT.',
  token_expired: 'The session token has expired.',
  token_not_active_yet: 'The session token is not valid yet.',
  token_invalid_signature: 'The session token signature is invalid.',
  token_unknown_kid: 'The session token was signed with a key this server does not know.',
  token_wrong_issuer: 'The session token was issued by another server.',
  token_wrong_algorithm: 'The session token uses an algorithm that is not allowed.',
  token_invalid_claims: 'The session token lacks the claims of a Latch session.',
  token_wrong_type: 'The token is not a session JWT (its typ header is not JWT).',
  token_wrong_audience: 'The session token was issued for another audience.',
  token_lifetime_too_long: 'The session token lives longer than this backend allows.',
  jwks_unavailable: 'The keys to check session tokens could not be fetched.',
};

export class TokenVerificationError extends Error {
  override readonly name = 'TokenVerificationError';
  readonly reason: TokenVerificationReason;

  constructor(reason: TokenVerificationReason, options?: { cause?: unknown }) {
    super(messages[reason], options);
    this.reason = reason;
  }
}

export function isTokenVerificationError(value: unknown): value is TokenVerificationError {
  return value instanceof TokenVerificationError;
}

/**
 * Translates jose's errors into our reasons. Errors that are not jose's (a bug,
 * a misconfiguration) are returned unchanged, so they surface as themselves.
 */
export function toVerificationError(error: unknown): unknown {
  if (error instanceof TokenVerificationError || !(error instanceof errors.JOSEError)) return error;
  return new TokenVerificationError(reasonFor(error), { cause: error });
}

function reasonFor(error: errors.JOSEError): TokenVerificationReason {
  if (error instanceof errors.JWTExpired) return 'token_expired';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token_wrong_algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token_invalid_signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'token_unknown_kid';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'token_wrong_issuer';
    if (error.claim === 'typ') return 'token_wrong_type';
    if (error.claim === 'aud') return 'token_wrong_audience';
    if (error.claim === 'nbf' && error.reason === 'check_failed') return 'token_not_active_yet';
    return 'token_invalid_claims';
  }
  // JWSInvalid, JWTInvalid, JOSENotSupported (e.g. an unknown `crit`): not a token we can read.
  return 'token_malformed';
}
