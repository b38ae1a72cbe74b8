/**
 * Every error the frontend API can return. The server, the mock and the client
 * share this one table; the UI localizes by code, so a code, once published,
 * never changes meaning.
 */
export const ErrorCodes = {
  // Request shape
  invalidJson: 'invalid_json',
  unsupportedContentType: 'unsupported_content_type',
  bodyTooLarge: 'body_too_large',
  paramMissing: 'form_param_missing',
  paramInvalid: 'form_param_format_invalid',
  paramTooLong: 'form_param_too_long',
  notFound: 'resource_not_found',
  methodNotAllowed: 'method_not_allowed',
  // Identity
  identifierNotFound: 'form_identifier_not_found',
  identifierExists: 'form_identifier_exists',
  usernameExists: 'form_username_exists',
  strategyNotAllowed: 'strategy_for_user_invalid',
  // Passwords
  passwordIncorrect: 'form_password_incorrect',
  passwordTooShort: 'form_password_length_too_short',
  passwordTooLong: 'form_password_length_too_long',
  passwordPwned: 'form_password_pwned',
  /** The list of common passwords could not be loaded (a browser mock gone offline before its first use): try again online. */
  passwordCheckUnavailable: 'password_check_unavailable',
  passwordMatchesIdentifier: 'form_password_matches_identifier',
  // Codes
  codeIncorrect: 'form_code_incorrect',
  codeExpired: 'verification_expired',
  codeAttemptsExhausted: 'verification_failed',
  codeNotPrepared: 'verification_missing',
  // Email links (`strategy: 'email_link'`)
  /** Unknown, malformed or garbled token, or its sign-in, sign-up or address is gone (422). */
  emailLinkInvalid: 'email_link_invalid',
  /** The link is older than 10 minutes: ask for a new one (422). */
  emailLinkExpired: 'email_link_expired',
  /** The link was already used: it works once (422). */
  emailLinkUsed: 'email_link_used',
  /**
   * The link was used in another browser, which finished there
   * (`emailVerification.linkCompletesOnOtherDevice`): this one cannot finish too (422).
   */
  emailLinkClientMismatch: 'email_link_client_mismatch',
  // Account protection
  userLocked: 'user_locked',
  /** Too many emails to one address, or too many sign-ins or sign-ups from one network address: 429 with Retry-After. */
  rateLimited: 'too_many_requests',
  // Flow state
  signInNotFound: 'sign_in_not_found',
  signUpNotFound: 'sign_up_not_found',
  flowStateInvalid: 'flow_state_invalid',
  alreadySignedIn: 'identifier_already_signed_in',
  // Sessions and auth
  unauthenticated: 'authentication_invalid',
  /** A cookie-authenticated mutation without an allowed Origin or the `latch-requested-with` header (CSRF). */
  originInvalid: 'origin_invalid',
  sessionNotFound: 'session_not_found',
  sessionExpired: 'session_expired',
  /**
   * A sensitive action on a session whose last verification is too old: 403,
   * with `meta.strategies` naming how to reverify (`/v1/me/reverification/…`).
   */
  reverificationRequired: 'reverification_required',
  // User
  lastEmailAddress: 'last_verified_email_address',
  emailAddressNotFound: 'email_address_not_found',
  emailAddressNotVerified: 'email_address_not_verified',
  /** The primary email address cannot be removed; make another one primary first. */
  emailAddressIsPrimary: 'email_address_is_primary',
  totpAlreadyEnabled: 'totp_already_enabled',
  totpNotEnabled: 'totp_not_enabled',
  featureDisabled: 'feature_disabled',
  /** The account is banned by the application's backend: it cannot sign in (403). */
  userBanned: 'user_banned',
  /** A metadata object (public, private or unsafe) is larger than `Limits.maxMetadataBytes` as JSON (422). */
  metadataTooLarge: 'metadata_too_large',
  /** A sign-in token (`strategy: 'ticket'`) that is unknown, already used or expired (422). */
  signInTokenInvalid: 'sign_in_token_invalid',
  // Passkeys. Server errors say what failed, never what was expected (no origin or RP ID in any message).
  /** The passkey answered for a page whose origin is not one of the instance's passkey origins (422). */
  passkeyOriginInvalid: 'passkey_origin_invalid',
  /** The passkey belongs to another relying party (RP ID) than the instance's; in the browser, the RP ID does not fit the page (422). */
  passkeyRpIdInvalid: 'passkey_rp_id_invalid',
  /** The challenge is unknown, already used, expired (5 minutes), or another client's: start again (422). */
  passkeyChallengeInvalid: 'passkey_challenge_invalid',
  /** No such passkey: unknown to this instance (removed?) at sign-in (422), or not one of the user's in the profile (404). */
  passkeyNotFound: 'passkey_not_found',
  /** The authenticator's signature counter went backwards: a cloned authenticator? The sign-in is refused; the passkey is kept (422). */
  passkeyCounterInvalid: 'passkey_counter_invalid',
  /** The passkey's answer did not verify: bad signature, no user verification, malformed (422). */
  passkeyVerificationFailed: 'passkey_verification_failed',
  /** This authenticator already holds a passkey for the account, or the credential is registered already (422). */
  passkeyAlreadyRegistered: 'passkey_already_registered',
  /** From the browser, not the API (status 0): the user cancelled the passkey prompt, or it timed out (NotAllowedError). */
  passkeyNotAllowed: 'passkey_not_allowed',
  /** From the browser (status 0): this browser or device cannot use passkeys here (no WebAuthn, or no user verification). */
  passkeyNotSupported: 'passkey_not_supported',
  // Social sign-in (OAuth / OIDC)
  /** The provider id of an `oauth_*` strategy is unknown, or not enabled for this flow (sign-in, sign-up). */
  oauthProviderDisabled: 'oauth_provider_disabled',
  /** `redirectUrl` (or `actionCompleteRedirectUrl`) is not on the server's allowlist. */
  oauthRedirectUrlInvalid: 'oauth_redirect_url_invalid',
  /** The user refused at the provider (`error=access_denied`) or the provider reported another error. */
  oauthAccessDenied: 'oauth_access_denied',
  /** `state` is unknown, already used, or belongs to another browser: start again. */
  oauthStateInvalid: 'oauth_state_invalid',
  /** The attempt is older than 10 minutes: start again. */
  oauthAttemptExpired: 'oauth_attempt_expired',
  /** The provider refused the code (used, tampered, PKCE mismatch) or sent an ID token that fails validation (issuer, audience, signature, expiry, nonce). */
  oauthCallbackInvalid: 'oauth_callback_invalid',
  /** The provider could not be reached or answered with a server error: 503 with Retry-After; try again. */
  oauthProviderUnavailable: 'oauth_provider_unavailable',
  /** The provider's email belongs to another account that cannot be linked (the provider does not vouch for the email): sign in to that account and connect from the profile. */
  oauthEmailInUse: 'oauth_email_in_use',
  /** This provider account is already linked to another user. */
  externalAccountExists: 'external_account_exists',
  /** No account is linked to this provider account, and sign-up through it is off. */
  externalAccountNotFound: 'external_account_not_found',
  /** Removing it would leave the account with no way to sign in (no password, email code or other provider). */
  externalAccountLastSignInMethod: 'external_account_last_sign_in_method',
  /** A reauthorization came back with a different provider account than the one being reconnected. */
  externalAccountMismatch: 'external_account_mismatch',
  // Server
  internal: 'internal_error',
  /** The server is overloaded or cannot reach its database right now: 503 with Retry-After; safe to retry. */
  serviceUnavailable: 'service_unavailable',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** How a signed-in user proves it is still them before a sensitive action. */
export type ReverificationStrategy = 'password' | 'email_code' | 'totp' | 'backup_code';

/** One entry of an error response. `meta.paramName` names the field at fault. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  longMessage?: string;
  meta?: { paramName?: string; retryAfterSeconds?: number; strategies?: ReverificationStrategy[] };
}

/** The body of every non-2xx response. */
export interface ApiErrorResponse {
  errors: ApiError[];
}
