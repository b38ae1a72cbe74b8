import type { ExternalAccountJSON, PendingExternalAccountJSON } from '@latch/protocol';
import type { ClientContext } from '../context';

/** A social account linked to the user (`user.externalAccounts`). Immutable, like every resource. */
export class ExternalAccount {
  readonly id: string;
  readonly provider: string;
  readonly providerUserId: string;
  readonly emailAddress: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly username: string | null;
  readonly imageUrl: string | null;
  readonly verification: ExternalAccountJSON['verification'];
  readonly #ctx: ClientContext;
  readonly #sessionId: string;

  constructor(ctx: ClientContext, json: ExternalAccountJSON, sessionId: string) {
    this.#ctx = ctx;
    this.#sessionId = sessionId;
    this.id = json.id;
    this.provider = json.provider;
    this.providerUserId = json.providerUserId;
    this.emailAddress = json.emailAddress;
    this.firstName = json.firstName;
    this.lastName = json.lastName;
    this.username = json.username;
    this.imageUrl = json.imageUrl;
    this.verification = json.verification;
  }

  /** Unlinks it (needs a recent verification; refused when it is the last way to sign in). */
  async destroy(): Promise<void> {
    await this.#ctx.call('meExternalAccountDelete', { id: this.id, sessionId: this.#sessionId });
  }

  /**
   * Runs the provider's consent again (its consent expired): send the browser
   * to the answer's `verification.externalVerificationRedirectURL`.
   */
  reauthorize(params: { redirectUrl: string; actionCompleteRedirectUrl?: string }): Promise<PendingExternalAccountJSON> {
    return this.#ctx.call('meExternalAccountReauthorize', { id: this.id, body: absolute(params), sessionId: this.#sessionId });
  }
}

/** A page path as the absolute URL the provider needs (`/sso-callback` → `https://app…/sso-callback`). */
export function absolute<T extends { redirectUrl: string }>(params: T): T {
  return { ...params, redirectUrl: new URL(params.redirectUrl, globalThis.location?.href).href };
}

/** Sends the browser to the provider (or wherever `navigate` takes it, e.g. a router). */
export function goTo(url: string | null | undefined, navigate?: (url: string) => void): void {
  if (url) (navigate ?? ((to) => globalThis.location.assign(to)))(url);
}
