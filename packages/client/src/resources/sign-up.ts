import type {
  ClientRouteName,
  SignUpCreateBody,
  SignUpOAuthCreateBody,
  SignUpField,
  SignUpJSON,
  SignUpStatus,
  SignUpUpdateBody,
} from '@latch/protocol';
import { reuse, type ClientContext } from '../context';
import type { RedirectParams } from '../oauth';

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
    return this.#send('signUpCreate', params, true);
  }

  /** Social sign-up: like `signIn.authenticateWithRedirect`; other fields (username) may come along. */
  async authenticateWithRedirect(params: RedirectParams & Omit<SignUpOAuthCreateBody, 'redirectUrl' | 'actionCompleteRedirectUrl'>): Promise<void> {
    return (await import('../oauth')).authenticateWithRedirect((body) => this.create(body as SignUpOAuthCreateBody), params);
  }

  update(params: SignUpUpdateBody): Promise<SignUp> {
    return this.#send('signUpUpdate', params);
  }

  /** Emails a 6-digit code to the sign-up's address. */
  prepareEmailAddressVerification(params: { strategy: 'email_code' } = { strategy: 'email_code' }): Promise<SignUp> {
    return this.#send('signUpPrepareVerification', params);
  }

  /** With the right code the sign-up completes: the user and a session are created. */
  attemptEmailAddressVerification(params: { code: string }): Promise<SignUp> {
    return this.#send('signUpAttemptVerification', params);
  }

  async #send(route: ClientRouteName, body: object, creating = false): Promise<SignUp> {
    const id = creating ? undefined : (this.#ctx.state().signUp.id ?? this.id);
    if (!creating && !id) throw new Error('This sign-up has not started: call signUp.create() first.');
    const json = await this.#ctx.call<SignUpJSON>(route, { id: id ?? undefined, body });
    return toSignUp(this.#ctx, json, this.#ctx.state().signUp);
  }
}

export function toSignUp(ctx: ClientContext, json: SignUpJSON | null, previous?: SignUp): SignUp {
  return reuse(previous, json, () => new SignUp(ctx, json));
}
