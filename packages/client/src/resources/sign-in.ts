import type {
  AttemptFirstFactorBody,
  AttemptSecondFactorBody,
  FirstFactor,
  OAuthStrategy,
  PrepareFirstFactorBody,
  PrepareSecondFactorBody,
  ResetPasswordBody,
  RouteSpec,
  SecondFactor,
  SignInCreateBody,
  SignInJSON,
  SignInStatus,
  VerificationJSON,
} from '@latch/protocol';
import { onDemand, reuse, type ClientContext } from '../context';
import type { AuthenticateWithPasskeyParams } from '../passkeys/ceremonies';
import type { RedirectParams } from '../oauth';
import type { EmailLinkStartParams } from '../email-link-flow';
import { emailLinkFlow, type EmailLinkFlow } from './email-link';

/**
 * The current sign-in attempt, a state machine driven by `status`. Immutable:
 * each step resolves to the updated attempt, which the client's state also
 * holds. Before `create()` it is empty, with status `needs_identifier`.
 *
 * A browser has one attempt in progress (the server keeps one per client), so
 * every step acts on the client's current attempt, not on the snapshot it was
 * called on: `await signIn.create(…); await signIn.prepareFirstFactor(…)` with
 * the `signIn` of `useSignIn()` works within one event handler.
 */
export class SignIn {
  declare readonly id: string | null;
  declare readonly status: SignInStatus | null;
  declare readonly identifier: string | null;
  declare readonly supportedFirstFactors: FirstFactor[];
  declare readonly supportedSecondFactors: SecondFactor[];
  declare readonly firstFactorVerification: VerificationJSON | null;
  declare readonly secondFactorVerification: VerificationJSON | null;
  declare readonly userData: SignInJSON['userData'];
  declare readonly createdSessionId: string | null;
  /** A social account waiting to be linked once this account's first factor passes. */
  declare readonly externalAccountToLink: SignInJSON['externalAccountToLink'];
  readonly #ctx: ClientContext;

  constructor(ctx: ClientContext, json: SignInJSON | null) {
    this.#ctx = ctx;
    // The JSON's fields as the server sent them; before `create()`, an empty attempt.
    Object.assign(
      this,
      {
        id: null,
        status: 'needs_identifier',
        identifier: null,
        supportedFirstFactors: [],
        supportedSecondFactors: [],
        firstFactorVerification: null,
        secondFactorVerification: null,
        userData: null,
        createdSessionId: null,
        externalAccountToLink: null,
      } satisfies Record<keyof SignInJSON, unknown>,
      json,
    );
  }

  /** Starts a new attempt; with `password`, the first factor is attempted at once. */
  create(params: SignInCreateBody): Promise<SignIn> {
    return this.#send('POST /v1/client/sign_ins', params, true);
  }

  /**
   * Social sign-in: starts the attempt and sends the browser to the provider,
   * which returns to `redirectUrl` (the page that calls `handleRedirectCallback()`).
   */
  authenticateWithRedirect(params: RedirectParams & { strategy: OAuthStrategy }): Promise<void> {
    return onDemand('authenticateWithRedirect', this, params);
  }

  /**
   * Sends an email code. `emailAddressId` defaults to the one that
   * `supportedFirstFactors` offers for the strategy.
   */
  prepareFirstFactor(params: Omit<PrepareFirstFactorBody, 'emailAddressId'> & { emailAddressId?: string }): Promise<SignIn> {
    const offered = this.#current().supportedFirstFactors.find((f) => f.strategy === params.strategy);
    const emailAddressId = params.emailAddressId ?? (offered && 'emailAddressId' in offered ? offered.emailAddressId : undefined);
    return this.#send('POST /v1/client/sign_ins/:id/prepare_first_factor', { ...params, emailAddressId });
  }

  attemptFirstFactor(params: AttemptFirstFactorBody): Promise<SignIn> {
    return this.#send('POST /v1/client/sign_ins/:id/attempt_first_factor', params);
  }

  prepareSecondFactor(params: PrepareSecondFactorBody): Promise<SignIn> {
    return this.#send('POST /v1/client/sign_ins/:id/prepare_second_factor', params);
  }

  attemptSecondFactor(params: AttemptSecondFactorBody): Promise<SignIn> {
    return this.#send('POST /v1/client/sign_ins/:id/attempt_second_factor', params);
  }

  /**
   * Sign-in by email link (`strategy: 'email_link'`): `startEmailLinkFlow({ redirectUrl })`
   * emails the link and resolves once it was opened (the attempt then
   * `complete` or at `needs_second_factor`, or verified in another browser
   * that finished there: `firstFactorVerification.verifiedFromTheSameClient`
   * false), or expired. See `EmailLinkFlow`.
   */
  createEmailLinkFlow(): EmailLinkFlow<EmailLinkStartParams, SignIn> {
    return emailLinkFlow(this.#ctx, 'signIn', (json: SignInJSON) => this.#latest(json));
  }

  /** Sets the new password once the reset code was accepted (status `needs_new_password`). */
  resetPassword(params: ResetPasswordBody): Promise<SignIn> {
    return this.#send('POST /v1/client/sign_ins/:id/reset_password', params);
  }

  /**
   * Signs in with a passkey (`flow`: see `AuthenticateWithPasskeyParams`);
   * resolves to the completed sign-in: a passkey with user verification is
   * both factors. The browser's refusals reject with a `LatchAPIError` of
   * status 0 and a `passkey_*` code (`passkey_not_allowed`: cancelled).
   */
  async authenticateWithPasskey(params: AuthenticateWithPasskeyParams = {}): Promise<SignIn> {
    return this.#latest(await onDemand('authenticateWithPasskey', this.#ctx, this.#current(), params));
  }

  /** The client's attempt in progress; this snapshot while none has started since. */
  #current(): SignIn {
    return this.#ctx.state().signIn.id ? this.#ctx.state().signIn : this;
  }

  async #send(route: RouteSpec, body: object, creating = false): Promise<SignIn> {
    const id = creating ? undefined : this.#current().id;
    if (!creating && !id) {
      throw new Error(process.env.NODE_ENV === 'production' ? 'No sign-in' : 'This sign-in has not started: call signIn.create() first.');
    }
    return this.#latest(await this.#ctx.call<SignInJSON>(route, { id: id ?? undefined, body }));
  }

  /** The attempt in `json` as the refreshed state holds it (the same object when unchanged). */
  #latest(json: SignInJSON): SignIn {
    return toSignIn(this.#ctx, json, this.#ctx.state().signIn);
  }
}

export function toSignIn(ctx: ClientContext, json: SignInJSON | null, previous?: SignIn): SignIn {
  return reuse(previous, json, () => new SignIn(ctx, json));
}
