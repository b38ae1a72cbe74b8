import { useRef, useState } from 'react';
import type { User } from '@latch/react';
import { Badge, useAsyncAction, useLocalization } from '../../foundation';
import { BackupCodes } from './BackupCodes';
import { ActionButton, Confirmation, ErrorAlert, PanelActions, Section, SectionStatus, SectionText, useFocusLater } from './parts';
import { useReverified } from './Reverification';
import { TotpEnrollment } from './TotpEnrollment';
import { useEnvironment } from './useEnvironment';

type Mode =
  | { kind: 'idle' }
  | { kind: 'enroll'; totp: { secret: string; uri: string } }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'confirmOff' }
  | { kind: 'confirmRegenerate' };

const idle: Mode = { kind: 'idle' };

/**
 * Two-step verification with an authenticator app: set it up (QR code,
 * secret, first code, then backup codes shown once), regenerate the backup
 * codes, or turn it off; the last two after a confirmation.
 */
export function TwoStepSection({ user }: { user: User }) {
  const { t } = useLocalization();
  const environment = useEnvironment();
  const [mode, setMode] = useState<Mode>(idle);
  const [status, setStatus] = useState<string | null>(null);
  const start = useAsyncAction();
  const reverified = useReverified();
  const heading = useRef<HTMLHeadingElement>(null);
  const setUpButton = useRef<HTMLButtonElement>(null);
  const regenerateButton = useRef<HTMLButtonElement>(null);
  const turnOffButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();

  const mfa = environment?.mfa;
  // Unknown before the client loads (server rendering): show the section, the server has the last word.
  const available = !mfa || (mfa.enabled && mfa.totp);
  if (!available && !user.totpEnabled) return null;
  const backupCodesOn = mfa?.backupCodes ?? true;
  const applicationName = environment?.applicationName ?? '';

  const open = (next: Mode) => {
    setStatus(null);
    start.reset();
    setMode(next);
  };
  const close = (focus: () => HTMLElement | null, message: string | null = null) => {
    setMode(idle);
    setStatus(message);
    focusLater(focus);
  };
  const enroll = async () => {
    setStatus(null);
    const totp = await start.run(() => reverified(() => user.createTOTP()));
    if (totp) setMode({ kind: 'enroll', totp });
  };
  const enabled = (codes: string[]) => {
    if (codes.length > 0) setMode({ kind: 'codes', codes });
    else close(() => heading.current, t('userProfile.twoStep.enabled'));
  };

  return (
    <Section title={t('userProfile.twoStep.title')} headingRef={heading}>
      <SectionText>
        {user.totpEnabled && <Badge>{t('userProfile.twoStep.on')}</Badge>}{' '}
        {t(user.totpEnabled ? 'userProfile.twoStep.onText' : 'userProfile.twoStep.offText')}
      </SectionText>
      {mode.kind === 'enroll' && (
        <TotpEnrollment
          user={user}
          totp={mode.totp}
          applicationName={applicationName}
          onEnabled={enabled}
          onCancel={() => close(() => setUpButton.current)}
        />
      )}
      {mode.kind === 'codes' && (
        <BackupCodes
          codes={mode.codes}
          applicationName={applicationName}
          onDone={() => close(() => heading.current, user.totpEnabled ? t('userProfile.twoStep.enabled') : null)}
        />
      )}
      {mode.kind === 'confirmRegenerate' && (
        <Confirmation
          title={t('userProfile.twoStep.regenerateTitle')}
          text={t('userProfile.twoStep.regenerateText')}
          confirmLabel={t('userProfile.twoStep.regenerateConfirm')}
          action={async () => setMode({ kind: 'codes', codes: (await reverified(() => user.createBackupCodes())).codes })}
          onCancel={() => close(() => regenerateButton.current)}
        />
      )}
      {mode.kind === 'confirmOff' && (
        <Confirmation
          title={t('userProfile.twoStep.turnOffTitle')}
          text={t('userProfile.twoStep.turnOffText')}
          confirmLabel={t('userProfile.twoStep.turnOff')}
          danger
          action={async () => {
            await reverified(() => user.disableTOTP());
            close(() => setUpButton.current ?? heading.current, t('userProfile.twoStep.turnedOff'));
          }}
          onCancel={() => close(() => turnOffButton.current)}
        />
      )}
      {mode.kind === 'idle' && (
        <PanelActions>
          {!user.totpEnabled && available && (
            <ActionButton buttonRef={setUpButton} loading={start.loading} onClick={enroll}>
              {t('userProfile.twoStep.setUp')}
            </ActionButton>
          )}
          {user.totpEnabled && backupCodesOn && (
            <ActionButton buttonRef={regenerateButton} onClick={() => open({ kind: 'confirmRegenerate' })}>
              {t('userProfile.twoStep.regenerate')}
            </ActionButton>
          )}
          {user.totpEnabled && (
            <ActionButton danger buttonRef={turnOffButton} onClick={() => open({ kind: 'confirmOff' })}>
              {t('userProfile.twoStep.turnOff')}
            </ActionButton>
          )}
        </PanelActions>
      )}
      <ErrorAlert error={start.error} />
      <SectionStatus message={status} />
    </Section>
  );
}
