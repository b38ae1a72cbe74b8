import { useLocalization } from '../localization/useLocalization';
import { Field, type FieldProps } from './Field';

export interface CodeFieldProps extends Omit<FieldProps, 'name' | 'label' | 'type' | 'inputElement'> {
  name?: string;
  /** Defaults to t('fields.code'), "Verification code". */
  label?: string;
  /** Digits in the code; 6 for email and TOTP codes. */
  length?: number;
}

/**
 * ONE input for a numeric code, so paste, autofill (`one-time-code`) and
 * screen readers all see a single field; latch.css draws it as boxes.
 */
export function CodeField({ name = 'code', length = 6, label, onChange, ...props }: CodeFieldProps) {
  const { t } = useLocalization();
  return (
    <Field
      {...props}
      label={label ?? t('fields.code')}
      name={name}
      inputElement="otpInput"
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern={`[0-9]{${length}}`}
      maxLength={length}
      spellCheck={false}
      onChange={(value) => onChange(value.replace(/\D/g, '').slice(0, length))}
    />
  );
}

export type BackupCodeFieldProps = Omit<FieldProps, 'label' | 'type' | 'inputElement'>;

/** One of the printed backup codes: letters, digits and a dash, so no numeric keyboard, autocorrect or capitals. */
export function BackupCodeField(props: BackupCodeFieldProps) {
  const { t } = useLocalization();
  return <Field {...props} label={t('fields.backupCode')} autoComplete="off" autoCapitalize="none" spellCheck={false} />;
}
