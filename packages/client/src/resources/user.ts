import type {
  ActiveSessionJSON,
  BackupCodesJSON,
  ChangePasswordBody,
  EmailAddressJSON,
  RouteSpec,
  ExternalAccountCreateBody,
  PendingExternalAccountJSON,
  TotpJSON,
  TotpVerifiedJSON,
  UserJSON,
  UserUpdateBody,
} from '@latch/protocol';
import { onDemand, reuse, setDates, userOf, type ClientContext } from '../context';
import type { RequestParams } from '../transport';
import { EmailAddress } from './email-address';
import { ExternalAccount } from './external-account';
import { Passkey } from './passkey';
import { latestItem, userItems } from './user-item';

/** One of the user's signed-in devices, as `GET /v1/me/sessions` lists them. */
export type ActiveSession = ActiveSessionJSON;

/**
 * The signed-in user. Immutable: methods that change the user resolve to the
 * updated object, which the client's state also holds from then on. Every
 * request acts for the session this user came from.
 */
export class User {
  declare readonly id: string;
  declare readonly firstName: string | null;
  declare readonly lastName: string | null;
  readonly fullName: string | null;
  declare readonly username: string | null;
  declare readonly imageUrl: string | null;
  declare readonly primaryEmailAddressId: string | null;
  readonly primaryEmailAddress: EmailAddress | null;
  readonly emailAddresses: EmailAddress[];
  /** Linked social accounts, oldest first. */
  readonly externalAccounts: ExternalAccount[];
  declare readonly passwordEnabled: boolean;
  declare readonly totpEnabled: boolean;
  declare readonly backupCodeEnabled: boolean;
  declare readonly twoFactorEnabled: boolean;
  declare readonly createdAt: Date;
  declare readonly updatedAt: Date;
  declare readonly lastSignInAt: Date | null;
  /** Set by the app's backend; read-only here. */
  readonly publicMetadata: Record<string, unknown>;
  /** The user's own: change it with `update({ unsafeMetadata })`. Never trust it for authorisation. */
  readonly unsafeMetadata: Record<string, unknown>;
  /** Oldest first. */
  readonly passkeys: Passkey[];
  readonly #ctx: ClientContext;
  readonly #sessionId: string;

  constructor(ctx: ClientContext, json: UserJSON, sessionId: string, previous?: User) {
    // The JSON's fields as the server sent them, then those that are resources or dates here.
    Object.assign(this, json);
    this.#ctx = ctx;
    this.#sessionId = sessionId;
    this.fullName = [json.firstName, json.lastName].filter(Boolean).join(' ') || null;
    this.emailAddresses = userItems(ctx, sessionId, EmailAddress, json, previous, 'emailAddresses');
    this.externalAccounts = userItems(ctx, sessionId, ExternalAccount, json, previous, 'externalAccounts');
    this.primaryEmailAddress = this.emailAddresses.find((e) => e.id === json.primaryEmailAddressId) ?? null;
    setDates(this, json, 'createdAt', 'updatedAt', 'lastSignInAt');
    this.publicMetadata = json.publicMetadata ?? {};
    this.unsafeMetadata = json.unsafeMetadata ?? {};
    this.passkeys = userItems(ctx, sessionId, Passkey, json, previous, 'passkeys');
  }

  update(params: Omit<UserUpdateBody, 'imageUrl'>): Promise<User> {
    return this.#change('PATCH /v1/me', { body: params });
  }

  /** A Blob (an `<input type=file>`'s File) is sent as a data URL; null removes the image. */
  async setProfileImage(params: { file: Blob | string | null }): Promise<User> {
    const { file } = params;
    return this.#change('PATCH /v1/me', { body: { imageUrl: file instanceof Blob ? await toDataUrl(file) : file } });
  }

  /** Adds an unverified address; call `prepareVerification()` on the result to send its code. */
  async createEmailAddress(params: { emailAddress: string }): Promise<EmailAddress> {
    const json = await this.#me<EmailAddressJSON>('POST /v1/me/email_addresses', { body: { emailAddress: params.emailAddress } });
    return latestItem(this.#ctx, this.#sessionId, 'emailAddresses', json, EmailAddress);
  }

  /**
   * Starts connecting a provider (needs a recent verification): send the
   * browser to the answer's `verification.externalVerificationRedirectURL`;
   * the callback page then calls `handleRedirectCallback()`.
   */
  async createExternalAccount(params: ExternalAccountCreateBody): Promise<PendingExternalAccountJSON> {
    return this.#me<PendingExternalAccountJSON>('POST /v1/me/external_accounts', { body: await onDemand('absolute', params) });
  }

  updatePassword(params: ChangePasswordBody): Promise<User> {
    return this.#change('POST /v1/me/change_password', { body: params });
  }

  /** Starts enrolment: show `uri` as a QR code (or `secret` for typing), then call `verifyTOTP`. */
  createTOTP(): Promise<TotpJSON> {
    return this.#me<TotpJSON>('POST /v1/me/totp');
  }

  /** Turns TOTP on; resolves to the first backup codes, which are shown only this once. */
  verifyTOTP(params: { code: string }): Promise<TotpVerifiedJSON> {
    return this.#me<TotpVerifiedJSON>('POST /v1/me/totp/attempt_verification', { body: { code: params.code } });
  }

  /**
   * Makes a passkey on this device (the browser asks the user) and adds it.
   * A step-up action, like adding an email: `reverification_required` when
   * the session's last verification is too old. Browser refusals reject as
   * in `signIn.authenticateWithPasskey`.
   */
  async createPasskey(params: { name?: string } = {}): Promise<Passkey> {
    const json = await onDemand('createPasskey', this.#ctx, this.#sessionId, params);
    return latestItem(this.#ctx, this.#sessionId, 'passkeys', json, Passkey);
  }

  disableTOTP(): Promise<User> {
    return this.#change('DELETE /v1/me/totp');
  }

  /** Replaces every backup code with 10 new ones, shown only this once. */
  createBackupCodes(): Promise<BackupCodesJSON> {
    return this.#me<BackupCodesJSON>('POST /v1/me/backup_codes');
  }

  getSessions(): Promise<ActiveSession[]> {
    return this.#me<ActiveSession[]>('GET /v1/me/sessions');
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.#me('POST /v1/me/sessions/:id/revoke', { id: sessionId });
  }

  /** Deletes the account and signs it out everywhere. */
  async delete(): Promise<void> {
    await this.#me('DELETE /v1/me');
  }

  #me<T>(route: RouteSpec, params?: Omit<RequestParams, 'sessionId'>): Promise<T> {
    return this.#ctx.call<T>(route, { ...params, sessionId: this.#sessionId });
  }

  /** Sends the change, then answers with the user as the refreshed state holds it. */
  async #change(route: RouteSpec, params?: Omit<RequestParams, 'sessionId'>): Promise<User> {
    await this.#me(route, params);
    return userOf(this.#ctx, this.#sessionId) ?? this;
  }
}

/** Reuses `previous` when the user's JSON (and session) did not change. */
export function toUser(ctx: ClientContext, json: UserJSON, sessionId: string, previous?: User): User {
  return reuse(previous, [sessionId, json], () => new User(ctx, json, sessionId, previous));
}

async function toDataUrl(file: Blob): Promise<string> {
  let binary = '';
  for (const byte of new Uint8Array(await file.arrayBuffer())) binary += String.fromCharCode(byte);
  return `data:${file.type};base64,${btoa(binary)}`;
}
