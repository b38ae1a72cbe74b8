import { useId, useState } from 'react';
import type { User } from '@latch/react';
import { CodeField, Form, PrimaryButton, SecondaryButton, useAsyncAction, useElement, useLocalization } from '../../foundation';
import { useCopy } from './clipboard';
import { ActionButton, Panel, PanelActions, SectionStatus } from './parts';
import { QrCode } from './QrCode';

export interface TotpEnrollmentProps {
  user: User;
  /** What `user.createTOTP()` answered. */
  totp: { secret: string; uri: string };
  applicationName: string;
  /** TOTP is on; these backup codes (maybe none, if the instance has them off) are to be shown once. */
  onEnabled(backupCodes: string[]): void;
  onCancel(): void;
}

/**
 * Enrolment: the otpauth:// URI as a QR code, the same secret as text for
 * typing, and the first code from the app, which turns TOTP on.
 */
export function TotpEnrollment({ user, totp, applicationName, onEnabled, onCancel }: TotpEnrollmentProps) {
  const { t, errorMessage, fieldErrors } = useLocalization();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const verify = useAsyncAction();
  const { copy, message } = useCopy();

  const submit = async () => {
    const problem = code.length === 6 ? null : t('validation.codeLength', { count: 6 });
    setInvalid(problem);
    if (problem) return;
    const result = await verify.run(() => user.verifyTOTP({ code }));
    if (result) onEnabled(result.backupCodes);
  };
  const apiError = verify.error ? (fieldErrors(verify.error).code ?? errorMessage(verify.error)) : null;

  return (
    <Panel title={t('userProfile.twoStep.enrollTitle')} text={t('userProfile.twoStep.scan')} onCancel={onCancel}>
      <QrCode value={totp.uri} label={t('userProfile.twoStep.qrLabel', { applicationName })} />
      <SecretKey secret={totp.secret} />
      <PanelActions>
        <ActionButton onClick={() => copy(totp.secret)}>{t('userProfile.twoStep.copySecret')}</ActionButton>
      </PanelActions>
      <SectionStatus message={message} />
      <Form onSubmit={submit} aria-label={t('userProfile.twoStep.enrollTitle')}>
        <CodeField value={code} onChange={setCode} error={invalid ?? apiError} />
        <PanelActions>
          <PrimaryButton loading={verify.loading}>{t('formButtonPrimary')}</PrimaryButton>
          <SecondaryButton disabled={verify.loading} onClick={onCancel}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
      </Form>
    </Panel>
  );
}

/**
 * The key as a read-only field, labelled, selectable and read out like any
 * other value. A textarea, so the whole key stays in sight at any width: it
 * wraps between groups of four (authenticator apps ignore the spaces; Copy
 * copies the key without them).
 */
function SecretKey({ secret }: { secret: string }) {
  const { t } = useLocalization();
  const id = useId();
  const field = useElement('formField');
  const label = useElement('formFieldLabel');
  const text = useElement('secretText');
  return (
    <div {...field}>
      <label {...label} htmlFor={id}>
        {t('userProfile.twoStep.secretLabel')}
      </label>
      <textarea {...text} id={id} name="totpSecret" readOnly rows={2} autoComplete="off" spellCheck={false} value={groupsOfFour(secret)} />
    </div>
  );
}

export function groupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}
