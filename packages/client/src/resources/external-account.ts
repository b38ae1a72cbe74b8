import type { ExternalAccountJSON, PendingExternalAccountJSON } from '@latch/protocol';
import type { ClientContext } from '../context';

/** A social account linked to the user (`user.externalAccounts`): the fields of `ExternalAccountJSON`. Immutable, like every resource. */
export class ExternalAccount {
  declare readonly id: string;
  declare readonly provider: string;
  declare readonly providerUserId: string;
  declare readonly emailAddress: string | null;
  declare readonly firstName: string | null;
  declare readonly lastName: string | null;
  declare readonly username: string | null;
  declare readonly imageUrl: string | null;
  declare readonly verification: ExternalAccountJSON['verification'];
  readonly #ctx: ClientContext;
  readonly #sessionId: string;

  constructor(ctx: ClientContext, json: ExternalAccountJSON, sessionId: string) {
    // Every field as the server sent it (a copy, so the JSON stays the reuse key).
    Object.assign(this, json);
    this.#ctx = ctx;
    this.#sessionId = sessionId;
  }

  /** Unlinks it (needs a recent verification; refused when it is the last way to sign in). */
  async destroy(): Promise<void> {
    await this.#ctx.call('DELETE /v1/me/external_accounts/:id', { id: this.id, sessionId: this.#sessionId });
  }

  /**
   * Runs the provider's consent again (its consent expired): send the browser
   * to the answer's `verification.externalVerificationRedirectURL`.
   */
  async reauthorize(params: { redirectUrl: string; actionCompleteRedirectUrl?: string }): Promise<PendingExternalAccountJSON> {
    const { absolute } = await import('../oauth');
    return this.#ctx.call('POST /v1/me/external_accounts/:id/reauthorize', { id: this.id, body: absolute(params), sessionId: this.#sessionId });
  }
}
