import { useState } from 'react';
import type { OAuthStrategy } from '@latch/protocol';
import type { FlowRouter } from '../../foundation';
import { CallbackFailure, CallbackProgress } from '../../social/CallbackView';
import { rememberStrategy } from '../../social/lastUsed';
import { pendingStrategy } from '../../social/pendingStrategy';
import { SocialPart, useSocialKit } from '../../social/strings';
import { useRedirectCallback } from '../../social/useRedirectCallback';
import { useLeaveFor } from '../../social/useLeaveFor';
import type { planFields as PlanFields, SignUpFieldName, SignUpValues } from './fields';
import type { SignUpKit } from './kit';
import type { signUpSteps as SignUpSteps } from './steps';

export interface SocialStepProps {
  kit: SignUpKit;
  step: 'sso-callback' | 'continue';
  router: FlowRouter;
  afterSignUpUrl: string | undefined;
  signInUrl: string;
  callbackUrl(): string;
  /**
   * SignUp's own field plan and step names, handed over rather than imported:
   * what an on-demand chunk imports from the component's modules, esbuild
   * (and so the size budget) counts as loaded up front by every app.
   */
  planFields: typeof PlanFields;
  steps: typeof SignUpSteps;
}

/**
 * SignUp's social steps, loaded on demand: the page the provider sends the
 * browser back to, and "Create your account" for what the provider did not
 * give (a username the instance requires, names).
 */
export default function SocialSteps(props: SocialStepProps) {
  return (
    <SocialPart kit={props.kit}>
      {props.step === 'sso-callback' ? <Callback {...props} /> : <Continue {...props} />}
    </SocialPart>
  );
}

function useFinish(afterSignUpUrl: string | undefined) {
  const { useLeaveAfterAuth, useSignUp } = useSocialKit<SignUpKit>();
  const { setActive } = useSignUp();
  const leave = useLeaveAfterAuth(afterSignUpUrl);
  return async (sessionId: string | null) => {
    if (!sessionId) return;
    await setActive({ session: sessionId });
    leave();
  };
}

/**
 * Signed up (or, an account already used this provider, signed in): leave.
 * Fields still missing: "Create your account". The provider's email is an
 * existing account's, or that account has a second factor: the sign-in page
 * takes over, at that step whatever its routing.
 */
function Callback({ router, afterSignUpUrl, signInUrl, callbackUrl, steps: signUpSteps }: SocialStepProps) {
  const { Card, Header, Main, useAsyncAction, useLatch, useLocalization, useNavigate, useSignUp } = useSocialKit<SignUpKit>();
  const { t } = useLocalization();
  const { signUp } = useSignUp();
  const navigate = useNavigate();
  const finish = useFinish(afterSignUpUrl);
  const retry = useAsyncAction();
  const leaveFor = useLeaveFor();
  const strategy = pendingStrategy() as OAuthStrategy | null;
  const callback = useRedirectCallback(async (result) => {
    if (strategy) rememberStrategy(strategy);
    if (result.status === 'complete') await finish(result.createdSessionId);
    else if (result.status === 'missing_requirements') router.navigate(signUpSteps.continue, { replace: true });
    else navigate(signInUrl);
  });
  const applicationName = useLatch().environment?.applicationName;
  return (
    <Card applicationName={applicationName}>
      <Header
        focusKey={callback.error ? 'error' : 'progress'}
        title={t(callback.error ? 'social.callback.errorTitle' : 'social.callback.title')}
        subtitle={callback.error ? undefined : t('social.callback.subtitle')}
        applicationName={applicationName}
      />
      <Main>
        {callback.error ? (
          <CallbackFailure
            error={retry.error ?? callback.error}
            retrying={retry.loading}
            onResend={() => retry.run(callback.resend)}
            onRestart={strategy ? () => retry.run(() => signUp.authenticateWithRedirect({ strategy, redirectUrl: callbackUrl(), navigate: leaveFor })) : undefined}
            onBack={() => router.navigate(signUpSteps.start)}
            backLabel={t('social.callback.backToSignUp')}
          />
        ) : (
          <CallbackProgress />
        )}
      </Main>
    </Card>
  );
}

const autoComplete: Partial<Record<SignUpFieldName, string>> = { firstName: 'given-name', lastName: 'family-name', username: 'username' };

/** The fields a social sign-up still lacks; then signed in, or (an email the provider did not vouch for) its code. */
function Continue({ router, afterSignUpUrl, signInUrl, planFields, steps: signUpSteps }: SocialStepProps) {
  const { Alert, Card, Field, FooterAction, Form, Header, Main, PrimaryButton, useLatch, useLayout, useLocalization, useSignUp, useStepAction } =
    useSocialKit<SignUpKit>();
  const { t } = useLocalization();
  const layout = useLayout();
  const { signUp } = useSignUp();
  const environment = useLatch().environment;
  const finish = useFinish(afterSignUpUrl);
  const missing = environment ? planFields(environment, layout).filter(({ name }) => name !== 'password' && signUp?.missingFields.includes(name)) : [];
  const action = useStepAction(missing.map(({ name }) => name));
  const [values, setValues] = useState<SignUpValues>({ firstName: '', lastName: '', username: '', emailAddress: '', password: '' });
  const providerId = signUp?.verifications.externalAccount?.strategy.replace(/^oauth_/, '');
  const provider = environment?.oauthProviders?.find((p) => p.id === providerId)?.name ?? providerId ?? '';
  const applicationName = environment?.applicationName;

  const submit = () => {
    const problems = Object.fromEntries(missing.map(({ name }) => [name, values[name].trim() ? null : t('errors.form_param_missing')]));
    return action.run(async () => {
      const body = Object.fromEntries(missing.map(({ name }) => [name, values[name].trim()]));
      const updated = await signUp.update(body);
      if (updated.status === 'complete') return finish(updated.createdSessionId);
      if (updated.unverifiedFields.includes('emailAddress')) {
        await updated.prepareEmailAddressVerification({ strategy: 'email_code' });
        router.navigate(signUpSteps.verify);
      }
    }, problems);
  };

  return (
    <Card applicationName={applicationName}>
      <Header
        focusKey="continue"
        autoFocus
        title={t('social.transfer.signUpTitle')}
        subtitle={t('social.transfer.signUpText', { provider })}
        applicationName={applicationName}
      />
      <Main>
        <Form onSubmit={submit}>
          {action.alert && <Alert>{action.alert}</Alert>}
          {missing.map(({ name }) => (
            <Field
              key={name}
              name={name}
              label={t(`fields.${name}`)}
              value={values[name]}
              onChange={(value) => {
                setValues({ ...values, [name]: value });
                action.clearFieldError(name);
              }}
              error={action.fieldError(name)}
              required
              autoComplete={autoComplete[name]}
              spellCheck={false}
            />
          ))}
          <PrimaryButton loading={action.loading}>{t('formButtonPrimary')}</PrimaryButton>
        </Form>
      </Main>
      <FooterAction text={t('signUp.start.footerText')} actionText={t('signUp.start.footerAction')} href={signInUrl} />
    </Card>
  );
}
