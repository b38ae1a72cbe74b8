import { useEffect, useLayoutEffect, useRef, useState, type DependencyList, type EffectCallback, type RefObject } from 'react';
import { useRenderingHtml } from './renderingHtml';

const notYet = Symbol('not mounted');

/**
 * For effects that move focus: they run in the commit, before
 * the browser paints the new content and before anything (a screen reader, a
 * test) can see the old focus. Where React renders HTML, useLayoutEffect would
 * only make React 18 warn, so it is useEffect there (which does nothing). An
 * instance keeps the hook it mounted with, since React
 * wants the same hooks on every render (a hydrated one keeps useEffect: the page's
 * first render moves no focus, and its later focus moves come one frame late).
 */
export function useCommitEffect(effect: EffectCallback, deps?: DependencyList): void {
  const renderingHtml = useRenderingHtml();
  const [useCommit] = useState(() => (renderingHtml ? useEffect : useLayoutEffect));
  useCommit(effect, deps);
}

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
