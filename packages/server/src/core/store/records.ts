/**
 * What the server stores. Every record is a plain JSON-able object with an
 * `id`, so any store (memory, SQLite, PostgreSQL) can keep it as a row or a
 * JSON column. Timestamps are milliseconds since the epoch.
 */
import type { PasskeyTransport, VerificationJSON } from '@latch/protocol';

/** A verification as the owner record keeps it; `codeId` points at the live code or email link, if any. */
export interface VerificationState extends VerificationJSON {
  codeId: string | null;
  /**
   * An email link opened in another browser that finished the flow there
   * (`linkCompletesOnOtherDevice`): this attempt cannot be finished too.
   */
  linkFinishedElsewhere?: boolean;
}

export interface UserRecord {
  id: string;
  firstName: string | null;
  lastName: string | null;
  /** Lowercase; unique. */
  username: string | null;
  imageUrl: string | null;
  primaryEmailAddressId: string | null;
  passwordHash: string | null;
  /** TOTP secret once enrollment is verified, sealed (see `crypto/encryption.ts`); plaintext base32 in rows from before encryption. */
  totpSecret: string | null;
  /** Secret handed out by `POST /v1/me/totp`, waiting for its first code; sealed like `totpSecret`. */
  pendingTotpSecret: string | null;
  /** End of the current lockout; also names the failure counter's epoch. */
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
  lastSignInAt: number | null;
  /** Written by the backend only; readable by the user; the claims template may read it. Missing on rows from before metadata. */
  publicMetadata?: Record<string, unknown>;
  /** Backend only: never serialized to the frontend. */
  privateMetadata?: Record<string, unknown>;
  /** Writable by the user through `PATCH /v1/me`. */
  unsafeMetadata?: Record<string, unknown>;
  /** A banned user cannot sign in (`user_banned`); banning revokes every session. */
  banned?: boolean;
  /** The user's id in the system they were imported from; unique (an import can be re-run). Absent on users created here. */
  externalId?: string | null;
}

export interface EmailAddressRecord {
  id: string;
  userId: string;
  /** Trimmed and lowercased. */
  emailAddress: string;
  /** Equals `emailAddress` once verified, else null: only verified addresses are unique. */
  verifiedEmail: string | null;
  verification: VerificationState | null;
  createdAt: number;
}

export interface ClientRecord {
  id: string;
  /** SHA-256 of the client token; the token itself is never stored. */
  tokenHash: string;
  signInId: string | null;
  signUpId: string | null;
  lastActiveSessionId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SessionRecord {
  id: string;
  userId: string;
  clientId: string;
  /** Stored status; idle and absolute expiry are derived from the timestamps. */
  status: 'active' | 'ended' | 'revoked';
  userAgent: string | null;
  createdAt: number;
  lastActiveAt: number;
  abandonAt: number;
  /**
   * When the user last proved a factor on this session: the sign-in or
   * sign-up that created it, or a reverification. Sensitive actions need it
   * recent. Missing on sessions stored before step-up existed: they count as stale.
   */
  lastVerifiedAt?: number | null;
  /** The email code sent for a reverification, if one is pending. */
  reverification?: VerificationState | null;
}

export interface SignInRecord {
  id: string;
  clientId: string;
  /** Null for a decoy: nobody has the identifier, and enumeration protection plays along (flows/enumeration.ts). */
  userId: string | null;
  /** As typed, trimmed. */
  identifier: string;
  /** With enumeration protection: the made-up email address id offered when there is no verified address (or no account) to offer. */
  decoyEmailAddressId?: string;
  status: 'needs_first_factor' | 'needs_second_factor' | 'needs_new_password' | 'complete';
  firstFactorVerification: VerificationState | null;
  secondFactorVerification: VerificationState | null;
  createdSessionId: string | null;
  createdAt: number;
  expireAt: number;
  /** Social sign-in: the provider id while the browser is at the provider (the sign-in has no account yet). */
  oauthProvider?: string;
  /** A provider account to link once the account proves its first factor (see oauth/linking.ts). */
  externalAccountToLink?: ExternalProfile | null;
}

/** What a provider told us about an account, mapped to our fields (see oauth/presets.ts). */
export interface ExternalProfile {
  provider: string;
  providerUserId: string;
  emailAddress: string | null;
  /** The provider asserts the address is verified. */
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string | null;
  /** Scopes the provider granted, space-separated. */
  scopes: string;
}

/** A provider account linked to a user. */
export interface ExternalAccountRecord extends ExternalProfile {
  id: string;
  userId: string;
  /** `provider:providerUserId`: unique, so one provider account links to one user. */
  providerKey: string;
  /** `expired`: a reauthorization is due (the provider refused us). */
  status: 'verified' | 'expired';
  createdAt: number;
  updatedAt: number;
}

/**
 * One redirect to a provider, from its start to its callback. Found by the
 * hash of its `state` (the state itself only travels through the browser),
 * bound to the client that started it, deleted when used (single use), and
 * dead after 10 minutes. The PKCE verifier and nonce are sealed at rest.
 */
export interface OAuthAttemptRecord {
  id: string;
  /** SHA-256 of `state`, hex; unique. */
  stateHash: string;
  clientId: string;
  provider: string;
  flow: 'sign_in' | 'sign_up' | 'connect' | 'reauthorize';
  /** The sign-in or sign-up it belongs to; for connect and reauthorize, the session. */
  flowId: string;
  /** For connect and reauthorize: the user; for reauthorize also the external account. */
  userId: string | null;
  externalAccountId: string | null;
  /** `{ verifier, nonce }` as JSON, sealed. */
  sealedSecrets: string;
  /** The `redirect_uri` sent to the provider, sent again with the code. */
  redirectUri: string;
  /** The app page to return to (differs from `redirectUri` for form_post providers). */
  appRedirectUrl: string;
  actionCompleteRedirectUrl: string | null;
  /** Apple's `user` form field (name on first login), kept by the form_post route until the callback. */
  formPostUser?: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface SignUpRecord {
  id: string;
  clientId: string;
  status: 'missing_requirements' | 'complete' | 'abandoned';
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  passwordHash: string | null;
  emailVerification: VerificationState | null;
  createdSessionId: string | null;
  createdUserId: string | null;
  createdAt: number;
  expireAt: number;
  /** Social sign-up: the provider id while the browser is at the provider. */
  oauthProvider?: string;
  /** Social sign-up: the provider account, linked to the user when the sign-up completes. */
  externalAccount?: ExternalProfile | null;
}

export type CodePurpose = 'sign_up' | 'sign_in' | 'reset_password' | 'verify_email' | 'reverification';

/** A one-time email code or email link. Consumed by deleting it, so only one caller can win. */
export interface VerificationRecord {
  id: string;
  purpose: CodePurpose;
  /** The email address the code was sent to. */
  target: string;
  /** Key of the attempt counter, shared by every code of one owner so a resend keeps the count. */
  attemptsKey: string;
  /** HMAC of `id:code` (of `id:secret` for a link) under the code key. */
  codeHash: string;
  expiresAt: number;
  createdAt: number;
  /** Email links only (`strategy: 'email_link'`). */
  link?: EmailLinkState;
}

/**
 * What an email link is bound to. The link's token is `<record id>.<secret>`;
 * only the HMAC of the secret is kept. Using the link deletes the record and
 * writes a tombstone (`<id>.used`, `usedAt` set) in the same transaction, so
 * exactly one use wins and a second one is told "already used".
 */
export interface EmailLinkState {
  /** The sign-in, sign-up or email address (by `purpose`) the link finishes: it works for nothing else. */
  ownerId: string;
  /** The client (browser) that asked for the link: "the same client" means this one. */
  clientId: string;
  /** That browser's User-Agent, so the verify page can show where the request came from. */
  userAgent: string | null;
  /** Set on the tombstone: when the link was used. */
  usedAt: number | null;
}

export interface BackupCodeRecord {
  id: string;
  userId: string;
  /** HMAC-SHA256 of `userId:code` under the code key (plain SHA-256 in rows from before), unique. */
  codeHash: string;
  createdAt: number;
}

export interface SigningKeyRecord {
  id: string;
  status: 'active';
  alg: 'ES256';
  publicJwk: Record<string, unknown>;
  /** `{ sealed }`: the private JWK as JSON, encrypted; a plain JWK in rows from before encryption. */
  privateJwk: Record<string, unknown>;
  createdAt: number;
}

/** A server-wide secret, such as the HMAC key of codes, sealed with the encryption key. */
export interface ServerSecretRecord {
  id: string;
  sealed: string;
  createdAt: number;
}

/** A secret key of the admin API. Only a SHA-256 of the key is kept; the key itself is shown once. */
export interface SecretKeyRecord {
  id: string;
  name: string;
  /** SHA-256 of the whole key, hex; unique. */
  keyHash: string;
  /** `sk_live_` or `sk_test_` and the key's last 4 characters, to recognise it in a list. */
  hint: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A one-time sign-in token (`strategy: 'ticket'`). Consumed by deleting it, so it works once. */
export interface SignInTokenRecord {
  id: string;
  userId: string;
  /** SHA-256 of the token, hex; unique. */
  tokenHash: string;
  expiresAt: number;
  createdAt: number;
}

/** A passkey (WebAuthn credential) of a user. Nothing in it is secret: the private key never leaves the authenticator. */
export interface PasskeyRecord {
  id: string;
  userId: string;
  /** The credential id the authenticator made, base64url; unique across the instance. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The authenticator's signature counter as last seen; 0 for synced passkeys, which keep none. */
  counter: number;
  /** How the browser reaches the authenticator (`internal`, `hybrid`, `usb`…), as a hint for later prompts. */
  transports: PasskeyTransport[];
  /** The authenticator model's id; all zeros when it sent none. */
  aaguid: string;
  /** The user's name for it, or null. */
  name: string | null;
  /** `multiDevice`: a synced passkey (iCloud Keychain, Google Password Manager…). */
  deviceType: 'singleDevice' | 'multiDevice';
  /** Whether the passkey is backed up (synced) now, as of its last use. */
  backedUp: boolean;
  createdAt: number;
  lastUsedAt: number | null;
}

/**
 * A WebAuthn challenge handed to a browser: single use (consumed by deleting
 * it), bound to the client that asked and, for a registration, to its
 * session and user; for a sign-in after an identifier, to that sign-in.
 */
export interface PasskeyChallengeRecord {
  id: string;
  /** SHA-256 of the challenge as the browser echoes it (base64url), hex; unique. The challenge itself is not kept. */
  challengeHash: string;
  purpose: 'registration' | 'authentication';
  clientId: string;
  /** Registration: the user adding a passkey. */
  userId: string | null;
  /** Registration: the session that asked (it passed step-up). */
  sessionId: string | null;
  /** Authentication after an identifier: the sign-in whose account the passkey must be. */
  signInId: string | null;
  expiresAt: number;
  createdAt: number;
}

/** A signing secret of a webhook endpoint; during a rotation the old one lives on until `expiresAt`. */
export interface WebhookSecretState {
  /** `whsec_…`, sealed with the encryption key. */
  sealed: string;
  createdAt: number;
  /** Null for the current secret; a rotated-out one signs alongside the new one until then. */
  expiresAt: number | null;
}

/** Where the app wants webhooks (see core/webhooks). */
export interface WebhookEndpointRecord {
  id: string;
  url: string;
  /** Event types this endpoint receives; `email.created` (it carries codes) only when listed. */
  events: string[];
  description: string | null;
  /** `failing`: a delivery ran out of retries; nothing is sent until it is enabled again. */
  status: 'active' | 'failing';
  secrets: WebhookSecretState[];
  createdAt: number;
  updatedAt: number;
}

/** One event in the outbox, written in the transaction of the change it reports. */
export interface WebhookMessageRecord {
  /** `msg_` + time + random: sorted by id is sorted by time (replay --since scans from one). */
  id: string;
  type: string;
  /** The exact body every attempt sends; sealed when it carries a code (`sealed` true). */
  body: string;
  sealed: boolean;
  createdAt: number;
}

/** One message for one endpoint: its delivery state. */
export interface WebhookDeliveryRecord {
  id: string;
  messageId: string;
  endpointId: string;
  /** The user the event is about: one user's deliveries to an endpoint go out one at a time, in order. */
  orderingKey: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  /** Attempts made so far. */
  attempts: number;
  nextAttemptAt: number;
  /** While a worker is sending it: no other worker claims it before then (a crashed worker's claim runs out). */
  leasedUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The delivery log: one row per HTTP attempt. */
export interface WebhookAttemptRecord {
  id: string;
  deliveryId: string;
  messageId: string;
  endpointId: string;
  attempt: number;
  outcome: 'succeeded' | 'failed';
  /** The receiver's HTTP status, or null when none came (timeout, refused, blocked). */
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  createdAt: number;
}

export interface Records {
  users: UserRecord;
  emailAddresses: EmailAddressRecord;
  clients: ClientRecord;
  sessions: SessionRecord;
  signIns: SignInRecord;
  signUps: SignUpRecord;
  verifications: VerificationRecord;
  backupCodes: BackupCodeRecord;
  signingKeys: SigningKeyRecord;
  serverSecrets: ServerSecretRecord;
  secretKeys: SecretKeyRecord;
  signInTokens: SignInTokenRecord;
  webhookEndpoints: WebhookEndpointRecord;
  webhookMessages: WebhookMessageRecord;
  webhookDeliveries: WebhookDeliveryRecord;
  webhookAttempts: WebhookAttemptRecord;
  passkeys: PasskeyRecord;
  passkeyChallenges: PasskeyChallengeRecord;
  externalAccounts: ExternalAccountRecord;
  oauthAttempts: OAuthAttemptRecord;
}

export type Kind = keyof Records;
