import { onDemand, type ClientContext } from '../context';
import type { EmailLinkStartParams } from '../email-link-flow';

/**
 * `createEmailLinkFlow()` on a sign-in, a sign-up or an email address, as
 * Clerk names it. Starting it emails a link to the app's verify page
 * (`redirectUrl`), then waits for that link to be opened: it polls the
 * attempt every 2.5 s and wakes at once when another tab of this browser
 * reports a change (BroadcastChannel). In this tab it resolves to the
 * attempt once the link was opened (and, when it was opened in another
 * browser and the flow finishes here, finished), or expired, or once
 * `cancelEmailLinkFlow()` stops the wait. The waiting code is loaded on
 * first use, so apps that never send a link do not ship it.
 */
export interface EmailLinkFlow<Params, Result> {
  startEmailLinkFlow(params: Params): Promise<Result>;
  /** Stops polling; the pending `startEmailLinkFlow` resolves with the attempt as it stands. */
  cancelEmailLinkFlow(): void;
}

/** What a flow waits on: the client's sign-in or sign-up, or one email address of a session's user. */
export type EmailLinkSubject = 'signIn' | 'signUp' | { emailAddressId: string; sessionId: string };

/** A flow's state while it waits, kept by the loaded code; the loaded code sets `wake`. */
export interface EmailLinkWait {
  stopped: boolean;
  wake(): void;
}

/** `wrap` makes the resource from the JSON the flow ends with (here, so the loaded code needs none of the client's modules). */
export function emailLinkFlow<Params, Json, Result>(ctx: ClientContext, subject: EmailLinkSubject, wrap: (json: Json) => Result): EmailLinkFlow<Params, Result> {
  // The flow object is made at once; the loaded code keeps its wait (what cancel stops) by it.
  const flow: EmailLinkFlow<Params, Result> = {
    startEmailLinkFlow: (params) => onDemand('startEmailLinkFlow', flow, ctx, subject, params as EmailLinkStartParams).then(wrap as (json: unknown) => Result),
    cancelEmailLinkFlow: () => void onDemand('cancelEmailLinkFlow', flow),
  };
  return flow;
}
