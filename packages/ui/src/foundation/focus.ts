import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const notYet = Symbol('not mounted');

/**
 * For effects that move focus: they run in the commit, before the browser
 * paints the new content and before anything (a screen reader, a test) can
 * see the old focus. On the server no effect runs; useEffect there only avoids
 * React 18's useLayoutEffect warning.
 */
export const useCommitEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Focuses `ref` whenever `key` changes (a new step in the same component), and
 * on mount only when `onMount` is set: a page that just loaded keeps the
 * browser's focus, while a step the user moved to brings focus to itself so a
 * screen reader announces it. It compares with the last key seen rather than
 * counting runs, because StrictMode runs every effect twice on mount.
 */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: unknown, onMount = false): void {
  const lastKey = useRef<unknown>(notYet);
  useCommitEffect(() => {
    const mounting = lastKey.current === notYet;
    const changed = !mounting && !Object.is(lastKey.current, key);
    lastKey.current = key;
    if (changed || (mounting && onMount)) ref.current?.focus();
  }, [ref, key, onMount]);
}
