import { useEffect, useRef } from 'react';
import { useElement } from '../appearance/useElement';
import { useLocalization } from '../localization/useLocalization';
import { Field, type FieldProps } from './Field';

export interface CodeFieldProps extends Omit<FieldProps, 'name' | 'label' | 'type' | 'inputElement' | 'renderControl' | 'inputRef'> {
  name?: string;
  /** Defaults to t('fields.code'), "Verification code". */
  label?: string;
  /** Digits in the code; 6 for email and TOTP codes. */
  length?: number;
  /**
   * Submit the form once the person has typed or pasted every digit, as bank
   * apps do (default true). Only their own input does it: a value set by the
   * app, or one left complete after an error, waits for Enter or the button.
   */
  submitWhenComplete?: boolean;
}

/**
 * ONE input for a numeric code, so paste, autofill (`one-time-code`) and
 * screen readers all see a single field. Boxes drawn behind it show the
 * digits; the input over them is transparent and takes every keystroke,
 * so the boxes are decoration only (aria-hidden).
 */
export function CodeField({ name = 'code', length = 6, label, onChange, value, submitWhenComplete = true, ...props }: CodeFieldProps) {
  const { t } = useLocalization();
  const inputRef = useRef<HTMLInputElement>(null);
  const completedByTyping = useRef(false);
  const fieldProps = useElement('otpField', { error: !!props.error });
  const digits = value.split('');

  // After the render that shows the last digit, so the form submits the code as it now stands.
  useEffect(() => {
    if (!completedByTyping.current) return;
    completedByTyping.current = false;
    if (value.length === length) inputRef.current?.form?.requestSubmit();
  }, [value, length]);

  return (
    <Field
      {...props}
      value={value}
      label={label ?? t('fields.code')}
      name={name}
      inputElement="otpInput"
      inputRef={inputRef}
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern={`[0-9]{${length}}`}
      // No maxLength: a pasted "123 456" or "123-456" would be cut short before the dash is dropped.
      spellCheck={false}
      onChange={(next) => {
        const code = next.replace(/\D/g, '').slice(0, length);
        completedByTyping.current = submitWhenComplete && code.length === length && code !== value;
        onChange(code);
      }}
      renderControl={(input) => (
        <div {...fieldProps} style={{ ['--_cells' as string]: length, ...fieldProps.style }}>
          {Array.from({ length }, (_, index) => (
            <CodeBox key={index} digit={digits[index]} current={index === Math.min(value.length, length - 1)} />
          ))}
          {input}
        </div>
      )}
    />
  );
}

function CodeBox({ digit, current }: { digit?: string; current: boolean }) {
  const box = useElement('otpBox', { active: current });
  return (
    <span {...box} aria-hidden="true">
      {digit}
    </span>
  );
}

export type BackupCodeFieldProps = Omit<FieldProps, 'label' | 'type' | 'inputElement'>;

/** One of the printed backup codes: letters, digits and a dash, so no numeric keyboard, autocorrect or capitals. */
export function BackupCodeField(props: BackupCodeFieldProps) {
  const { t } = useLocalization();
  return <Field {...props} label={t('fields.backupCode')} autoComplete="off" autoCapitalize="none" spellCheck={false} />;
}
