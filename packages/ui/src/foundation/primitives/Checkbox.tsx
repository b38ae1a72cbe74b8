import { useId, type ReactNode } from 'react';
import { useElement } from '../appearance/useElement';

export interface CheckboxProps {
  /** May hold links (terms, privacy): they stay operable inside the label. */
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  name?: string;
  required?: boolean;
  error?: string | null;
}

/** A native checkbox with its label and, when invalid, an announced error tied to it. */
export function Checkbox({ label, checked, onChange, name, required, error }: CheckboxProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const field = useElement('formField', { error: !!error });
  const box = useElement('checkbox', { error: !!error });
  const text = useElement('checkboxLabel');
  const errorProps = useElement('formFieldError');
  return (
    <div {...field}>
      <input
        {...box}
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={!!error || undefined}
        aria-describedby={errorId}
        aria-required={required || undefined}
      />
      <label {...text} htmlFor={id}>
        {label}
      </label>
      {error && (
        <p {...errorProps} id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
