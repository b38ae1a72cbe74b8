import { useRef, useSyncExternalStore } from 'react';
import type { LatchState } from '@latch/client';
import { useLatchContext } from './context';
import type { Selector } from './selectors';
import { shallowEqual } from './shallowEqual';

/**
 * Reads one slice of the client's state and re-renders only when that slice
 * changes, as judged by `equal` (shallow by default). Every hook and control
 * component goes through here, so they all share one subscription model.
 *
 * `consumerName` names the caller in the error thrown outside the provider.
 * `selector` must not change between renders (all of ours are module-level).
 */
export function useLatchSelector<T>(
  consumerName: string,
  selector: Selector<T>,
  equal: (a: T, b: T) => boolean = shallowEqual,
): T {
  const { subscribe, client, initialState, serverState } = useLatchContext(consumerName);
  // The last value handed to React: returning it again when the new selection
  // is equal is what keeps the snapshot stable, so React skips the render.
  const last = useRef<{ value: T } | null>(null);

  const select = (state: LatchState): T => {
    const next = selector(state, initialState);
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };

  return useSyncExternalStore(
    subscribe,
    () => select(client.getState()),
    () => select(serverState),
  );
}
