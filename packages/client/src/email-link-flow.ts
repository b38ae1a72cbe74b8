/**
 * Email links, loaded on demand (`import()`): the flows that email a link and
 * wait for it to be opened, and the verify page's two calls. An app that
 * never sends a link never downloads this.
 */
import type {
  EmailAddressJSON,
  EmailLinkJSON,
  EmailLinkVerifiedJSON,
  SignInJSON,
  SignUpJSON,
  UserJSON,
  VerificationJSON,
} from '@latch/protocol';
// Only this entry at run time, and nothing of the client's own modules: the
// app's bundler then keeps all of this in the on-demand chunk (resources are
// made by the caller, from the JSON this returns).
import { EMAIL_LINK_PARAM, EmailLinkRoutes, ReadRoutes } from '@latch/protocol/email-links';
import type { ClientContext } from './context';
import type { EmailLinkFlow, EmailLinkSubject, EmailLinkWait } from './resources/email-link';

export interface EmailLinkStartParams {
  /**
   * The app's verify page, which reads `?latch_link=` and calls
   * `client.verifyEmailLink()` on a click: a path (resolved against this
   * page's URL) or an absolute URL, on the API's origin or on the instance's
   * `allowedRedirectOrigins`.
   */
  redirectUrl: string;
  /** Sign-in only; default the address `supportedFirstFactors` offers for `email_link`. */
  emailAddressId?: string;
  /**
   * When a link is already on its way and still valid (the page was reloaded
   * while waiting), wait for that one instead of sending another, which
   * would make the first one useless. Default false: always send.
   */
  resume?: boolean;
}

/** How often a waiting flow asks the server; BroadcastChannel news from this browser's other tabs wakes it sooner. */
const pollMs = 2500;

/** One kind of attempt: how its link is sent, how it is read back, and when the wait is over. */
interface Attempt<J> {
  send(redirectUrl: string): Promise<J>;
  read(): Promise<J>;
  verification(json: J): VerificationJSON | null;
  /** Already past the link (signed in, signed up, verified elsewhere): nothing to wait for. */
  moved(json: J): boolean;
  /** The link was opened in another browser and this one finishes (the instance's default). */
  finish(): Promise<J>;
}

/** Each flow's wait, shared by its start and its cancel. */
const waits = new WeakMap<EmailLinkFlow<never, unknown>, EmailLinkWait>();

function waitOf(flow: EmailLinkFlow<never, unknown>): EmailLinkWait {
  let wait = waits.get(flow);
  if (!wait) waits.set(flow, (wait = { stopped: false, wake() {} }));
  return wait;
}

/** Stops a flow's polling; its pending start resolves with the attempt as it stands. */
export function cancelEmailLinkFlow(flow: EmailLinkFlow<never, unknown>): void {
  const wait = waitOf(flow);
  wait.stopped = true;
  wait.wake();
}

/** Sends the link and waits; resolves to the attempt's JSON (a sign-in, a sign-up, an email address) as it then stands. */
export async function startEmailLinkFlow(flow: EmailLinkFlow<never, unknown>, ctx: ClientContext, subject: EmailLinkSubject, params: EmailLinkStartParams): Promise<unknown> {
  const wait = waitOf(flow);
  wait.stopped = false;
  const attempt = attemptOf(ctx, subject, params);
  // Over when the attempt moved on, or its verification is no longer a link waiting to be opened (used, expired, replaced).
  const waiting = (json: unknown) => {
    const verification = attempt.verification(json);
    return !attempt.moved(json) && verification?.strategy === 'email_link' && verification.status === 'unverified';
  };
  const pending = params.resume ? await attempt.read() : null;
  const unexpired = (json: unknown) => (attempt.verification(json)?.expireAt ?? 0) > Date.now();
  let json = pending !== null && waiting(pending) && unexpired(pending) ? pending : await attempt.send(absolute(params.redirectUrl));
  const unsubscribe = ctx.subscribe(() => wait.wake());
  try {
    while (!wait.stopped && waiting(json)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wait.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (!wait.stopped) json = await attempt.read();
    }
    const verification = attempt.verification(json);
    const openedElsewhere = verification?.status === 'verified' && verification.verifiedFromTheSameClient === false;
    const finishesHere = !ctx.state().environment?.emailVerification?.linkCompletesOnOtherDevice;
    if (!wait.stopped && !attempt.moved(json) && openedElsewhere && finishesHere) json = await attempt.finish();
    return json;
  } finally {
    unsubscribe();
    wait.wake = () => {};
  }
}

function attemptOf(ctx: ClientContext, subject: EmailLinkSubject, params: EmailLinkStartParams): Attempt<unknown> {
  if (subject === 'signIn') {
    const id = ctx.state().signIn.id;
    if (!id) throw new Error('This sign-in has not started: call signIn.create() first.');
    const offered = ctx.state().signIn.supportedFirstFactors.find((factor) => factor.strategy === 'email_link');
    const emailAddressId = params.emailAddressId ?? (offered && 'emailAddressId' in offered ? offered.emailAddressId : undefined);
    const signIn: Attempt<SignInJSON> = {
      send: (redirectUrl) =>
        ctx.call('POST /v1/client/sign_ins/:id/prepare_first_factor', { id, body: { strategy: 'email_link', emailAddressId, redirectUrl } }),
      read: () => ctx.call(ReadRoutes.signInGet, { id }),
      verification: (json) => json.firstFactorVerification,
      moved: (json) => json.status !== 'needs_first_factor',
      finish: () => ctx.call('POST /v1/client/sign_ins/:id/attempt_first_factor', { id, body: { strategy: 'email_link' } }),
    };
    return signIn as Attempt<unknown>;
  }
  if (subject === 'signUp') {
    const id = ctx.state().signUp.id;
    if (!id) throw new Error('This sign-up has not started: call signUp.create() first.');
    const signUp: Attempt<SignUpJSON> = {
      send: (redirectUrl) => ctx.call('POST /v1/client/sign_ups/:id/prepare_verification', { id, body: { strategy: 'email_link', redirectUrl } }),
      read: () => ctx.call(ReadRoutes.signUpGet, { id }),
      verification: (json) => json.verifications.emailAddress,
      moved: (json) => json.status !== 'missing_requirements',
      finish: () => ctx.call('POST /v1/client/sign_ups/:id/attempt_verification', { id, body: { strategy: 'email_link' } }),
    };
    return signUp as Attempt<unknown>;
  }
  const { emailAddressId, sessionId } = subject;
  const email: Attempt<EmailAddressJSON> = {
    send: (redirectUrl) => ctx.call('POST /v1/me/email_addresses/:id/prepare_verification', { id: emailAddressId, sessionId, body: { strategy: 'email_link', redirectUrl } }),
    read: async () => {
      const user = await ctx.call<UserJSON>(ReadRoutes.me, { sessionId });
      const found = user.emailAddresses.find((e) => e.id === emailAddressId);
      // Removed meanwhile: nothing left to wait for.
      return found ?? { id: emailAddressId, emailAddress: '', verification: { status: 'failed', strategy: 'email_link', attempts: 0, expireAt: null } };
    },
    verification: (json) => json.verification,
    moved: () => false,
    // Any browser verifies an address: there is nothing to finish here.
    finish: async () => email.read(),
  };
  return email as Attempt<unknown>;
}

/** The verify page's URL for the email: absolute, so the server can check its origin (a path is this page's origin). */
function absolute(redirectUrl: string): string {
  return typeof location === 'undefined' ? redirectUrl : new URL(redirectUrl, location.href).href;
}

/** The token from the call, or from this page's `latch_link` query parameter. */
function tokenOf(token: string | undefined): string {
  const found = token ?? (typeof location === 'undefined' ? null : new URL(location.href).searchParams.get(EMAIL_LINK_PARAM));
  if (!found) throw new TypeError(`No email link token: pass { token }, or open this page from the link (its ${EMAIL_LINK_PARAM} parameter).`);
  return found;
}

/**
 * The verify page's calls: `inspectEmailLink` reads, `verifyEmailLink` uses
 * the link. The answer's client is applied as any other; a sign-in or
 * sign-up finished here changes the sessions, which this browser's other
 * tabs hear of (BroadcastChannel), and their waiting flows wake.
 */
export function inspectEmailLink(ctx: ClientContext, token?: string): Promise<EmailLinkJSON> {
  return ctx.call(EmailLinkRoutes.emailLinkInspect, { body: { token: tokenOf(token) } });
}

export function verifyEmailLink(ctx: ClientContext, token?: string): Promise<EmailLinkVerifiedJSON> {
  return ctx.call(EmailLinkRoutes.emailLinkVerify, { body: { token: tokenOf(token) } });
}
