import { useState } from 'react';
import type { SignInKit } from '../SignIn/kit';
import { EmailLinkRoot, ResendLink, useLinkKit, verifyPageUrl, WaitingStatus } from './EmailLinkRoot';
import { useLinkWait } from './useLinkWait';
import { VerifyLink } from './VerifyLink';

/**
 * <SignIn/>'s parts for email links, loaded on demand: the "check your
 * email" step of the tab that asked for the link, and the page the link opens.
 */

/**
 * Emails the link as it shows, then waits: the client polls the attempt and
 * hears from this browser's other tabs, so the step moves on by itself once
 * the link is opened, here or on another device (no reload). Resend, another
 * method, or cancel back to the start.
 */
export function SignInLinkStep({ kit }: { kit: SignInKit }) {
  return (
    <EmailLinkRoot kit={kit}>
      <Waiting />
    </EmailLinkRoot>
  );
}

function Waiting() {
  const kit = useLinkKit<SignInKit>();
  const { SecondaryButton, StepCard, offersFirstFactor, shownIdentifier, useElement, useLocalization, useSignInFlow, useStepAction } = kit;
  const flow = useSignInFlow();
  const { t, errorMessage } = useLocalization();
  const { signIn } = flow;
  const [notice, setNotice] = useState<string | null>(null);
  const other = useStepAction([]);
  const alternatives = useElement('alternativeMethods');

  const wait = useLinkWait(
    () => {
      const linkFlow = signIn.createEmailLinkFlow();
      return { ...linkFlow, start: (resume) => linkFlow.startEmailLinkFlow({ redirectUrl: verifyPageUrl(kit, flow.routing, flow.path), resume }) };
    },
    (result) => {
      if (result.status === 'complete' || result.status === 'needs_second_factor') {
        void other.run(() => flow.advance(result));
        return;
      }
      // Opened in another browser that finished there (the instance allows it), or out of date.
      const opened = result.firstFactorVerification?.status === 'verified';
      setNotice(t(opened ? 'errors.email_link_client_mismatch' : 'emailLink.waiting.expired'));
    },
  );

  const alternative = offersFirstFactor(signIn, 'password') ? 'password' : offersFirstFactor(signIn, 'email_code') ? 'email_code' : null;
  const switchMethod = () =>
    other.run(async () => {
      wait.cancel();
      if (alternative !== 'email_code') return flow.showStrategy('password');
      await signIn.prepareFirstFactor({ strategy: 'email_code' });
      flow.showStrategy('email_code', { codeSent: true });
    });
  const cancel = () => {
    wait.cancel();
    flow.go('start');
  };

  const failure = notice ?? other.alert ?? (wait.error ? errorMessage(wait.error) : null);
  return (
    <StepCard
      title={t('emailLink.waiting.title')}
      subtitle={t('emailLink.waiting.signInText', { emailAddress: shownIdentifier(flow) })}
      identityPreview
      alert={failure}
    >
      {!failure && <WaitingStatus />}
      <ResendLink
        wait={wait}
        onResend={() => {
          setNotice(null);
          other.reset();
        }}
        box="signInResendBox"
      />
      <div {...alternatives}>
        {alternative && (
          <SecondaryButton element="alternativeMethodsButton" loading={other.loading} onClick={() => void switchMethod()}>
            {t('emailLink.waiting.useAnotherMethod')}
          </SecondaryButton>
        )}
        <SecondaryButton element="alternativeMethodsButton" disabled={other.loading} onClick={cancel}>
          {t('cancel')}
        </SecondaryButton>
      </div>
    </StepCard>
  );
}

/**
 * The page the link opens, inside <SignIn/> (its `verify` route, or any of
 * its pages with `?latch_link=`). Signed in here, it leaves as any sign-in
 * does; a second factor continues on its step; otherwise it says to return
 * to the original tab.
 */
export function SignInLinkVerify({ kit, token }: { kit: SignInKit; token: string }) {
  const { dropEmailLinkToken } = kit;
  const flow = kit.useSignInFlow();
  return (
    <VerifyLink
      kit={kit}
      token={token}
      applicationName={flow.environment.applicationName}
      onSession={async (sessionId) => {
        await flow.activate(sessionId);
        dropEmailLinkToken();
      }}
      onSecondFactor={() => {
        dropEmailLinkToken();
        flow.go('factor-two');
      }}
      next={{
        label: 'emailLink.failed.signInAgain',
        go() {
          dropEmailLinkToken();
          flow.go('start');
        },
      }}
    />
  );
}
