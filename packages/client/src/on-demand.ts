/**
 * The code behind social sign-in, email links and passkeys, one chunk loaded
 * on first use (`onDemand()`). Callers hand in what it needs (the client's
 * context, the attempt): it imports none of the client's modules at run
 * time, because a module both this chunk and the first load imported would
 * become a third, shared chunk that loads up front. The WebAuthn ceremonies
 * (with @simplewebauthn/browser) are one step further on: social sign-in and
 * email links do not need them.
 */
import type { PasskeyJSON, SignInJSON, SignInStatus } from '@latch/protocol';
import type { ClientContext } from './context';
import type { AuthenticateWithPasskeyParams } from './passkeys/ceremonies';

export { absolute, authenticateWithRedirect, handleRedirectCallback } from './oauth';
export { cancelEmailLinkFlow, inspectEmailLink, startEmailLinkFlow, verifyEmailLink } from './email-link-flow';

const ceremonies = () => import('./passkeys/ceremonies');

/** Identified (after an identifier, `needs_first_factor`), the attempt's account's passkeys are asked for; else any of this site's. */
export async function authenticateWithPasskey(
  ctx: ClientContext,
  attempt: { id: string | null; status: SignInStatus | null },
  params: AuthenticateWithPasskeyParams,
): Promise<SignInJSON> {
  const identified = attempt.status === 'needs_first_factor' ? attempt.id : null;
  return (await ceremonies()).authenticateWithPasskey(ctx, identified, params);
}

export async function createPasskey(ctx: ClientContext, sessionId: string, params: { name?: string }): Promise<PasskeyJSON> {
  return (await ceremonies()).createPasskey(ctx, sessionId, params);
}

export async function browserSupportsWebAuthnAutofill(): Promise<boolean> {
  return (await ceremonies()).browserSupportsWebAuthnAutofill();
}
