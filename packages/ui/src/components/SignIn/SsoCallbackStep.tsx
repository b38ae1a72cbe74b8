import type { OAuthStrategy } from '@latch/protocol';
import { CallbackProgress, CallbackFailure } from '../../social/CallbackView';
import { rememberStrategy } from '../../social/lastUsed';
import { pendingStrategy } from '../../social/pendingStrategy';
import { SocialPart, useSocialKit } from '../../social/strings';
import { useRedirectCallback } from '../../social/useRedirectCallback';
import { useLeaveFor } from '../../social/useLeaveFor';
import type { SignInKit } from './kit';

/**
 * The page a provider sends the browser back to (loaded on demand): sends its
 * answer to the API with a spinner showing, then moves on. Signed in: leave
 * as any sign-in does. A second factor, or (when the provider's email is an
 * existing account's) that account's own first factor: those steps. An
 * account still to create: on to the sign-up page, which asks for what is
 * missing. A refusal: what went wrong, "Try again" and "Back to sign in".
 */
export default function SsoCallbackStep({ kit }: { kit: SignInKit }) {
  return (
    <SocialPart kit={kit}>
      <Step />
    </SocialPart>
  );
}

function Step() {
  const { StepCard, useAsyncAction, useLocalization, useNavigate, useSignIn, useSignInFlow } = useSocialKit<SignInKit>();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const navigate = useNavigate();
  const { signIn } = useSignIn();
  const retry = useAsyncAction();
  const leaveFor = useLeaveFor();
  const strategy = pendingStrategy() as OAuthStrategy | null;
  const callback = useRedirectCallback(async (result) => {
    if (strategy) rememberStrategy(strategy);
    if (result.status === 'complete') {
      if (result.createdSessionId) await flow.activate(result.createdSessionId);
    } else if (result.status === 'needs_second_factor') flow.go('factor-two');
    else if (result.status === 'needs_first_factor') flow.go('factor-one');
    else navigate(flow.signUpUrl);
  });

  if (!callback.error) {
    return (
      <StepCard title={t('social.callback.title')} subtitle={t('social.callback.subtitle')}>
        <CallbackProgress />
      </StepCard>
    );
  }
  return (
    <StepCard title={t('social.callback.errorTitle')}>
      <CallbackFailure
        error={retry.error ?? callback.error}
        retrying={retry.loading}
        onResend={() => retry.run(callback.resend)}
        onRestart={strategy ? () => retry.run(() => signIn.authenticateWithRedirect({ strategy, redirectUrl: flow.callbackUrl(), navigate: leaveFor })) : undefined}
        onBack={() => flow.go('start')}
        backLabel={t('social.callback.back')}
      />
    </StepCard>
  );
}
