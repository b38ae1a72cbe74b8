import type { ExternalAccountJSON, PendingExternalAccountJSON } from '@latch/protocol';
import { onDemand } from '../context';
import { UserItem } from './user-item';

/** A social account linked to the user (`user.externalAccounts`): the fields of `ExternalAccountJSON`. Immutable, like every resource. */
export class ExternalAccount extends UserItem<ExternalAccountJSON> {
  declare readonly provider: string;
  declare readonly providerUserId: string;
  declare readonly emailAddress: string | null;
  declare readonly firstName: string | null;
  declare readonly lastName: string | null;
  declare readonly username: string | null;
  declare readonly imageUrl: string | null;
  declare readonly verification: ExternalAccountJSON['verification'];

  /** Unlinks it (needs a recent verification; refused when it is the last way to sign in). */
  async destroy(): Promise<void> {
    await this.send('DELETE /v1/me/external_accounts/:id');
  }

  /**
   * Runs the provider's consent again (its consent expired): send the browser
   * to the answer's `verification.externalVerificationRedirectURL`.
   */
  async reauthorize(params: { redirectUrl: string; actionCompleteRedirectUrl?: string }): Promise<PendingExternalAccountJSON> {
    return this.send('POST /v1/me/external_accounts/:id/reauthorize', await onDemand('absolute', params));
  }
}
