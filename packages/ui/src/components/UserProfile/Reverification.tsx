import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { ReverificationAttemptBody, ReverificationStrategy } from '@latch/protocol';
import { isReverificationError, useSession, useUser } from '@latch/react';
import {
  Alert,
  BackupCodeField,
  CodeField,
  Form,
  PasswordField,
  PrimaryButton,
  SecondaryButton,
  useCommitEffect,
  useElement,
  useLocalization,
  useStepAction,
} from '../../foundation';
import { Panel, PanelActions } from './parts';

/** Runs a sensitive action; if the server asks the user to confirm it's them first, asks, then runs it again. */
export type Reverified = <T>(action: () => Promise<T>) => Promise<T>;

const ReverificationContext = /* @__PURE__ */ createContext<Reverified>((action) => action());

/** `reverified(() => user.delete())` in any profile section: the one confirmation step every sensitive action shares. */
export function useReverified(): Reverified {
  return useContext(ReverificationContext);
}

interface Pending {
  strategies: ReverificationStrategy[];
  opener: HTMLElement | null;
  done(verified: boolean): void;
}

/**
 * Around a profile page. While a confirmation is pending the page stays
 * mounted but hidden, so Cancel (or success) returns to exactly where the
 * user was, half-filled forms included; focus goes back to what started it.
 * On Cancel the action fails with the server's `reverification_required`.
 */
export function ReverificationBoundary({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const stepProps = useElement('profileReverification');
  const returnTo = useRef<HTMLElement | null>(null);
  useCommitEffect(() => {
    const target = returnTo.current;
    returnTo.current = null;
    if (!pending && target) focusWhenEnabled(target);
  }, [pending]);

  const reverified = useCallback<Reverified>(async (action) => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    try {
      return await action();
    } catch (error) {
      if (!isReverificationError(error)) throw error;
      const verified = await new Promise<boolean>((done) => setPending({ strategies: error.strategies ?? [], opener, done }));
      if (!verified) throw error;
      return action();
    }
  }, []);

  const close = (verified: boolean) => {
    returnTo.current = pending?.opener ?? null;
    pending?.done(verified);
    setPending(null);
  };

  return (
    <ReverificationContext.Provider value={reverified}>
      <div hidden={pending !== null}>{children}</div>
      {pending && (
        <div {...stepProps}>
          <ReverificationStep strategies={pending.strategies} onVerified={() => close(true)} onCancel={() => close(false)} />
        </div>
      )}
    </ReverificationContext.Provider>
  );
}

interface StepProps {
  strategies: ReverificationStrategy[];
  onVerified(): void;
  onCancel(): void;
}

/** What each strategy asks for: the sign-in's own words where they fit. */
const textKeys = {
  password: 'userProfile.reverification.passwordText',
  totp: 'signIn.secondFactor.totpSubtitle',
  backup_code: 'signIn.secondFactor.backupCodeSubtitle',
  email_code: 'signIn.emailCode.subtitle',
} as const;

/** "Confirm it's you": the password, a TOTP or backup code, or a code emailed to the primary address. */
function ReverificationStep({ strategies, onVerified, onCancel }: StepProps) {
  const { t } = useLocalization();
  const { session } = useSession();
  const { user } = useUser();
  const [strategy, setStrategy] = useState<ReverificationStrategy | undefined>(strategies[0]);
  const [value, setValue] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useStepAction(['password', 'code']);
  const awaitingSend = strategy === 'email_code' && !sent;
  const other = strategy === 'totp' ? 'backup_code' : strategy === 'backup_code' ? 'totp' : null;
  const field = strategy === 'password' ? 'password' : 'code';
  const emailAddress = maskEmail(user?.primaryEmailAddress?.emailAddress ?? '');
  const text = !strategy
    ? t('userProfile.reverification.unavailableText')
    : t(awaitingSend ? 'userProfile.reverification.sendText' : textKeys[strategy], { emailAddress });

  const onSubmit = async () => {
    if (!session || !strategy) return;
    if (awaitingSend) {
      if ((await submit.run(() => session.prepareReverification({ strategy: 'email_code' }))) === 'done') setSent(true);
      return;
    }
    const answer = value.trim();
    const body = (strategy === 'password' ? { strategy, password: value } : { strategy, code: answer }) as ReverificationAttemptBody;
    const missing = answer ? null : t('errors.form_param_missing');
    if ((await submit.run(() => session.reverify(body), { [field]: missing })) === 'done') onVerified();
  };
  const switchTo = (next: ReverificationStrategy) => {
    setStrategy(next);
    setValue('');
    submit.reset();
  };

  const title = t('userProfile.reverification.title');
  return (
    <Panel title={title} text={text} onCancel={onCancel} headingLevel={2}>
      <Form onSubmit={onSubmit} aria-label={title}>
        {strategy === 'password' && (
          <PasswordField name="password" label={t('fields.password')} required value={value} onChange={setValue} error={submit.fieldError('password')} />
        )}
        {(strategy === 'totp' || (strategy === 'email_code' && sent)) && (
          <CodeField required value={value} onChange={setValue} error={submit.fieldError('code')} />
        )}
        {strategy === 'backup_code' && (
          <BackupCodeField name="code" required value={value} onChange={setValue} error={submit.fieldError('code')} />
        )}
        {submit.alert && <Alert>{submit.alert}</Alert>}
        <PanelActions>
          {strategy && (
            <PrimaryButton loading={submit.loading}>{t(awaitingSend ? 'userProfile.reverification.send' : 'formButtonPrimary')}</PrimaryButton>
          )}
          {other && strategies.includes(other) && (
            <SecondaryButton disabled={submit.loading} onClick={() => switchTo(other)}>
              {t(other === 'backup_code' ? 'signIn.secondFactor.useBackupCode' : 'signIn.secondFactor.useTotp')}
            </SecondaryButton>
          )}
          <SecondaryButton disabled={submit.loading} onClick={onCancel}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
      </Form>
    </Panel>
  );
}

/** The opener is usually a button that is busy (disabled) until the action it started has settled. */
function focusWhenEnabled(target: HTMLElement): void {
  if (!target.matches(':disabled')) return target.focus();
  const observer = new MutationObserver(() => {
    if (target.matches(':disabled')) return;
    observer.disconnect();
    target.focus();
  });
  observer.observe(target, { attributes: true, attributeFilter: ['disabled'] });
}

/** "a***@example.com": enough to recognise one's own address on a shared screen. */
function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : address;
}
