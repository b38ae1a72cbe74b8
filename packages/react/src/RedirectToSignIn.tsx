import { useEffect, useRef } from 'react';

export interface RedirectToSignInProps {
  /** Where the sign-in page lives: a path on this site or a full URL. Default `/sign-in`. */
  signInUrl?: string;
  /** Your router's navigation (e.g. `router.push`); without it, `window.location.assign`. */
  navigate?: (url: string) => void;
}

/**
 * Sends the visitor to the sign-in page, with `redirect_url` set to where they
 * are now so they come back after signing in. Navigates once, after mount
 * (never on the server). Typically used as `<SignedOut><RedirectToSignIn /></SignedOut>`.
 */
export function RedirectToSignIn({ signInUrl = '/sign-in', navigate }: RedirectToSignInProps) {
  // Guards against StrictMode's second effect run navigating twice.
  const navigated = useRef(false);
  useEffect(() => {
    if (navigated.current) return;
    navigated.current = true;
    const url = signInUrlWithRedirect(signInUrl, window.location);
    if (navigate) navigate(url);
    else window.location.assign(url);
  }, [signInUrl, navigate]);
  return null;
}

/**
 * `signInUrl` with `redirect_url` pointing back to `here`. For a sign-in page
 * on this origin both are relative, which the default redirect policy
 * (relative paths only, no allowlist needed) accepts; a sign-in page on
 * another origin gets the full URL back, which it must allowlist.
 */
export function signInUrlWithRedirect(signInUrl: string, here: { href: string }): string {
  const current = new URL(here.href);
  const target = new URL(signInUrl, current);
  const sameOrigin = target.origin === current.origin;
  const backTo = sameOrigin ? current.pathname + current.search + current.hash : current.href;
  target.searchParams.set('redirect_url', backTo);
  return sameOrigin ? target.pathname + target.search + target.hash : target.href;
}
