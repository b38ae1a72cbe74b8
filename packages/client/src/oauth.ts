/**
 * Social sign-in's browser side, part of the on-demand code (`on-demand.ts`):
 * an app that never starts a redirect flow never downloads it.
 */
import type { OAuthCallbackJSON, SignInJSON, SignUpJSON } from '@latch/protocol';
import type { ClientContext } from './context';

export interface RedirectParams {
  redirectUrl: string;
  redirectUrlComplete?: string;
  /** Where to send the browser instead of `location.assign` (a router). */
  navigate?: (url: string) => void;
}

/** A page path as the absolute URL the provider needs (`/sso-callback` → `https://app…/sso-callback`). */
export function absolute<T extends { redirectUrl: string }>(params: T): T {
  return { ...params, redirectUrl: new URL(params.redirectUrl, globalThis.location?.href).href };
}

function goTo(url: string | null | undefined, navigate?: (url: string) => void): void {
  if (url) (navigate ?? ((to) => globalThis.location.assign(to)))(url);
}

/** `signIn` / `signUp.authenticateWithRedirect`: starts the attempt, then goes to the provider. */
export async function authenticateWithRedirect(
  // A method, so a `SignIn` or `SignUp` (whose `create` takes its own body type) is one.
  attempt: { create(body: object): Promise<Partial<Pick<SignInJSON, 'firstFactorVerification'> & Pick<SignUpJSON, 'verifications'>>> },
  { redirectUrlComplete, navigate, ...rest }: RedirectParams & object,
): Promise<void> {
  const started = await attempt.create(absolute({ ...rest, actionCompleteRedirectUrl: redirectUrlComplete }));
  goTo((started.firstFactorVerification ?? started.verifications?.externalAccount)?.externalVerificationRedirectURL, navigate);
}

/** `client.handleRedirectCallback`: the callback page's query to the API, then on to `redirectUrlComplete` once complete. */
export async function handleRedirectCallback(ctx: ClientContext, params: { url?: string; navigate?: (url: string) => void }): Promise<OAuthCallbackJSON> {
  const q = new URL(params.url ?? globalThis.location.href).searchParams;
  const body = { state: q.get('state'), code: q.get('code'), error: q.get('error'), errorDescription: q.get('error_description'), iss: q.get('iss') };
  const result = await ctx.call<OAuthCallbackJSON>('POST /v1/client/oauth_callback', { body });
  if (result.status === 'complete') goTo(result.redirectUrlComplete, params.navigate);
  return result;
}
