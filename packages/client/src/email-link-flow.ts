/**
 * Email links, loaded on demand: the flow that emails a link and waits for
 * it, and the verify page's two calls. Not implemented yet (contract only).
 */
import type { EmailLinkJSON, EmailLinkVerifiedJSON } from '@latch/protocol';
import type { ClientContext } from './context';
import type { EmailLinkSubject, EmailLinkWait } from './resources/email-link';

export interface EmailLinkStartParams {
  /** The app's verify page: a path, or an absolute URL on the API's origin or an allowed redirect origin. */
  redirectUrl: string;
  /** Sign-in only; default the address `supportedFirstFactors` offers for `email_link`. */
  emailAddressId?: string;
}

export async function runEmailLinkFlow(_ctx: ClientContext, _subject: EmailLinkSubject, _params: EmailLinkStartParams, _wait: EmailLinkWait): Promise<unknown> {
  throw new Error('not implemented yet');
}

export async function inspectEmailLink(_ctx: ClientContext, _token?: string): Promise<EmailLinkJSON> {
  throw new Error('not implemented yet');
}

export async function verifyEmailLink(_ctx: ClientContext, _token?: string): Promise<EmailLinkVerifiedJSON> {
  throw new Error('not implemented yet');
}
