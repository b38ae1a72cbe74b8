import type { EnvironmentJSON } from '@latch/protocol';
import { Field, FooterAction, Form, PrimaryButton, useLocalization, useStepAction, type Localization } from '../../foundation';
import { useSignInFlow } from './context';
import { Prefetch, StartSlot } from './Extra';
import { StepCard } from './StepCard';
import { offersFirstFactor } from './steps';

/** "Email address", "Username" or "Email address or username", from what the instance accepts. */
function identifierLabel({ identifiers }: EnvironmentJSON, t: Localization['t']): string {
  if (identifiers.username && identifiers.emailAddress) return t('signIn.start.emailOrUsername');
  return identifiers.username ? t('fields.username') : t('fields.emailAddress');
}

/** The first step: who is signing in. */
export function StartStep() {
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const { environment, signIn, identifier } = flow;
  const action = useStepAction(['identifier']);
  const label = identifierLabel(environment, t);
  const emailOnly = !environment.identifiers.username;

  const submit = () =>
    action.run(
      async () => {
        const result = await signIn.create({ identifier: identifier.trim() });
        if (result.status !== 'needs_first_factor') return flow.advance(result);
        // The password when the account has one; otherwise a code is on its way before the step shows,
        // or (an instance that sends links only) the link step, which sends it.
        if (offersFirstFactor(result, 'password')) return flow.showStrategy('password');
        if (!offersFirstFactor(result, 'email_code')) return flow.showStrategy(offersFirstFactor(result, 'email_link') ? 'email_link' : 'password');
        await signIn.prepareFirstFactor({ strategy: 'email_code' });
        flow.showStrategy('email_code', { codeSent: true });
      },
      { identifier: identifier.trim() ? null : t('errors.form_param_missing') },
    );

  const footer = environment.signUp.enabled ? (
    <FooterAction text={t('signIn.start.signUpText')} actionText={t('signIn.start.signUpAction')} href={flow.signUpUrl} />
  ) : undefined;

  return (
    <StepCard
      title={t('signIn.start.title')}
      subtitle={t('signIn.start.subtitle', { applicationName: environment.applicationName })}
      alert={action.alert}
      footer={footer}
    >
      <StartSlot at="top" />
      <Form onSubmit={submit}>
        <Field
          name="identifier"
          label={label}
          type={emailOnly ? 'email' : 'text'}
          inputMode={emailOnly ? 'email' : undefined}
          // "webauthn": the browser lists this site's passkeys among the field's suggestions.
          autoComplete={environment.firstFactors.passkey ? 'username webauthn' : 'username'}
          autoCapitalize="none"
          spellCheck={false}
          required
          value={identifier}
          onChange={flow.setIdentifier}
          error={action.fieldError('identifier')}
        />
        <PrimaryButton loading={action.loading}>{t('formButtonPrimary')}</PrimaryButton>
      </Form>
      <StartSlot at="bottom" busy={action.loading} />
      <Prefetch />
    </StepCard>
  );
}
