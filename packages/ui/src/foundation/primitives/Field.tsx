import { useId, type InputHTMLAttributes, type ReactElement, type ReactNode, type Ref } from 'react';
import { useElement } from '../appearance/useElement';
import type { ElementKey } from '../elements';
import { useLocalization } from '../localization/useLocalization';

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'className' | 'style' | 'children'>;

export interface FieldProps extends InputAttributes {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown under the input in a `role="alert"` and tied to it with aria-describedby. */
  error?: string | null;
  hint?: ReactNode;
  /** Beside the label, e.g. a "Forgot password?" LinkButton. */
  action?: ReactNode;
  /** Marks the label "Optional" (the opposite of `required`, which sets aria-required). */
  optional?: boolean;
  /** Inside the input's box, after it (PasswordField's show/hide toggle). */
  trailing?: ReactNode;
  /** Appearance key of the input itself; CodeField uses 'otpInput'. */
  inputElement?: ElementKey;
  inputRef?: Ref<HTMLInputElement>;
  /** Wraps the input in what is drawn around it (CodeField's boxes). */
  renderControl?(input: ReactElement): ReactNode;
}

/**
 * A labelled input: the label names it, the hint and error describe it, and
 * an error marks it aria-invalid and is announced when it appears.
 */
export function Field({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  action,
  optional,
  trailing,
  inputElement = 'formFieldInput',
  inputRef,
  renderControl,
  type = 'text',
  id: givenId,
  ...input
}: FieldProps) {
  const { t } = useLocalization();
  const generated = useId();
  const id = givenId ?? `${generated}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const hasError = !!error;

  const fieldProps = useElement('formField', { error: hasError });
  const labelRow = useElement('formFieldLabelRow');
  const labelProps = useElement('formFieldLabel');
  const optionalProps = useElement('formFieldHint');
  const actionProps = useElement('formFieldAction');
  const inputProps = useElement(inputElement, { error: hasError });
  const groupProps = useElement('formFieldInputGroup');
  const hintProps = useElement('formFieldHint');
  const errorProps = useElement('formFieldError');

  const input_ = (
    <input
      {...inputProps}
      {...input}
      ref={inputRef}
      id={id}
      name={name}
      type={type}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy}
      aria-required={input.required || undefined}
    />
  );
  const control = renderControl ? renderControl(input_) : input_;

  return (
    <div {...fieldProps}>
      <div {...labelRow}>
        <label {...labelProps} htmlFor={id}>
          {label}
        </label>
        {optional && <span {...optionalProps}>{t('optional')}</span>}
        {action && <span {...actionProps}>{action}</span>}
      </div>
      {trailing ? (
        <div {...groupProps}>
          {control}
          {trailing}
        </div>
      ) : (
        control
      )}
      {/* The error right under the input, before a hint however long (password rules): it is about the field. */}
      {error && (
        <p {...errorProps} id={errorId} role="alert">
          {error}
        </p>
      )}
      {hint && (
        <div {...hintProps} id={hintId}>
          {hint}
        </div>
      )}
    </div>
  );
}
