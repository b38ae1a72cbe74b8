import { useCallback, useState } from 'react';

export interface ControllableStateOptions<T> {
  /** The controlled value; `undefined` leaves the state to this hook. */
  value: T | undefined;
  /** The first value when uncontrolled. */
  defaultValue: T;
  /** Told of every requested change, controlled or not. */
  onChange?: (value: T) => void;
}

/**
 * State that the parent may own (`value` + `onChange`) or leave to the
 * component (`defaultValue`), as with `open`/`defaultOpen`/`onOpenChange`.
 * Controlled, a change is only a request: the shown value stays the parent's
 * until it passes a new one. `onChange` runs only for a real change, so
 * dismissing an already closed popover reports nothing.
 */
export function useControllableState<T>({ value, defaultValue, onChange }: ControllableStateOptions<T>): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;

  const set = useCallback(
    (next: T) => {
      if (Object.is(next, current)) return;
      if (!controlled) setOwn(next);
      onChange?.(next);
    },
    [controlled, current, onChange],
  );

  return [current, set];
}
