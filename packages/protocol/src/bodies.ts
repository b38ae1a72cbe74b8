/** Request bodies, one per mutating route. Unknown fields are ignored by the server. */
import type { PasskeyAssertionJSON } from './passkeys';
import type { FirstFactorStrategy, SecondFactorStrategy } from './resources';

export type SignInCreateBody =
  | { identifier: string; password?: string; strategy?: undefined }
  /** A one-time sign-in token made by the app's backend (`POST /v1/admin/sign_in_tokens`): signs in at once. */
  | { strategy: 'ticket'; ticket: string }
  /** A passkey's answer to `signInPasskeyOptions` without a `signInId` (discoverable, usernameless): signs in at once. */
  | { strategy: 'passkey'; credential: PasskeyAssertionJSON };

export type PrepareFirstFactorBody = {
  strategy: 'email_code' | 'reset_password_email_code';
  emailAddressId: string;
};

export type AttemptFirstFactorBody =
  | { strategy: 'password'; password: string }
  /** A passkey of the sign-in's account, answering `signInPasskeyOptions` with this `signInId`: the sign-in completes (both factors). */
  | { strategy: 'passkey'; credential: PasskeyAssertionJSON }
  | { strategy: 'email_code' | 'reset_password_email_code'; code: string };

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

export type SignUpUpdateBody = SignUpCreateBody;

export interface PrepareVerificationBody {
  strategy: 'email_code';
}

export interface AttemptVerificationBody {
  code: string;
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
