import type { EmailAddressJSON, RouteSpec, VerificationJSON } from '@latch/protocol';
import { reuse, userOf, type ClientContext } from '../context';
import type { RequestParams } from '../transport';
import type { EmailLinkStartParams } from '../email-link-flow';
import { emailLinkFlow, type EmailLinkFlow } from './email-link';

/** One of a user's email addresses. Immutable: methods resolve to the updated object. */
export class EmailAddress {
  readonly id: string;
  readonly emailAddress: string;
  readonly verification: VerificationJSON;
  readonly isVerified: boolean;
  readonly #ctx: ClientContext;
  readonly #sessionId: string;

  constructor(ctx: ClientContext, json: EmailAddressJSON, sessionId: string) {
    this.#ctx = ctx;
    this.#sessionId = sessionId;
    this.id = json.id;
    this.emailAddress = json.emailAddress;
    this.verification = json.verification;
    this.isVerified = json.verification.status === 'verified';
  }

  /** Emails a 6-digit code to this address. */
  prepareVerification(): Promise<EmailAddress> {
    return this.#update('POST /v1/me/email_addresses/:id/prepare_verification', { strategy: 'email_code' });
  }

  attemptVerification(params: { code: string }): Promise<EmailAddress> {
    return this.#update('POST /v1/me/email_addresses/:id/attempt_verification', { code: params.code });
  }

  /** Verifies this address by email link: `startEmailLinkFlow({ redirectUrl })` resolves once the link was opened (in any browser), or expired. */
  createEmailLinkFlow(): EmailLinkFlow<Omit<EmailLinkStartParams, 'emailAddressId'>, EmailAddress> {
    return emailLinkFlow(this.#ctx, { emailAddressId: this.id, sessionId: this.#sessionId }, (json: EmailAddressJSON) =>
      latestEmailAddress(this.#ctx, json, this.#sessionId),
    );
  }

  async setAsPrimary(): Promise<void> {
    await this.#send('POST /v1/me/email_addresses/:id/make_primary');
  }

  async destroy(): Promise<void> {
    await this.#send('DELETE /v1/me/email_addresses/:id');
  }

  #send<T>(route: RouteSpec, body?: RequestParams['body']): Promise<T> {
    return this.#ctx.call<T>(route, { id: this.id, body, sessionId: this.#sessionId });
  }

  async #update(route: RouteSpec, body: object): Promise<EmailAddress> {
    const json = await this.#send<EmailAddressJSON>(route, body);
    return latestEmailAddress(this.#ctx, json, this.#sessionId);
  }
}

/** Reuses `previous` when the address's JSON did not change. */
export function toEmailAddress(ctx: ClientContext, json: EmailAddressJSON, sessionId: string, previous?: EmailAddress): EmailAddress {
  return reuse(previous, json, () => new EmailAddress(ctx, json, sessionId));
}

/** The address as the latest snapshot holds it (the same object when unchanged), or a new one. */
export function latestEmailAddress(ctx: ClientContext, json: EmailAddressJSON, sessionId: string): EmailAddress {
  const previous = userOf(ctx, sessionId)?.emailAddresses.find((e) => e.id === json.id);
  return toEmailAddress(ctx, json, sessionId, previous);
}
