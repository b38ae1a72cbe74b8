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
