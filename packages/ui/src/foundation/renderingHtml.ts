import { useSyncExternalStore } from 'react';

export const noSubscription = () => () => {};

/**
 * True where React renders HTML: on the server and in the hydrating render,
 * which both take the server snapshot; false in every other browser render
 * (React re-renders with the client snapshot right after hydrating). Unlike
 * `typeof window`, it holds where a server has a `window` (a DOM shim, jsdom).
 */
export function useRenderingHtml(): boolean {
  return useSyncExternalStore(noSubscription, () => false, () => true);
}
