import { OAUTH_CALLBACK_PARAMS } from '@latch/protocol';
import type { Routing } from '../foundation';

/**
 * The app page a provider sends the browser back to. With 'path' routing the
 * component's own `sso-callback` step (`/sign-in/sso-callback`); with 'hash'
 * or 'virtual' routing this page itself (a redirect URI may carry no
 * fragment), where the component spots the provider's answer in the query.
 * Register it with the provider and on the server's callback allowlist.
 */
export function ssoCallbackUrl(routing: Routing | undefined, path: string | undefined): string {
  const { origin, pathname } = window.location;
  return routing === 'path' ? `${origin}${`/${path ?? ''}`.replace(/\/+$/, '').replace(/^\/+/, '/')}/sso-callback` : origin + pathname;
}

/** Whether this page is a provider's answer (`state` with `code` or `error`). Browser only. */
export function isSsoCallback(): boolean {
  const query = new URLSearchParams(window.location.search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

/**
 * Takes the provider's answer out of the address bar once it has been sent:
 * a reload or a bookmark must not send a used code again, and the code
 * should not linger in the history.
 */
export function forgetSsoCallback(): void {
  const url = new URL(window.location.href);
  for (const name of [...OAUTH_CALLBACK_PARAMS, 'scope', 'authuser', 'hd', 'prompt', 'session_state']) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
