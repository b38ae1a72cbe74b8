import type { EmailAddressJSON, VerificationJSON } from '@latch/protocol';
import type { ClientContext } from '../context';
import type { EmailLinkStartParams } from '../email-link-flow';
import { emailLinkFlow, type EmailLinkFlow } from './email-link';
import { latestItem, UserItem } from './user-item';

/** One of a user's email addresses. Immutable: methods resolve to the updated object. */
export class EmailAddress extends UserItem<EmailAddressJSON> {
  declare readonly emailAddress: string;
  declare readonly verification: VerificationJSON;
  readonly isVerified: boolean;

  constructor(ctx: ClientContext, json: EmailAddressJSON, sessionId: string) {
    super(ctx, json, sessionId);
    this.isVerified = json.verification.status === 'verified';
  }

  /** Emails a 6-digit code to this address. */
  prepareVerification(): Promise<EmailAddress> {
    return this.change('POST /v1/me/email_addresses/:id/prepare_verification', { strategy: 'email_code' }, 'emailAddresses');
  }

  attemptVerification(params: { code: string }): Promise<EmailAddress> {
    return this.change('POST /v1/me/email_addresses/:id/attempt_verification', { code: params.code }, 'emailAddresses');
  }

  /** Verifies this address by email link: `startEmailLinkFlow({ redirectUrl })` resolves once the link was opened (in any browser), or expired. */
  createEmailLinkFlow(): EmailLinkFlow<Omit<EmailLinkStartParams, 'emailAddressId'>, EmailAddress> {
    return this.withContext((ctx, sessionId) =>
      emailLinkFlow(ctx, { emailAddressId: this.id, sessionId }, (json: EmailAddressJSON) => latestItem(ctx, sessionId, 'emailAddresses', json, EmailAddress)),
    );
  }

  async setAsPrimary(): Promise<void> {
    await this.send('POST /v1/me/email_addresses/:id/make_primary');
  }

  async destroy(): Promise<void> {
    await this.send('DELETE /v1/me/email_addresses/:id');
  }
}
