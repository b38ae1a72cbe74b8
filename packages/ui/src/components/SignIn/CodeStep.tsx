import { useState } from 'react';
import { Alternatives } from './slots';
import { useStepKit } from './stepKit';

/**
 * An emailed code as the first factor: signing in by email code, or the first
 * half of "forgot password" (`reset_password_email_code`, which leads to a
 * new password). The code was sent before this step showed.
 */
export function CodeStep({ strategy }: { strategy: 'email_code' | 'reset_password_email_code' }) {
  const { CodeField, codeProblem, Form, PrimaryButton, ResendCode, SecondaryButton, StepCard, offersFirstFactor, useElement, useLocalization, useSignInFlow, useStepAction } = useStepKit();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const { signIn } = flow;
  const [code, setCode] = useState('');
  const submit = useStepAction(['code']);
  const alternatives = useElement('alternativeMethods');
  const texts = strategy === 'email_code' ? ('signIn.emailCode' as const) : ('signIn.forgotPassword' as const);

  const onSubmit = () =>
    submit.run(async () => flow.advance(await signIn.attemptFirstFactor({ strategy, code })), { code: codeProblem(code, t) });

  return (
    <StepCard title={t(`${texts}.title`)} subtitle={t(`${texts}.subtitle`)} identityPreview alert={submit.alert}>
      <Form onSubmit={onSubmit}>
        <CodeField required value={code} onChange={setCode} error={submit.fieldError('code')} />
        <ResendCode
          send={() => signIn.prepareFirstFactor({ strategy })}
          sentAt={flow.codeSentAt}
          onSent={flow.markCodeSent}
          text={{ action: t('signIn.resend.action'), wait: (seconds) => t('signIn.resend.wait', { seconds }), sent: t('signIn.resend.sent') }}
          box="signInResendBox"
        />
        <PrimaryButton loading={submit.loading}>{t('formButtonPrimary')}</PrimaryButton>
      </Form>
      {offersFirstFactor(signIn, 'password') && (
        <div {...alternatives}>
          <SecondaryButton element="alternativeMethodsButton" disabled={submit.loading} onClick={() => flow.showStrategy('password')}>
            {t('signIn.emailCode.usePassword')}
          </SecondaryButton>
        </div>
      )}
      <Alternatives busy={submit.loading} />
    </StepCard>
  );
}
