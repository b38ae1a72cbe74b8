import { lazy, Suspense, useState } from 'react';
import { Limits } from '@latch/protocol';
import type { EmailAddress, User } from '@latch/react';
import { CodeField, Field, Form, PrimaryButton, SecondaryButton, Spinner, useAsyncAction, useLocalization } from '../../foundation';
import { ActionButton, ErrorAlert, Panel, PanelActions, SectionStatus } from './parts';
import { profileKit } from './profileKit';
import { useReverified } from './Reverification';

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Verifying by emailed link loads on demand.
const LinkPanel = /* @__PURE__ */ lazy(() => import('../EmailLink/userProfile').then((m) => ({ default: m.ProfileLinkPanel })));

export interface AddEmailAddressProps {
  user: User;
  /** The address is verified by link, which the next panel sends: no code now. */
  byLink: boolean;
  /** The address exists; its code was sent, unless `sendError` says why not (shown on the code step). */
  onAdded(id: string, sendError?: unknown): void;
  onCancel(): void;
}

/** "Add an email address": the address, then Continue creates it and emails its code. */
export function AddEmailAddress({ user, byLink, onAdded, onCancel }: AddEmailAddressProps) {
  const { t, fieldErrors } = useLocalization();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const add = useAsyncAction();
  const reverified = useReverified();
  const apiError = fieldErrors(add.error).emailAddress;

  const submit = async () => {
    const emailAddress = value.trim();
    const problem = !emailAddress
      ? t('validation.required', { field: t('fields.emailAddress') })
      : emailShape.test(emailAddress)
        ? null
        : t('validation.emailInvalid');
    setInvalid(problem);
    if (problem) return;
    const added = await add.run(async () => {
      const created = await reverified(() => user.createEmailAddress({ emailAddress }));
      // The address now exists, so a failed send must not look like a failed add: the code step shows it.
      let sendError: unknown;
      if (!byLink) await created.prepareVerification().catch((e: unknown) => (sendError = e));
      return { id: created.id, sendError };
    });
    if (added) onAdded(added.id, added.sendError);
  };

  return (
    <Panel title={t('userProfile.emailAddresses.addTitle')} onCancel={onCancel} focusTitle={false}>
      <Form onSubmit={submit} aria-label={t('userProfile.emailAddresses.addTitle')}>
        <Field
          name="emailAddress"
          type="email"
          label={t('fields.emailAddress')}
          autoComplete="email"
          autoFocus
          required
          value={value}
          onChange={setValue}
          hint={t(byLink ? 'userProfile.emailAddresses.addHintLink' : 'userProfile.emailAddresses.addHint')}
          error={invalid ?? apiError}
        />
        {!apiError && <ErrorAlert error={add.error} />}
        <PanelActions>
          <PrimaryButton loading={add.loading}>{t('formButtonPrimary')}</PrimaryButton>
          <SecondaryButton disabled={add.loading} onClick={onCancel}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
      </Form>
    </Panel>
  );
}

export interface VerifyEmailAddressProps {
  email: EmailAddress;
  /** By emailed link rather than by code. */
  byLink: boolean;
  /** The instance offers both: switch between code and link (the panel sends what it needs). */
  onSwitch?(byLink: boolean): void;
  /** Why the first code was not sent, if it was not. */
  initialError?: unknown;
  onVerified(): void;
  onCancel(): void;
}

/** The code step (the code emailed to the address, with a resend), or the link panel. */
export function VerifyEmailAddress({ byLink, onSwitch, ...props }: VerifyEmailAddressProps) {
  if (!byLink) return <VerifyByCode {...props} onUseLink={onSwitch && (() => onSwitch(true))} />;
  return (
    <Suspense fallback={<Spinner />}>
      <LinkPanel kit={profileKit} email={props.email} onVerified={props.onVerified} onCancel={props.onCancel} onUseCode={onSwitch && (() => onSwitch(false))} />
    </Suspense>
  );
}

function VerifyByCode({ email, initialError, onVerified, onCancel, onUseLink }: Omit<VerifyEmailAddressProps, 'byLink' | 'onSwitch'> & { onUseLink?(): void }) {
  const { t, errorMessage } = useLocalization();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const verify = useAsyncAction();
  const resend = useAsyncAction();
  const emailAddress = email.emailAddress;
  const length = Limits.emailCodeLength;
  const [sendError, setSendError] = useState(initialError);
  const failure = verify.error ?? resend.error ?? sendError;

  const submit = async () => {
    setResent(null);
    const problem = code.length === length ? null : t('validation.codeLength', { count: length });
    setInvalid(problem);
    if (problem) return;
    const verified = await verify.run(() => email.attemptVerification({ code }));
    if (verified?.isVerified) onVerified();
  };
  const sendAgain = async () => {
    setResent(null);
    setSendError(undefined);
    verify.reset();
    setCode('');
    if (await resend.run(() => email.prepareVerification())) setResent(t('userProfile.emailAddresses.resent', { emailAddress }));
  };

  return (
    <Panel title={t('userProfile.emailAddresses.verifyTitle', { emailAddress })} onCancel={onCancel} focusTitle={false}>
      <Form onSubmit={submit} aria-label={t('userProfile.emailAddresses.verifyTitle', { emailAddress })}>
        <CodeField
          autoFocus
          length={length}
          value={code}
          onChange={setCode}
          hint={t('userProfile.emailAddresses.codeSent', { emailAddress })}
          error={invalid ?? (failure ? errorMessage(failure) : null)}
        />
        <PanelActions>
          <PrimaryButton loading={verify.loading}>{t('formButtonPrimary')}</PrimaryButton>
          <ActionButton loading={resend.loading} onClick={sendAgain}>
            {t('userProfile.emailAddresses.resend')}
          </ActionButton>
          {onUseLink && <ActionButton onClick={onUseLink}>{t('userProfile.emailAddresses.useLink')}</ActionButton>}
          <SecondaryButton disabled={verify.loading} onClick={onCancel}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
        <SectionStatus message={resent} />
      </Form>
    </Panel>
  );
}
