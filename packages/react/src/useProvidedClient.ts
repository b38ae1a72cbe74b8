import { useEffect, useRef, useState } from 'react';
import { LatchClient, type LatchInitialState } from '@latch/client';

/** Where the provider's client comes from: a URL to build one for, or one the app built. */
export type LatchClientSource =
  | { frontendApi: string; client?: undefined }
  | { client: LatchClient; frontendApi?: undefined };

/**
 * What production builds say for any misuse of the provider's props;
 * development builds (`process.env.NODE_ENV` not 'production') say which
 * misuse and how to fix it.
 */
const misuse = '<LatchProvider> needs one of `frontendApi` or `client`, kept from its first render.';

/**
 * The provider's client: the app's own, or one created on first render for
 * `frontendApi` (later changes to `frontendApi` are ignored). Loads it after
 * mount, never during render, so server rendering makes no request. Destroys
 * only a client it created, when the provider unmounts.
 */
export function useProvidedClient(
  source: LatchClientSource,
  initialState: LatchInitialState | undefined,
): LatchClient {
  assertOneClientSource(source);
  const [ownClient] = useState(() =>
    source.client ? null : new LatchClient({ frontendApi: source.frontendApi, initialState }),
  );
  const client = source.client ?? ownClient;
  if (!client) {
    throw new Error(
      process.env.NODE_ENV === 'production'
        ? misuse
        : '<LatchProvider> cannot switch from `client` to `frontendApi` after its first render: keep one of them.',
    );
  }

  // StrictMode runs every effect's cleanup and then its setup again on the
  // same client. Counting live setups lets the deferred destroy tell that
  // rehearsal from a real unmount.
  const liveSetups = useRef(0);
  useEffect(() => {
    liveSetups.current += 1;
    client.load().catch(reportLoadFailure);
    return () => {
      liveSetups.current -= 1;
      if (client !== ownClient) return;
      queueMicrotask(() => {
        if (liveSetups.current === 0) client.destroy();
      });
    };
  }, [client, ownClient]);

  return client;
}

function assertOneClientSource(source: LatchClientSource): void {
  const hasUrl = source.frontendApi !== undefined;
  const hasClient = source.client !== undefined;
  if (hasUrl && hasClient) {
    throw new Error(process.env.NODE_ENV === 'production' ? misuse : '<LatchProvider> takes either `frontendApi` or `client`, not both: pass only one.');
  }
  if (!hasUrl && !hasClient) {
    throw new Error(
      process.env.NODE_ENV === 'production'
        ? misuse
        : '<LatchProvider> needs `frontendApi` (the URL of your Latch frontend API, e.g. "https://auth.example.com") ' +
          'or a `client` created with `new LatchClient(...)`.',
    );
  }
}

// The client keeps its state as not loaded and the app shows its loading UI;
// there is no error state to show, so the console is where a developer looks.
function reportLoadFailure(error: unknown): void {
  console.error('[@latch/react] The Latch client failed to load.', error);
}
