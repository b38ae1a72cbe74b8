import { useEffect, useRef, useState } from 'react';
import type { OAuthCallbackJSON } from '@latch/protocol';
import { useSocialKit } from './strings';

/** One request per client and provider answer while it runs: StrictMode's second mount reuses it. */
const running = new WeakMap<object, Map<string, Promise<OAuthCallbackJSON>>>();

/**
 * On the sso-callback step: sends the provider's answer from the URL to the
 * frontend API once, then hands where the flow stands to `onResult` (the
 * component moves on: signed in, a second factor, the account to prove, the
 * sign-up's missing fields). The client's own navigation on completion is
 * held back: the component leaves by its own rules (`afterSignInUrl`).
 * `error`: why the API refused (denied, state mismatch…), if it did.
 * `resend()` sends the same answer again: after `oauth_provider_unavailable`
 * the server keeps the attempt, and the code may still be good.
 */
export function useRedirectCallback(onResult: (result: OAuthCallbackJSON) => unknown): { error: unknown; resend(): Promise<unknown> } {
  const { useLatch, callbackParams } = useSocialKit();
  const client = useLatch();
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(onResult);
  latest.current = onResult;
  // The answer as it arrived: the address bar loses it once sent.
  const [answer] = useState(() => window.location.href);
  useEffect(() => {
    let live = true;
    const key = window.location.search;
    const requests = running.get(client) ?? new Map<string, Promise<OAuthCallbackJSON>>();
    running.set(client, requests);
    let request = requests.get(key);
    if (!request) {
      request = client.handleRedirectCallback({ navigate: () => undefined });
      requests.set(key, request);
      const settled = () => {
        requests.delete(key);
        forgetSsoCallback(callbackParams);
      };
      void request.then(settled, settled);
    }
    request.then(
      (result) => live && latest.current(result),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [client, callbackParams]);
  const resend = () => client.handleRedirectCallback({ url: answer, navigate: () => undefined }).then((result) => latest.current(result));
  return { error, resend };
}

/**
 * Takes the provider's answer out of the address bar once it has been sent:
 * a reload or a bookmark must not send a used code again, and the code
 * should not linger in the history.
 */
function forgetSsoCallback(callbackParams: readonly string[]): void {
  const url = new URL(window.location.href);
  for (const name of [...callbackParams, 'scope', 'authuser', 'hd', 'prompt', 'session_state']) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
