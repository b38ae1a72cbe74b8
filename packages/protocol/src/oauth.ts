/**
 * Social sign-in (OAuth 2.0 / OpenID Connect): the wire shapes. How a
 * redirect flow runs end to end:
 *
 * 1. The page starts it: `POST /v1/client/sign_ins` (or `sign_ups`) with
 *    `{ strategy: 'oauth_google', redirectUrl, actionCompleteRedirectUrl }`,
 *    or `POST /v1/me/external_accounts` to connect one to the signed-in user.
 *    The answer's verification carries `externalVerificationRedirectURL`: the
 *    browser navigates there (the provider's consent page).
 * 2. The provider sends the browser back to `redirectUrl`, an app page (the
 *    components' `sso-callback` route), with `?code=…&state=…` or
 *    `?error=access_denied&state=…` in the query. A provider that answers by
 *    `form_post` (Apple) POSTs to `POST /v1/oauth/form_post` on the API
 *    instead, which 303-redirects to the same app page with the same query.
 * 3. The app page POSTs what it got: `POST /v1/client/oauth_callback` with
 *    `OAuthCallbackBody` (the client's `handleRedirectCallback()` does it).
 *    The answer (`OAuthCallbackJSON`) says where the flow stands; the client
 *    in the same answer holds the sign-in or sign-up it produced.
 */
import type { VerificationStatus } from './resources';

/** `oauth_<provider id>`, e.g. `oauth_google`, `oauth_github`, `oauth_acme` (a configured custom provider). */
export type OAuthStrategy = `oauth_${string}`;

/** The provider presets the server knows; any other id is a configured generic OIDC or OAuth 2.0 provider. */
export type OAuthPresetId = 'google' | 'github' | 'microsoft' | 'discord' | 'gitlab' | 'apple';

/** One provider the environment offers (`EnvironmentJSON.oauthProviders`): enough to render its button. */
export interface OAuthProviderJSON {
  /** e.g. `google`; the strategy is `oauth_<id>`. */
  id: string;
  strategy: OAuthStrategy;
  /** Display name, e.g. "Google" (a brand name: not localized). */
  name: string;
  /** A preset's id, whose inlined SVG the UI draws; null for a custom provider (see `iconUrl`). */
  icon: OAuthPresetId | null;
  /** An image URL for a custom provider's button, when configured. */
  iconUrl: string | null;
  /** Offered on the sign-in and on the sign-up form. */
  signIn: boolean;
  signUp: boolean;
}

/**
 * The `oauth_*` verification of a sign-in's first factor, a sign-up's
 * `verifications.externalAccount` or a connect attempt. While `unverified`
 * the browser is to go to `externalVerificationRedirectURL`.
 */
export interface ExternalVerificationJSON {
  status: VerificationStatus;
  strategy: OAuthStrategy;
  attempts: number;
  expireAt: number | null;
  /** The provider's authorization URL (only while unverified). */
  externalVerificationRedirectURL: string | null;
  /** Why it failed, when it did. */
  error: { code: string; message: string } | null;
}

/** A provider account linked to the user (`UserJSON.externalAccounts`). */
export interface ExternalAccountJSON {
  id: string;
  /** The provider id, e.g. `google`. */
  provider: string;
  /** The provider's stable id of the account (`sub`, GitHub's numeric id). */
  providerUserId: string;
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string | null;
  verification: {
    /** `expired`: the provider no longer accepts our tokens (consent revoked): reconnect with `reauthorize`. */
    status: 'verified' | 'unverified' | 'expired' | 'failed';
    strategy: OAuthStrategy;
    error: { code: string; message: string } | null;
  };
  createdAt: number;
  updatedAt: number;
}

/** Answer to `POST /v1/me/external_accounts` and `…/reauthorize`: where to send the browser. */
export interface PendingExternalAccountJSON {
  object: 'pending_external_account';
  provider: string;
  verification: ExternalVerificationJSON;
}

/** What the provider's redirect brought, as the app page read it from its URL query (null or absent: not in the query). */
export interface OAuthCallbackBody {
  state: string | null;
  /** Present on success. */
  code?: string | null;
  /** `error` of the query: present when the provider refused, e.g. `access_denied` (the user pressed Cancel). */
  error?: string | null;
  /** `error_description` of the query. */
  errorDescription?: string | null;
  /** RFC 9207 `iss` parameter, when the provider sends one. */
  iss?: string | null;
}

/**
 * Where a redirect flow stands after its callback. `flow` is the final one:
 * a sign-in that found no account and became a sign-up says `sign_up`
 * (and the other way round), as Clerk's transfer does.
 * - `complete`: signed in or connected; go to `redirectUrlComplete`.
 * - `needs_second_factor`: the account has TOTP: continue the sign-in's second factor.
 * - `needs_first_factor`: the provider's email matches an account that must
 *   prove itself first (password or email code); the external account is
 *   linked once it has (`signIn.externalAccountToLink` names it).
 * - `missing_requirements`: the sign-up needs more (a required field, or an
 *   email the provider did not vouch for, verified by code).
 */
export interface OAuthCallbackJSON {
  flow: 'sign_in' | 'sign_up' | 'connect';
  status: 'complete' | 'needs_first_factor' | 'needs_second_factor' | 'missing_requirements';
  createdSessionId: string | null;
  externalAccountId: string | null;
  /** The `actionCompleteRedirectUrl` given at the start (checked against the redirect allowlist), or null. */
  redirectUrlComplete: string | null;
}

/** Starting a redirect flow: the `strategy` variant of the sign-in and sign-up create bodies. */
export interface OAuthStartBody {
  strategy: OAuthStrategy;
  /** The app page the provider returns to: must be on the server's callback allowlist. */
  redirectUrl: string;
  /** Where the app goes once the flow completes. */
  actionCompleteRedirectUrl?: string;
}

export interface ExternalAccountCreateBody {
  strategy: OAuthStrategy;
  redirectUrl: string;
  actionCompleteRedirectUrl?: string;
}

export interface ExternalAccountReauthorizeBody {
  redirectUrl: string;
  actionCompleteRedirectUrl?: string;
}

/** The query parameters the callback page reads (and `handleRedirectCallback()` sends). */
export const OAUTH_CALLBACK_PARAMS = ['state', 'code', 'error', 'error_description', 'iss'] as const;
