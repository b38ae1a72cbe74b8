import type { PasskeyJSON } from './passkeys';

/**
 * JSON shapes of the frontend API. Timestamps are milliseconds since the epoch.
 * Property names are camelCase on the wire, so the client maps nothing.
 */
import type { ExternalAccountJSON, ExternalVerificationJSON, OAuthProviderJSON } from './oauth';

export type FieldRequirement = 'required' | 'optional' | 'off';

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** Rejects passwords found in the shipped common-password list. */
  rejectCommon: boolean;
}

export interface EnvironmentJSON {
  applicationName: string;
  /** What a user may type into the sign-in identifier field. */
  identifiers: { emailAddress: boolean; username: boolean };
  /**
   * `emailCode` is sign-in with an emailed proof: a code, a link or both, as
   * `emailVerification.method` says. `passkey`: signing in with a passkey, and adding passkeys in the profile
   * (off by default; the server needs its relying party: RP ID and origins).
   */
  firstFactors: { password: boolean; emailCode: boolean; passkey: boolean };
  /**
   * How a person proves an inbox is theirs: signing in (when
   * `firstFactors.emailCode` is on), finishing a sign-up, adding an address.
   * Optional for older fixtures: absent means `{ method: 'code', linkCompletesOnOtherDevice: false }`.
   */
  emailVerification?: EmailVerificationSettings;
  signUp: {
    enabled: boolean;
    fields: {
      emailAddress: FieldRequirement;
      password: FieldRequirement;
      firstName: FieldRequirement;
      lastName: FieldRequirement;
      username: FieldRequirement;
    };
  };
  passwordPolicy: PasswordPolicy;
  mfa: { enabled: boolean; totp: boolean; backupCodes: boolean };
  multiSession: boolean;
  /**
   * On (the default): an unknown identifier gets a sign-in that looks like a
   * known one's (same status, shape and timing) and fails at the factor, and
   * a sign-in shows nothing about its account but a masked identifier until
   * the first factor passes. Off: `form_identifier_not_found`, and names and
   * factors at once — clearer errors, as Clerk does, at the price of telling
   * anyone which addresses have an account.
   */
  enumerationProtection: boolean;
  branding: { logoUrl: string | null; termsUrl: string | null; privacyUrl: string | null; helpUrl: string | null };
  /**
   * Origins besides the page's own that a sign-in may send the browser back
   * to (`afterSignInUrl`, `redirect_url`); anything else falls back to the default.
   */
  allowedRedirectOrigins: string[];
  /**
   * Social sign-in providers that are enabled, in the configured order (no
   * secrets: those stay in the server's config). Missing or empty: none.
   */
  oauthProviders?: OAuthProviderJSON[];
}

export interface EmailVerificationSettings {
  /**
   * `'code'` (default): a 6-digit code; `'link'`: a link to the app's verify
   * page (`strategy: 'email_link'`); `'both'`: either, as the user chooses.
   */
  method: 'code' | 'link' | 'both';
  /**
   * An email link opened in another browser than the one that asked for it.
   * `false` (default, safe): that browser only confirms it and is told to
   * return to the original tab, where the sign-in or sign-up finishes.
   * `true`: it finishes in the browser that opened the link (a session there),
   * and the original tab learns it was used elsewhere.
   */
  linkCompletesOnOtherDevice: boolean;
}

export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired';

export interface VerificationJSON {
  status: VerificationStatus;
  strategy: string | null;
  attempts: number;
  expireAt: number | null;
  /** `oauth_*` strategies only: the provider's authorization URL while unverified. */
  externalVerificationRedirectURL?: string | null;
  /** `oauth_*` strategies only: why it failed. */
  error?: { code: string; message: string } | null;
  /**
   * `email_link` only, once the link was opened: true when it was opened in
   * this browser (this client), false in another one. Absent otherwise.
   */
  verifiedFromTheSameClient?: boolean;
}

export interface EmailAddressJSON {
  id: string;
  emailAddress: string;
  verification: VerificationJSON;
}

export interface UserJSON {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  primaryEmailAddressId: string | null;
  emailAddresses: EmailAddressJSON[];
  imageUrl: string | null;
  passwordEnabled: boolean;
  totpEnabled: boolean;
  backupCodeEnabled: boolean;
  twoFactorEnabled: boolean;
  createdAt: number;
  updatedAt: number;
  lastSignInAt: number | null;
  /** Set by the app's backend (admin API); the user can read it, not change it. Always sent; optional for older fixtures. */
  publicMetadata?: Metadata;
  /** Set by the user (`user.update({ unsafeMetadata })`) or the backend: never trust it for authorisation. Always sent. */
  unsafeMetadata?: Metadata;
  /** The user's passkeys, oldest first. Always sent; optional for older fixtures. */
  passkeys?: PasskeyJSON[];
  /** Linked social accounts, oldest first. Always sent; optional for older fixtures. */
  externalAccounts?: ExternalAccountJSON[];
}

/** A JSON object of at most `Limits.maxMetadataBytes`. */
export type Metadata = Record<string, unknown>;

export type SessionStatus = 'active' | 'ended' | 'revoked' | 'expired';

export interface SessionJSON {
  id: string;
  status: SessionStatus;
  user: UserJSON;
  createdAt: number;
  lastActiveAt: number;
  /** When the session ends if unused (idle timeout). */
  expireAt: number;
  /** When the session ends regardless of use (absolute lifetime). */
  abandonAt: number;
}

export interface DeviceJSON {
  browserName: string | null;
  browserVersion: string | null;
  osName: string | null;
  deviceType: 'desktop' | 'mobile' | 'tablet' | null;
}

/** One of the user's signed-in devices, as shown on the security page. */
export interface ActiveSessionJSON {
  id: string;
  status: SessionStatus;
  createdAt: number;
  lastActiveAt: number;
  isCurrent: boolean;
  device: DeviceJSON;
}

export type SignInStatus =
  | 'needs_identifier'
  | 'needs_first_factor'
  | 'needs_second_factor'
  | 'needs_new_password'
  | 'complete';

/** The strategies that `prepare_first_factor` / `attempt_first_factor` take with a password or an emailed code or link; a passkey (`{ strategy: 'passkey' }` in `FirstFactor`) answers its own challenge. */
export type FirstFactorStrategy = 'password' | 'email_code' | 'email_link' | 'reset_password_email_code';
export type SecondFactorStrategy = 'totp' | 'backup_code';

export type FirstFactor =
  | { strategy: 'password' | 'passkey' }
  | { strategy: 'email_code' | 'email_link' | 'reset_password_email_code'; emailAddressId: string; safeIdentifier: string };

export interface SecondFactor {
  strategy: SecondFactorStrategy;
}

export interface SignInJSON {
  id: string;
  status: SignInStatus;
  identifier: string | null;
  supportedFirstFactors: FirstFactor[];
  supportedSecondFactors: SecondFactor[];
  firstFactorVerification: VerificationJSON | null;
  secondFactorVerification: VerificationJSON | null;
  /** Public profile of the account being signed into, for "Welcome back, Ada". */
  userData: { firstName: string | null; lastName: string | null; imageUrl: string | null } | null;
  createdSessionId: string | null;
  /**
   * A social account waiting to be linked to this sign-in's account: the
   * provider's email matched it, but linking needs the account proven first
   * (password or email code). Linked when the first factor passes. Null or
   * missing otherwise.
   */
  externalAccountToLink?: { provider: string; emailAddress: string | null } | null;
}

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';
export type SignUpField = 'emailAddress' | 'password' | 'firstName' | 'lastName' | 'username';

export interface SignUpJSON {
  id: string;
  status: SignUpStatus;
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  passwordEnabled: boolean;
  requiredFields: SignUpField[];
  optionalFields: SignUpField[];
  /** Required fields still without a value. */
  missingFields: SignUpField[];
  /** Fields with a value that still needs verifying (the email address). */
  unverifiedFields: SignUpField[];
  /** `externalAccount`: the `oauth_*` verification of a sign-up through a provider (missing or null otherwise). */
  verifications: { emailAddress: VerificationJSON | null; externalAccount?: ExternalVerificationJSON | null };
  createdSessionId: string | null;
  createdUserId: string | null;
}

export interface ClientJSON {
  id: string;
  /** Active sessions only, oldest first. */
  sessions: SessionJSON[];
  signIn: SignInJSON | null;
  signUp: SignUpJSON | null;
  lastActiveSessionId: string | null;
}

/**
 * Every successful response except tokens and JWKS: the resource asked for,
 * plus this browser's whole client so one round trip refreshes the store.
 * `GET /v1/client` also carries the environment.
 */
export interface ApiResponse<T> {
  response: T;
  client: ClientJSON | null;
  environment?: EnvironmentJSON;
}

/** What an email link is for: signing in, finishing a sign-up, or verifying an address added to an account. */
export type EmailLinkPurpose = 'sign_in' | 'sign_up' | 'verify_email';

/**
 * `POST /v1/email_links/inspect`: what a link is for, read without using it,
 * so the verify page can say "Continue as ada@example.com" and wait for a click.
 */
export interface EmailLinkJSON {
  purpose: EmailLinkPurpose;
  /** The address the link was sent to (whoever holds the link has read that inbox). */
  emailAddress: string;
  /** When the link stops working. */
  expireAt: number;
  /** True when this browser (this client) is the one that asked for the link. */
  sameClient: boolean;
  /**
   * Where the flow finishes once the link is used from here: `'here'` (this
   * browser: the same one, or any one when the instance allows it, or any
   * browser for `verify_email`), or `'original'` (the browser that asked for
   * it; this one only confirms, then says "return to your original tab").
   */
  completesIn: 'here' | 'original';
  /** The browser that asked for the link, so the person can check it was them. */
  requestedFrom: DeviceJSON;
}

/**
 * `POST /v1/email_links/verify`: the link is used up. For `completesIn: 'here'`
 * the response's `client` already holds the outcome (a session, or a sign-in
 * now at `needs_second_factor`); for `'original'` the original tab finishes.
 */
export interface EmailLinkVerifiedJSON extends EmailLinkJSON {
  status: 'verified';
  /** The session this browser got, when the flow completed here; else null. */
  createdSessionId: string | null;
  /** The sign-in, for `purpose: 'sign_in'` completing here (it may need a second factor next); else null. */
  signIn: SignInJSON | null;
}

export interface TokenJSON {
  jwt: string;
}

/** `POST /v1/sessions/status`: false when the token is invalid or its session has ended, been revoked or expired. */
export interface SessionStatusJSON {
  active: boolean;
}

export interface TotpJSON {
  secret: string;
  uri: string;
}

export interface BackupCodesJSON {
  codes: string[];
}

/** Answer to a successful TOTP enrollment: the first backup codes, shown once. */
export interface TotpVerifiedJSON {
  backupCodes: string[];
}

export interface DeletedJSON {
  id: string;
  deleted: true;
}

/** Claims of a session JWT: the standard ones, plus whatever the instance's claims template adds (e.g. `role`). */
export interface SessionClaims {
  iss: string;
  sub: string;
  sid: string;
  iat: number;
  nbf: number;
  exp: number;
  /** Read by `has({ role })` and `<Protect role>`, when the claims template sets it. */
  role?: string;
  /** Read by `has({ permission })` and `<Protect permission>`, when the claims template sets it. */
  permissions?: string[];
  [claim: string]: unknown;
}
