import { useState } from 'react';
import { useStepKit } from './stepKit';

/** The end of "forgot password": the new password, twice, and whether to sign out everywhere else. */
export function ResetPasswordStep() {
  const { AccountUsername, Checkbox, Form, PasswordField, PrimaryButton, StepCard, useLocalization, useSignInFlow, useStepAction } = useStepKit();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // On by default: whoever knew the old password may still be signed in somewhere.
  const [signOutOfOtherSessions, setSignOutOfOtherSessions] = useState(true);
  const submit = useStepAction(['password']);

  const onSubmit = () =>
    submit.run(async () => flow.advance(await flow.signIn.resetPassword({ password, signOutOfOtherSessions })), {
      password: password ? null : t('errors.form_param_missing'),
      confirmPassword: !password || confirmation === password ? null : t('validation.passwordsDoNotMatch'),
    });

  return (
    <StepCard title={t('signIn.resetPassword.title')} subtitle={t('signIn.resetPassword.subtitle')} identityPreview alert={submit.alert}>
      <Form onSubmit={onSubmit}>
        <AccountUsername />
        <PasswordField
          name="password"
          label={t('fields.newPassword')}
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
          error={submit.fieldError('password')}
        />
        <PasswordField
          name="confirmPassword"
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={setConfirmation}
          error={submit.fieldError('confirmPassword')}
        />
        <Checkbox
          name="signOutOfOtherSessions"
          label={t('signIn.resetPassword.signOutOfOtherSessions')}
          checked={signOutOfOtherSessions}
          onChange={setSignOutOfOtherSessions}
        />
        <PrimaryButton loading={submit.loading}>{t('formButtonPrimary')}</PrimaryButton>
      </Form>
    </StepCard>
  );
}
