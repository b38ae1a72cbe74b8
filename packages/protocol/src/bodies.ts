/** Request bodies, one per mutating route. Unknown fields are ignored by the server. */
import type { FirstFactorStrategy, SecondFactorStrategy } from './resources';

export interface SignInCreateBody {
  identifier: string;
  password?: string;
}

export type PrepareFirstFactorBody = {
  strategy: 'email_code' | 'reset_password_email_code';
  emailAddressId: string;
};

export type AttemptFirstFactorBody =
  | { strategy: 'password'; password: string }
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
