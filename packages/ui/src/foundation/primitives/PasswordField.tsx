import { useState } from 'react';
import { useElement } from '../appearance/useElement';
import { useLocalization } from '../localization/useLocalization';
import { Field, type FieldProps } from './Field';

export type PasswordFieldProps = Omit<FieldProps, 'type' | 'trailing'>;

/**
 * A password input with a show/hide toggle. The toggle keeps one name ("Show
 * password") and reports its state with aria-pressed, as a toggle button should.
 */
export function PasswordField({ autoComplete = 'current-password', ...props }: PasswordFieldProps) {
  const { t } = useLocalization();
  const [visible, setVisible] = useState(false);
  const toggle = (
    <button
      {...useElement('passwordToggle', { active: visible })}
      type="button"
      aria-label={t('showPassword')}
      aria-pressed={visible}
      title={visible ? t('hidePassword') : t('showPassword')}
      onClick={() => setVisible((v) => !v)}
    >
      <EyeIcon crossed={visible} />
    </button>
  );
  return <Field {...props} type={visible ? 'text' : 'password'} autoComplete={autoComplete} trailing={toggle} />;
}

/** Decorative; the button's aria-label names it. */
function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
      {crossed && <path d="M3 3l18 18" />}
    </svg>
  );
}
