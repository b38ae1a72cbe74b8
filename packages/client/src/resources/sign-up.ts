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
import { reuse, type ClientContext } from '../context';
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
  readonly id: string | null;
  readonly status: SignUpStatus | null;
  readonly emailAddress: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly username: string | null;
  readonly passwordEnabled: boolean;
  readonly requiredFields: SignUpField[];
  readonly optionalFields: SignUpField[];
  readonly missingFields: SignUpField[];
  readonly unverifiedFields: SignUpField[];
  readonly verifications: SignUpJSON['verifications'];
  readonly createdSessionId: string | null;
  readonly createdUserId: string | null;
  readonly #ctx: ClientContext;

  constructor(ctx: ClientContext, json: SignUpJSON | null) {
    this.#ctx = ctx;
    this.id = json?.id ?? null;
    this.status = json?.status ?? null;
    this.emailAddress = json?.emailAddress ?? null;
    this.firstName = json?.firstName ?? null;
    this.lastName = json?.lastName ?? null;
    this.username = json?.username ?? null;
    this.passwordEnabled = json?.passwordEnabled ?? false;
    this.requiredFields = json?.requiredFields ?? [];
    this.optionalFields = json?.optionalFields ?? [];
    this.missingFields = json?.missingFields ?? [];
    this.unverifiedFields = json?.unverifiedFields ?? [];
    this.verifications = json?.verifications ?? { emailAddress: null };
    this.createdSessionId = json?.createdSessionId ?? null;
    this.createdUserId = json?.createdUserId ?? null;
  }

  create(params: SignUpCreateBody | SignUpOAuthCreateBody): Promise<SignUp> {
    return this.#send('POST /v1/client/sign_ups', params, true);
  }

  /** Social sign-up: like `signIn.authenticateWithRedirect`; other fields (username) may come along. */
  async authenticateWithRedirect(params: RedirectParams & Omit<SignUpOAuthCreateBody, 'redirectUrl' | 'actionCompleteRedirectUrl'>): Promise<void> {
    return (await import('../oauth')).authenticateWithRedirect((body) => this.create(body as SignUpOAuthCreateBody), params);
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
    const ctx = this.#ctx;
    return emailLinkFlow(ctx, 'signUp', (json: SignUpJSON) => toSignUp(ctx, json, ctx.state().signUp));
  }

  async #send(route: RouteSpec, body: object, creating = false): Promise<SignUp> {
    const id = creating ? undefined : (this.#ctx.state().signUp.id ?? this.id);
    if (!creating && !id) {
      throw new Error(process.env.NODE_ENV === 'production' ? 'No sign-up' : 'This sign-up has not started: call signUp.create() first.');
    }
    const json = await this.#ctx.call<SignUpJSON>(route, { id: id ?? undefined, body });
    return toSignUp(this.#ctx, json, this.#ctx.state().signUp);
  }
}

export function toSignUp(ctx: ClientContext, json: SignUpJSON | null, previous?: SignUp): SignUp {
  return reuse(previous, json, () => new SignUp(ctx, json));
}
