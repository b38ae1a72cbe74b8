import type {
  RouteSpec,
  AttemptVerificationBody,
  PrepareVerificationBody,
  SignUpCreateBody,
  SignUpOAuthCreateBody,
  SignUpField,
  SignUpJSON,
  SignUpStatus,
  SignUpUpdateBody,
} from '@latch/protocol';
import { onDemand, reuse, type ClientContext } from '../context';
import type { RedirectParams } from '../oauth';
import type { EmailLinkStartParams } from '../email-link-flow';
import { emailLinkFlow, type EmailLinkFlow } from './email-link';

/**
 * The current sign-up attempt. Immutable: each step resolves to the updated
 * attempt, which the client's state also holds. Before `create()` it is
 * empty, with status null. The user and session exist only once `status` is
 * `complete`. Like `SignIn`, every step acts on the client's current attempt,
 * so `await signUp.create(…); await signUp.prepareEmailAddressVerification()`
 * works on the object from `useSignUp()`.
 */
export class SignUp {
  declare readonly id: string | null;
  declare readonly status: SignUpStatus | null;
  declare readonly emailAddress: string | null;
  declare readonly firstName: string | null;
  declare readonly lastName: string | null;
  declare readonly username: string | null;
  declare readonly passwordEnabled: boolean;
  declare readonly requiredFields: SignUpField[];
  declare readonly optionalFields: SignUpField[];
  declare readonly missingFields: SignUpField[];
  declare readonly unverifiedFields: SignUpField[];
  declare readonly verifications: SignUpJSON['verifications'];
  declare readonly createdSessionId: string | null;
  declare readonly createdUserId: string | null;
  readonly #ctx: ClientContext;

  constructor(ctx: ClientContext, json: SignUpJSON | null) {
    this.#ctx = ctx;
    // The JSON's fields as the server sent them; before `create()`, an empty attempt.
    Object.assign(
      this,
      {
        id: null,
        status: null,
        emailAddress: null,
        firstName: null,
        lastName: null,
        username: null,
        passwordEnabled: false,
        requiredFields: [],
        optionalFields: [],
        missingFields: [],
        unverifiedFields: [],
        verifications: { emailAddress: null },
        createdSessionId: null,
        createdUserId: null,
      } satisfies Record<keyof SignUpJSON, unknown>,
      json,
    );
  }

  create(params: SignUpCreateBody | SignUpOAuthCreateBody): Promise<SignUp> {
    return this.#send('POST /v1/client/sign_ups', params, true);
  }

  /** Social sign-up: like `signIn.authenticateWithRedirect`; other fields (username) may come along. */
  authenticateWithRedirect(params: RedirectParams & Omit<SignUpOAuthCreateBody, 'redirectUrl' | 'actionCompleteRedirectUrl'>): Promise<void> {
    return onDemand('authenticateWithRedirect', this, params);
  }

  update(params: SignUpUpdateBody): Promise<SignUp> {
    return this.#send('PATCH /v1/client/sign_ups/:id', params);
  }

  /** Emails a 6-digit code to the sign-up's address (or a link: prefer `createEmailLinkFlow`, which also waits for it). */
  prepareEmailAddressVerification(params: PrepareVerificationBody = { strategy: 'email_code' }): Promise<SignUp> {
    return this.#send('POST /v1/client/sign_ups/:id/prepare_verification', params);
  }

  /** With the right code the sign-up completes: the user and a session are created. */
  attemptEmailAddressVerification(params: AttemptVerificationBody): Promise<SignUp> {
    return this.#send('POST /v1/client/sign_ups/:id/attempt_verification', params);
  }

  /**
   * Verifies the address by email link: `startEmailLinkFlow({ redirectUrl })`
   * resolves once the link was opened (the sign-up then `complete`, here or,
   * when the instance allows it, in the browser that opened it), or expired.
   */
  createEmailLinkFlow(): EmailLinkFlow<Omit<EmailLinkStartParams, 'emailAddressId'>, SignUp> {
    return emailLinkFlow(this.#ctx, 'signUp', (json: SignUpJSON) => this.#latest(json));
  }

  async #send(route: RouteSpec, body: object, creating = false): Promise<SignUp> {
    const id = creating ? undefined : (this.#ctx.state().signUp.id ?? this.id);
    if (!creating && !id) {
      throw new Error(process.env.NODE_ENV === 'production' ? 'No sign-up' : 'This sign-up has not started: call signUp.create() first.');
    }
    return this.#latest(await this.#ctx.call<SignUpJSON>(route, { id: id ?? undefined, body }));
  }

  /** The attempt in `json` as the refreshed state holds it (the same object when unchanged). */
  #latest(json: SignUpJSON): SignUp {
    return toSignUp(this.#ctx, json, this.#ctx.state().signUp);
  }
}

export function toSignUp(ctx: ClientContext, json: SignUpJSON | null, previous?: SignUp): SignUp {
  return reuse(previous, json, () => new SignUp(ctx, json));
}
