import { useCallback, useRef, useState } from 'react';

export interface AsyncAction {
  /** Runs `fn` unless a run is in flight; resolves to its result, or undefined if it threw or was skipped. */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  loading: boolean;
  /** What the last run threw, until the next run starts or `reset()`. */
  error: unknown;
  reset(): void;
}

/**
 * Loading and error state for one button's work. The ref, not the state,
 * guards re-entry: two clicks in one frame both see `loading === false`.
 */
export function useAsyncAction(): AsyncAction {
  const busy = useRef(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, loading, error, reset };
}
