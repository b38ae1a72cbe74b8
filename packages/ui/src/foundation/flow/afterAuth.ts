import { useCallback } from 'react';
import { useLatch } from '@latch/react';
import { navigateTo, safeAfterUrl, useNavigate } from '../routing/redirects';

/**
 * Where a finished sign-in or sign-up goes: the page's `redirect_url` (what
 * `<RedirectToSignIn/>` set: back to where the visitor was; a sign-up page
 * carries it over from the sign-in page), else `afterUrl`, else '/'. Each
 * only if `safeAfterUrl` accepts it, so a crafted link cannot send the
 * visitor to `javascript:` or another site.
 */
export function afterAuthTarget(afterUrl: string | undefined, allowedOrigins: readonly string[], search = currentSearch()): string {
  const requested = new URLSearchParams(search).get('redirect_url') ?? undefined;
  return safeAfterUrl(requested, allowedOrigins) ?? safeAfterUrl(afterUrl, allowedOrigins) ?? '/';
}

function currentSearch(): string {
  return typeof window === 'undefined' ? '' : window.location.search;
}

/**
 * `leave()` goes to the after-sign-in (or -up) URL and says whether it did: a
 * target that is this very page (whatever its hash) is not loaded again, the
 * signed-in UI around the component takes over. Same-origin targets go
 * through the provider's `navigate` (the app's router) when it has one;
 * other origins always load as a new page, which a router cannot do.
 */
export function useLeaveAfterAuth(afterUrl: string | undefined): () => boolean {
  const client = useLatch();
  const navigate = useNavigate();
  return useCallback(() => {
    const target = afterAuthTarget(afterUrl, client.environment?.allowedRedirectOrigins ?? []);
    const here = new URL(window.location.href);
    const to = new URL(target, here);
    // The hash is the flow's own with 'hash' routing, so it does not make another page.
    if (to.origin + to.pathname + to.search === here.origin + here.pathname + here.search) return false;
    if (to.origin === here.origin) navigate(to.pathname + to.search + to.hash);
    else navigateTo(to.href);
    return true;
  }, [afterUrl, client, navigate]);
}
