'use client';
// Client components: the browser's Latch client, and the session cookie it keeps fresh.

import { readClaims } from '@latch/client';
import { LatchProvider as ReactLatchProvider, useLatch, type LatchClient, type LatchProviderProps as ReactLatchProviderProps } from '@latch/react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, type ReactNode } from 'react';
import { sessionCookie } from './cookies';

export type LatchProviderProps = Omit<Extract<ReactLatchProviderProps, { frontendApi: string }>, 'client'> & {
  /** https: the `__Host-` session cookie with `Secure`; default from `frontendApi`. */
  secure?: boolean;
  /** Called when the signed-in session changes (sign-in, sign-out, a switch), once the cookie follows it. */
  onSessionChange?: () => void;
  children?: ReactNode;
};

/**
 * `@latch/react`'s provider plus the session cookie that server rendering
 * reads. For the Pages Router: `<LatchProvider {...pageProps.latchState}>` in
 * `_app`, with `buildLatchProps(ctx)` in `getServerSideProps`. (The App
 * Router uses the server `<LatchProvider>` from `@latch/nextjs`.)
 */
export function LatchProvider({ secure, onSessionChange, children, ...props }: LatchProviderProps) {
  return (
    <ReactLatchProvider {...props}>
      <SessionCookie
        secure={secure ?? props.frontendApi.startsWith('https:')}
        initialSessionId={props.initialState?.sessionId ?? null}
        onSessionChange={onSessionChange}
      />
      {children}
    </ReactLatchProvider>
  );
}

/** The App Router's client half: its router for navigation, and fresh server components when the session changes. */
export function AppRouterLatchProvider(props: LatchProviderProps) {
  const router = useRouter();
  const navigate = useCallback((to: string) => router.push(to), [router]);
  const refresh = useCallback(() => router.refresh(), [router]);
  return <LatchProvider navigate={navigate} onSessionChange={refresh} {...props} />;
}

interface SessionCookieProps {
  secure: boolean;
  /** The session the server rendered for. */
  initialSessionId: string | null;
  /** Called once the cookie holds a different session (sign-in, sign-out, switch) than before. */
  onSessionChange?: () => void;
}

/**
 * Rewrites the cookie this long before its token expires: late enough that
 * the client no longer serves the old token from its cache (it keeps one for
 * as long as it has more than 10 s left), early enough that a page load
 * rarely finds the cookie stale.
 */
const refreshLeadMs = 8_000;
const minRefreshDelayMs = 10_000;

/**
 * Writes the active session's JWT to the session cookie whenever the session
 * changes, and again before each token expires (and when the tab becomes
 * visible, since timers sleep with it). Clears it once signed out.
 */
function SessionCookie({ secure, initialSessionId, onSessionChange }: SessionCookieProps) {
  const client = useLatch();
  useEffect(() => {
    let seen: string | null = initialSessionId;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    async function writeCookie(): Promise<void> {
      clearTimeout(timer);
      const sessionId = client.session?.id ?? null;
      const jwt = sessionId ? await client.getToken().catch(() => null) : null;
      if (disposed || (client.session?.id ?? null) !== sessionId) return;
      document.cookie = sessionCookie(jwt, secure);
      if (jwt) timer = setTimeout(() => void writeCookie(), refreshDelay(jwt));
    }

    function onStateChange(): void {
      if (!client.isLoaded) return;
      const sessionId = client.session?.id ?? null;
      const changed = sessionId !== seen;
      seen = sessionId;
      if (changed || timer === undefined) void writeCookie().then(() => changed && !disposed && onSessionChange?.());
    }

    const onVisible = () => document.visibilityState === 'visible' && client.isLoaded && void writeCookie();
    onStateChange();
    const unsubscribe = client.subscribe(onStateChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client, secure, initialSessionId, onSessionChange]);
  return null;
}

function refreshDelay(jwt: string): number {
  const exp = readClaims(jwt)?.exp ?? 0;
  return Math.max(minRefreshDelayMs, exp * 1000 - Date.now() - refreshLeadMs);
}

export type { LatchClient };
