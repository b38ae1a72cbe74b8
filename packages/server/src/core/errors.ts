import type { ApiError, ErrorCode, ReverificationStrategy } from '@latch/protocol';

/** Default HTTP status and English message of every error code, in one table. */
const table: Record<ErrorCode, [status: number, message: string]> = {
  invalid_json: [400, 'The request body is not valid JSON.'],
  unsupported_content_type: [415, 'Send the request body as application/json.'],
  body_too_large: [413, 'The request body is too large.'],
  form_param_missing: [400, 'A required field is missing.'],
  form_param_format_invalid: [400, 'A field has an invalid format.'],
  form_param_too_long: [422, 'A field is too long.'],
  resource_not_found: [404, 'Not found.'],
  method_not_allowed: [405, 'This method is not allowed on this path.'],
  form_identifier_not_found: [422, "Couldn't find your account."],
  form_identifier_exists: [422, 'This email address is taken.'],
  form_username_exists: [422, 'This username is taken.'],
  strategy_for_user_invalid: [422, 'This verification strategy is not available for this account.'],
  form_password_incorrect: [422, 'Password is incorrect.'],
  form_password_length_too_short: [422, 'The password is too short.'],
  form_password_length_too_long: [422, 'The password is too long.'],
  form_password_pwned: [422, 'This password is too common; choose another one.'],
  form_password_matches_identifier: [422, 'The password must not match your email address.'],
  form_code_incorrect: [422, 'The code is incorrect.'],
  verification_expired: [422, 'The code has expired; request a new one.'],
  verification_failed: [422, 'Too many wrong codes; start again.'],
  verification_missing: [422, 'Request a code first.'],
  email_link_invalid: [422, 'This link is invalid. Ask for a new one.'],
  email_link_expired: [422, 'This link has expired. Ask for a new one.'],
  email_link_used: [422, 'This link was already used.'],
  email_link_client_mismatch: [422, 'This link was used in another browser, where it finished.'],
  user_locked: [429, 'Too many failed attempts; the account is locked for a while.'],
  too_many_requests: [429, 'Too many requests; try again later.'],
  sign_in_not_found: [404, 'This sign-in attempt does not exist or has expired.'],
  sign_up_not_found: [404, 'This sign-up attempt does not exist or has expired.'],
  flow_state_invalid: [422, 'This step is not possible now.'],
  identifier_already_signed_in: [422, 'You are already signed in.'],
  authentication_invalid: [401, 'You are not signed in.'],
  origin_invalid: [403, 'This request must come from an allowed origin with the latch-requested-with header.'],
  session_not_found: [404, 'Session not found.'],
  session_expired: [401, 'The session has expired.'],
  reverification_required: [403, 'Confirm it is you before making this change.'],
  last_verified_email_address: [422, 'You cannot remove your last verified email address.'],
  email_address_not_found: [404, 'Email address not found.'],
  email_address_not_verified: [422, 'Verify this email address first.'],
  email_address_is_primary: [422, 'Make another email address primary before removing this one.'],
  totp_already_enabled: [422, 'Two-step verification is already on.'],
  totp_not_enabled: [422, 'Two-step verification is off.'],
  feature_disabled: [403, 'This feature is turned off for this application.'],
  user_banned: [403, 'This account is banned.'],
  metadata_too_large: [422, 'The metadata is too large: at most 8 KB of JSON.'],
  sign_in_token_invalid: [422, 'This sign-in link is invalid, used or expired.'],
  // Passkey messages name what failed and never what was expected: no origin or RP ID.
  passkey_origin_invalid: [422, 'The passkey answered for an origin this application does not accept.'],
  passkey_rp_id_invalid: [422, 'The passkey belongs to another relying party.'],
  passkey_challenge_invalid: [422, 'This passkey challenge is unknown, used or expired; start again.'],
  passkey_not_found: [404, 'No such passkey.'],
  passkey_counter_invalid: [422, 'The authenticator’s signature counter went backwards; this passkey cannot be trusted now.'],
  passkey_verification_failed: [422, 'The passkey response could not be verified.'],
  passkey_already_registered: [422, 'This passkey is registered already.'],
  passkey_not_allowed: [400, 'The passkey prompt was cancelled or timed out.'],
  passkey_not_supported: [400, 'Passkeys are not supported here.'],
  oauth_provider_disabled: [422, 'This sign-in provider is not enabled.'],
  oauth_redirect_url_invalid: [422, 'This redirect URL is not allowed.'],
  oauth_access_denied: [422, 'The provider did not grant access.'],
  oauth_state_invalid: [422, 'This sign-in attempt is invalid or was already used; start again.'],
  oauth_attempt_expired: [422, 'This sign-in attempt has expired; start again.'],
  oauth_callback_invalid: [422, "The provider's answer could not be verified; start again."],
  oauth_provider_unavailable: [503, 'The sign-in provider cannot be reached right now; try again shortly.'],
  oauth_email_in_use: [422, 'This email address belongs to another account. Sign in to it, then connect this provider from your profile.'],
  external_account_exists: [422, 'This account is already connected to another user.'],
  external_account_not_found: [404, 'No account is connected to this provider account.'],
  external_account_last_sign_in_method: [422, 'You cannot remove your last way to sign in.'],
  external_account_mismatch: [422, 'The provider returned a different account than the one being reconnected.'],
  internal_error: [500, 'Something went wrong on our side.'],
  password_check_unavailable: [503, 'The list of common passwords could not be loaded to check the password; try again.'],
  service_unavailable: [503, 'The service is busy or cannot reach its database; try again shortly.'],
};

interface FailureOptions {
  paramName?: string;
  status?: number;
  message?: string;
  retryAfterSeconds?: number;
  /** For `reverification_required`: the ways this user can reverify. */
  strategies?: ReverificationStrategy[];
}

/** An expected failure: thrown anywhere in a flow, turned into an error response by the handler. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly error: ApiError;

  constructor(code: ErrorCode, options: FailureOptions = {}) {
    const [status, message] = table[code];
    super(options.message ?? message);
    this.status = options.status ?? status;
    const meta: ApiError['meta'] = {};
    if (options.paramName !== undefined) meta.paramName = options.paramName;
    if (options.retryAfterSeconds !== undefined) meta.retryAfterSeconds = options.retryAfterSeconds;
    if (options.strategies !== undefined) meta.strategies = options.strategies;
    this.error = { code, message: this.message, ...(Object.keys(meta).length > 0 ? { meta } : {}) };
  }
}

/** Shorthand: `throw fail('form_password_incorrect', { paramName: 'password' })`. */
export function fail(code: ErrorCode, options?: FailureOptions): ApiFailure {
  return new ApiFailure(code, options);
}
