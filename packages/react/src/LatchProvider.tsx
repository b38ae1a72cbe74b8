import { createElement, useMemo, useState, type ReactNode } from 'react';
import type { LatchInitialState } from '@latch/client';
import { LatchContext, LatchUIOptionsContext, type LatchContextValue, type LatchUIOptions } from './context';
import { useProvidedClient, type LatchClientSource } from './useProvidedClient';

export type LatchProviderProps = LatchClientSource &
  LatchUIOptions & {
    /**
     * Who the server knows is signed in, for server rendering: with it the
     * first paint (server and hydration) is already signed in or out, with no
     * loading flash. Read on the first render only; the client's own state
     * takes over once it has loaded. With `frontendApi` the provider also
     * seeds its client with it (so `user`/`session` JSON in it reach
     * `useUser`/`useSession`); with `client`, pass it to `new LatchClient` too.
     */
    initialState?: LatchInitialState;
    children?: ReactNode;
  };

/**
 * Makes a Latch client available to the hooks and components below it.
 * Give it either `frontendApi` (it then creates, loads and, on unmount,
 * destroys its own client) or a `client` you created (loaded, never destroyed).
 */
export function LatchProvider(props: LatchProviderProps) {
  const { appearance, localization, navigate, children } = props;
  const [initialState] = useState(props.initialState);
  const client = useProvidedClient(props, initialState);

  const value = useMemo<LatchContextValue>(
    () => ({
      client,
      subscribe: (listener) => client.subscribe(listener),
      initialState,
      serverState: { ...client.getState(), isLoaded: false },
    }),
    [client, initialState],
  );
  const uiOptions = useMemo(() => ({ appearance, localization, navigate }), [appearance, localization, navigate]);

  // createElement, not JSX: an app that uses only the hooks then loads no
  // react/jsx-runtime for these two elements (every @latch/react import comes
  // from 'react' itself).
  return createElement(LatchContext.Provider, { value }, createElement(LatchUIOptionsContext.Provider, { value: uiOptions }, children));
}
