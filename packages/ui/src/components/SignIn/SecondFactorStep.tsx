import { useState } from 'react';
import { useStepKit } from './stepKit';
import type { SecondFactorStrategy } from '@latch/protocol';

/** The second factor: a code from the authenticator app, or one of the backup codes. */
export function SecondFactorStep() {
  const { BackupCodeField, CodeField, codeProblem, Form, PrimaryButton, SecondaryButton, StepCard, useElement, useLocalization, useSignInFlow, useStepAction } = useStepKit();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const offered = flow.signIn.supportedSecondFactors.map((factor) => factor.strategy);
  const [strategy, setStrategy] = useState<SecondFactorStrategy>(offered.includes('totp') || offered.length === 0 ? 'totp' : 'backup_code');
  const [code, setCode] = useState('');
  const submit = useStepAction(['code']);
  const alternatives = useElement('alternativeMethods');
  const other: SecondFactorStrategy = strategy === 'totp' ? 'backup_code' : 'totp';

  const onSubmit = () =>
    submit.run(async () => flow.advance(await flow.signIn.attemptSecondFactor({ strategy, code: code.trim() })), {
      code: strategy === 'backup_code' ? (code.trim() ? null : t('errors.form_param_missing')) : codeProblem(code, t),
    });

  const switchTo = (next: SecondFactorStrategy) => {
    setStrategy(next);
    setCode('');
    submit.reset();
  };

  return (
    <StepCard
      title={t('signIn.secondFactor.title')}
      subtitle={t(strategy === 'totp' ? 'signIn.secondFactor.totpSubtitle' : 'signIn.secondFactor.backupCodeSubtitle')}
      focusKey={strategy}
      identityPreview
      alert={submit.alert}
    >
      <Form onSubmit={onSubmit}>
        {strategy === 'totp' ? (
          <CodeField key="totp" required value={code} onChange={setCode} error={submit.fieldError('code')} />
        ) : (
          <BackupCodeField key="backup_code" name="backupCode" required value={code} onChange={setCode} error={submit.fieldError('code')} />
        )}
        <PrimaryButton loading={submit.loading}>{t('formButtonPrimary')}</PrimaryButton>
      </Form>
      {offered.includes(other) && (
        <div {...alternatives}>
          <SecondaryButton element="alternativeMethodsButton" disabled={submit.loading} onClick={() => switchTo(other)}>
            {t(other === 'backup_code' ? 'signIn.secondFactor.useBackupCode' : 'signIn.secondFactor.useTotp')}
          </SecondaryButton>
        </div>
      )}
    </StepCard>
  );
}
