/** Request bodies, one per mutating route. Unknown fields are ignored by the server. */
import type { PasskeyAssertionJSON } from './passkeys';
import type { OAuthStartBody } from './oauth';
import type { FirstFactorStrategy, SecondFactorStrategy } from './resources';

export type SignInCreateBody =
  | { identifier: string; password?: string; strategy?: undefined }
  /** A one-time sign-in token made by the app's backend (`POST /v1/admin/sign_in_tokens`): signs in at once. */
  | { strategy: 'ticket'; ticket: string }
  /** A passkey's answer to `signInPasskeyOptions` without a `signInId` (discoverable, usernameless): signs in at once. */
  | { strategy: 'passkey'; credential: PasskeyAssertionJSON }
  /** Social sign-in: answers a sign-in whose first-factor verification carries the provider URL to go to. */
  | OAuthStartBody;

export type PrepareFirstFactorBody =
  | { strategy: 'email_code' | 'reset_password_email_code'; emailAddressId: string }
  /**
   * Emails a link to `redirectUrl` (the app's verify page; a path, or an
   * absolute URL on the API's origin or on `allowedRedirectOrigins`) with the
   * token in the `latch_link` query parameter (`EMAIL_LINK_PARAM`).
   */
  | { strategy: 'email_link'; emailAddressId: string; redirectUrl: string };

export type AttemptFirstFactorBody =
  | { strategy: 'password'; password: string }
  /** A passkey of the sign-in's account, answering `signInPasskeyOptions` with this `signInId`: the sign-in completes (both factors). */
  | { strategy: 'passkey'; credential: PasskeyAssertionJSON }
  | { strategy: 'email_code' | 'reset_password_email_code'; code: string }
  /**
   * Finishes the first factor in the browser that asked for the link, once
   * the link was opened in another one (`firstFactorVerification.status` is
   * `verified`, `verifiedFromTheSameClient` false). No token: it never
   * leaves the inbox and the verify page.
   */
  | { strategy: 'email_link' };

export interface PrepareSecondFactorBody {
  strategy: SecondFactorStrategy;
}

export interface AttemptSecondFactorBody {
  strategy: SecondFactorStrategy;
  code: string;
}

export interface ResetPasswordBody {
  password: string;
  /** Ends every other session of the user; default true. The client token is rotated either way. */
  signOutOfOtherSessions?: boolean;
}

export interface SignUpCreateBody {
  emailAddress?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
}

/** Social sign-up: the other fields (username, names) may come along; the provider fills in what it knows. */
export type SignUpOAuthCreateBody = OAuthStartBody & Omit<SignUpCreateBody, 'password'>;

export type SignUpUpdateBody = SignUpCreateBody;

/** Sign-up and added email addresses: a code, or a link to `redirectUrl` (as in `PrepareFirstFactorBody`). */
export type PrepareVerificationBody = { strategy: 'email_code' } | { strategy: 'email_link'; redirectUrl: string };

/** The code; or, for a sign-up whose link was opened in another browser, `{ strategy: 'email_link' }` to finish it here. */
export type AttemptVerificationBody = { strategy?: 'email_code'; code: string } | { strategy: 'email_link' };

/** The two email-link routes: the token from the verify page's `latch_link` query parameter. */
export interface EmailLinkBody {
  token: string;
}

export interface UserUpdateBody {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  /** A `data:image/png|jpeg|webp|gif;base64,…` URL of at most 512 KB, or null to remove. */
  imageUrl?: string | null;
  /** Replaces the user-writable metadata (a JSON object of at most 8 KB). */
  unsafeMetadata?: Record<string, unknown>;
}

export interface EmailCreateBody {
  emailAddress: string;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
  /** Ends every other session of the user (not this one); default true. The client token is rotated either way. */
  signOutOfOtherSessions?: boolean;
}

export interface TotpVerifyBody {
  code: string;
}

export interface ReverificationPrepareBody {
  strategy: 'email_code';
}

export type ReverificationAttemptBody =
  | { strategy: 'password'; password: string }
  | { strategy: 'email_code' | 'totp' | 'backup_code'; code: string };

export type { FirstFactorStrategy };
