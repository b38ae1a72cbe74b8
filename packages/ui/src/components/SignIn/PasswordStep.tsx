import { useState } from 'react';
import { Alternatives } from './slots';
import { useStepKit } from './stepKit';

type CodeStrategy = 'email_code' | 'reset_password_email_code';

/** The password, with "Forgot password?" and "Use another method" (an email code). */
export function PasswordStep() {
  const { AccountUsername, Form, LinkButton, PasswordField, PrimaryButton, SecondaryButton, StepCard, offersFirstFactor, useElement, useLocalization, useSignInFlow, useStepAction } = useStepKit();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const { environment, signIn } = flow;
  const [password, setPassword] = useState('');
  const submit = useStepAction(['password']);
  const other = useStepAction([]);
  const [sending, setSending] = useState<CodeStrategy | null>(null);
  const alternatives = useElement('alternativeMethods');

  const onSubmit = () =>
    submit.run(async () => flow.advance(await signIn.attemptFirstFactor({ strategy: 'password', password })), {
      password: password ? null : t('errors.form_param_missing'),
    });

  /** Sends a code, then shows the step that takes it. */
  const sendCode = (strategy: CodeStrategy) => {
    if (submit.loading) return;
    setSending(strategy);
    void other.run(async () => {
      await signIn.prepareFirstFactor({ strategy });
      flow.showStrategy(strategy, { codeSent: true });
    });
  };

  const busy = submit.loading || other.loading;
  const forgot = offersFirstFactor(signIn, 'reset_password_email_code') && (
    <LinkButton loading={other.loading && sending === 'reset_password_email_code'} disabled={busy} onClick={() => sendCode('reset_password_email_code')}>
      {t('signIn.password.forgotPassword')}
    </LinkButton>
  );

  return (
    <StepCard
      title={t('signIn.password.title')}
      subtitle={t('signIn.password.subtitle', { applicationName: environment.applicationName })}
      identityPreview
      alert={submit.alert ?? other.alert}
    >
      <Form onSubmit={onSubmit}>
        <AccountUsername />
        <PasswordField
          name="password"
          label={t('fields.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={submit.fieldError('password')}
          action={forgot || undefined}
        />
        <PrimaryButton loading={submit.loading} disabled={other.loading}>
          {t('formButtonPrimary')}
        </PrimaryButton>
      </Form>
      {offersFirstFactor(signIn, 'email_code') && (
        <div {...alternatives}>
          <SecondaryButton
            element="alternativeMethodsButton"
            loading={other.loading && sending === 'email_code'}
            disabled={busy}
            onClick={() => sendCode('email_code')}
          >
            {t('signIn.password.useAnotherMethod')}
          </SecondaryButton>
        </div>
      )}
      <Alternatives busy={busy} />
    </StepCard>
  );
}
