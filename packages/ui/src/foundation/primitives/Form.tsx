import { useRef, type FormEvent, type ReactNode } from 'react';
import { useElement } from '../appearance/useElement';

export interface FormProps {
  onSubmit(): void | Promise<unknown>;
  children: ReactNode;
  /** Accessible name, when the form is one of several on a page (profile sections). */
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * A form that validates in code (noValidate: the browser's own bubbles are
 * neither localized nor announced consistently) and ignores a second submit
 * (Enter pressed twice) while the first one's promise is pending.
 */
export function Form({ onSubmit, children, ...aria }: FormProps) {
  const pending = useRef(false);
  const styling = useElement('form');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending.current) return;
    const result = onSubmit();
    if (result && typeof result.then === 'function') {
      pending.current = true;
      result.then(
        () => (pending.current = false),
        () => (pending.current = false),
      );
    }
  };
  return (
    <form {...styling} {...aria} noValidate onSubmit={submit}>
      {children}
    </form>
  );
}
