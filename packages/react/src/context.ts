import { createContext, useContext } from 'react';
import type { LatchClient, LatchInitialState, LatchState } from '@latch/client';

export interface LatchContextValue {
  client: LatchClient;
  /** `client.subscribe`, bound once so `useSyncExternalStore` never resubscribes needlessly. */
  subscribe: (listener: () => void) => () => void;
  initialState: LatchInitialState | undefined;
  /**
   * The state the server rendered from: the client as it was when the
   * provider mounted, marked not loaded. Hydration must see exactly what the
   * server saw, even when an app passes a client that has already loaded.
   */
  serverState: LatchState;
}

/**
 * Options the provider keeps for `@latch/ui`, which reads them with
 * `useLatchUIOptions()`. Typed loosely here because their shapes belong to
 * the UI package; this package only carries them.
 */
export interface LatchUIOptions {
  // `object`, not Record<string, unknown>: an interface-typed value (the UI's
  // ProviderAppearance, a locale) must be assignable without a cast.
  appearance?: object;
  localization?: object;
  /**
   * How the components go to another page (after sign-in, "Manage account" in
   * navigation mode…): your router's push, e.g. `(to) => router.push(to)`.
   * Without it they use `window.location.assign`, a full page load.
   */
  navigate?: (to: string) => void;
}

export const LatchContext = createContext<LatchContextValue | null>(null);

// Apart from LatchContext so that a new `appearance` object re-renders only
// the UI that reads it, never the hooks' consumers.
export const LatchUIOptionsContext = createContext<LatchUIOptions | null>(null);

/**
 * The error for a hook or component used outside the provider: it names the
 * culprit and, in development builds, the fix (production bundles, where
 * `process.env.NODE_ENV` is 'production', ship only the short form).
 */
function missingProvider(consumerName: string): Error {
  return new Error(
    process.env.NODE_ENV === 'production'
      ? `${consumerName} outside <LatchProvider>`
      : `${consumerName} must be used within <LatchProvider>. ` +
          `Wrap your app (or the part of it that uses ${consumerName}) in ` +
          `<LatchProvider frontendApi="https://auth.example.com"> from @latch/react.`,
  );
}

export function useLatchContext(consumerName: string): LatchContextValue {
  const value = useContext(LatchContext);
  if (!value) throw missingProvider(consumerName);
  return value;
}

/** The `appearance` and `localization` given to `<LatchProvider>`, for `@latch/ui`. */
export function useLatchUIOptions(): LatchUIOptions {
  const value = useContext(LatchUIOptionsContext);
  if (!value) throw missingProvider('useLatchUIOptions');
  return value;
}
