import type { PasskeyJSON } from './passkeys';

/**
 * JSON shapes of the frontend API. Timestamps are milliseconds since the epoch.
 * Property names are camelCase on the wire, so the client maps nothing.
 */

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
   * `passkey`: signing in with a passkey, and adding passkeys in the profile
   * (off by default; the server needs its relying party: RP ID and origins).
   */
  firstFactors: { password: boolean; emailCode: boolean; passkey: boolean };
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
}

export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired';

export interface VerificationJSON {
  status: VerificationStatus;
  strategy: string | null;
  attempts: number;
  expireAt: number | null;
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

/** The strategies that `prepare_first_factor` / `attempt_first_factor` take with a password or an emailed code; a passkey (`{ strategy: 'passkey' }` in `FirstFactor`) answers its own challenge. */
export type FirstFactorStrategy = 'password' | 'email_code' | 'reset_password_email_code';
export type SecondFactorStrategy = 'totp' | 'backup_code';

export type FirstFactor =
  | { strategy: 'password' | 'passkey' }
  | { strategy: 'email_code' | 'reset_password_email_code'; emailAddressId: string; safeIdentifier: string };

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
  verifications: { emailAddress: VerificationJSON | null };
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
