import { lazy, Suspense, useEffect, useState } from 'react';
import { useLatch, useSignUp } from '@latch/react';
import {
  Alert,
  Card,
  ComponentRoot,
  FooterAction,
  Header,
  Main,
  Spinner,
  useEmailLinkToken,
  useFlowRouter,
  useLeaveAfterAuth,
  useLocalization,
  type ComponentBaseProps,
  type RoutingProps,
} from '../../foundation';
import { StartStep } from './StartStep';
import { emptyValues, planFields, type SignUpValues } from './fields';
import { signUpSteps } from './steps';
import { VerifyStep } from './VerifyStep';
import { isSsoCallback, ssoCallbackUrl } from '../../social/callback';
import { signUpKit } from './kit';
import { PasskeyOfferContext } from './useFinishSignUp';
import { PasskeyOffer, usePasskeys } from '../passkeys/support';
import css from '../../styles/signUp.css?raw';
import { signUp } from '../../localization/en-US/signUp';

// Email links load on demand: the "check your email" step and the page the link opens.
const loadEmailLink = () => import('../EmailLink/signUp');
const EmailLinkStep = /* @__PURE__ */ lazy(() => loadEmailLink().then((m) => ({ default: m.SignUpLinkStep })));
const EmailLinkVerify = /* @__PURE__ */ lazy(() => loadEmailLink().then((m) => ({ default: m.SignUpLinkVerify })));

/** This component's English, under any translation (a page ships only the strings of the components it renders). */
const strings = { signUp };

/** The provider's callback and "Create your account": their own chunk, loaded when social sign-up reaches them. */
const SocialSteps = /* @__PURE__ */ lazy(() => import('./SocialSteps'));

export interface SignUpProps extends RoutingProps, ComponentBaseProps {
  /** The "Already have an account? Sign in" link. Default '/sign-in'. */
  signInUrl?: string;
  /**
   * Where to go once signed up: a relative path, or a URL on one of the
   * environment's `allowedRedirectOrigins`. A safe `redirect_url` in the page's
   * query wins; anything unsafe falls back to '/'.
   */
  afterSignUpUrl?: string;
  /** Prefills the form (never the password). */
  initialValues?: Partial<Omit<SignUpValues, 'password'>>;
}

/**
 * Creates an account: the fields the instance asks for, then the emailed code,
 * then signed in. Uses only `useSignUp` and the environment from `useLatch`.
 */
export function SignUp({ appearance, localization, ...props }: SignUpProps) {
  return (
    <ComponentRoot component="signUp" appearance={appearance} localization={localization} stylesheet={css} strings={strings}>
      <SignUpFlow {...props} />
    </ComponentRoot>
  );
}

function SignUpFlow({ routing, path, signInUrl = '/sign-in', afterSignUpUrl, initialValues }: Omit<SignUpProps, keyof ComponentBaseProps>) {
  const { t } = useLocalization();
  const { isLoaded, signUp: attempt } = useSignUp();
  const environment = useLatch().environment;
  const router = useFlowRouter({ routing, path, initial: signUpSteps.start });
  // Lifted out of the start step so "Edit" on the code step comes back to what was typed.
  const [values, setValues] = useState<SignUpValues>(() => ({ ...emptyValues, ...initialValues }));
  // Signed up, on a device that can hold a passkey: offer one before leaving.
  const passkeys = usePasskeys(environment);
  const [offering, setOffering] = useState(false);
  const leave = useLeaveAfterAuth(afterSignUpUrl);

  const verifying = router.step === signUpSteps.verify;
  const callbackUrl = () => ssoCallbackUrl(routing, path);
  const { navigate } = router;
  // A provider's answer in the query (the callback of 'hash' and 'virtual' routing is the page itself).
  useEffect(() => {
    if (isSsoCallback()) navigate(signUpSteps.ssoCallback, { replace: true });
  }, [navigate]);
  const applicationName = environment?.applicationName;
  // The server and the first client render know no environment yet: both show
  // the loading card, so hydration matches and no field flickers in or out.
  const ready = isLoaded && environment !== null;
  // The address is verified by code or by emailed link, as the instance says; with both, the person switches.
  const linkToken = useEmailLinkToken();
  const method = environment?.emailVerification?.method ?? 'code';
  const [byLink, setByLink] = useState<boolean | null>(null);
  const linkMode = byLink ?? method === 'link';

  const loading = (
    <div role="status">
      <Spinner />
    </div>
  );
  if (ready && environment.signUp.enabled && (linkToken || (verifying && linkMode))) {
    return (
      <Suspense fallback={<Card applicationName={applicationName}>{loading}</Card>}>
        {linkToken ? (
          <EmailLinkVerify kit={signUpKit} token={linkToken} applicationName={applicationName} afterSignUpUrl={afterSignUpUrl} onRestart={() => navigate(signUpSteps.start)} />
        ) : (
          <EmailLinkStep
            kit={signUpKit}
            applicationName={applicationName}
            routing={routing}
            path={path}
            afterSignUpUrl={afterSignUpUrl}
            onEdit={() => navigate(signUpSteps.start)}
            onUseCode={method === 'both' ? () => setByLink(false) : undefined}
          />
        )}
      </Suspense>
    );
  }

  // A sign-up through a provider that still lacks fields (also when the sign-in page sent it here) continues.
  const socialPending = attempt?.status === 'missing_requirements' && attempt.verifications.externalAccount?.status === 'verified';
  const social =
    router.step === signUpSteps.ssoCallback || router.step === signUpSteps.continue
      ? router.step
      : socialPending && router.step === signUpSteps.start
        ? signUpSteps.continue
        : null;
  if (ready && social) {
    return (
      <Suspense fallback={<Card applicationName={applicationName}>{loading}</Card>}>
        <SocialSteps
          kit={signUpKit}
          step={social}
          router={router}
          afterSignUpUrl={afterSignUpUrl}
          signInUrl={signInUrl}
          callbackUrl={callbackUrl}
          planFields={planFields}
          steps={signUpSteps}
        />
      </Suspense>
    );
  }

  let body;
  if (!ready) body = loading;
  else if (!environment.signUp.enabled) body = <Alert>{t('signUp.start.disabled')}</Alert>;
  else if (verifying)
    body = <VerifyStep router={router} afterSignUpUrl={afterSignUpUrl} onUseLink={method === 'both' ? () => setByLink(true) : undefined} />;
  else
    body = (
      <StartStep
        router={router}
        values={values}
        onValuesChange={setValues}
        afterSignUpUrl={afterSignUpUrl}
        environment={environment}
        byLink={linkMode}
        callbackUrl={callbackUrl}
      />
    );

  if (offering) {
    const done = () => {
      if (!leave()) setOffering(false);
    };
    return (
      <Suspense fallback={null}>
        <PasskeyOffer kit={signUpKit} applicationName={applicationName} onDone={done} />
      </Suspense>
    );
  }

  return (
    <PasskeyOfferContext.Provider value={passkeys ? () => setOffering(true) : null}>
      <Card applicationName={applicationName}>
        <Header
          // One heading for every step: it takes focus when the step changes, so the new step is announced.
          focusKey={router.step}
          title={t(verifying ? 'signUp.verify.title' : 'signUp.start.title')}
          subtitle={
            verifying
              ? t('signUp.verify.subtitle')
              : applicationName && t('signUp.start.subtitle', { applicationName })
          }
          applicationName={applicationName}
        />
        <Main>{body}</Main>
        {!verifying && (
          <FooterAction text={t('signUp.start.footerText')} actionText={t('signUp.start.footerAction')} href={signInUrl} />
        )}
      </Card>
    </PasskeyOfferContext.Provider>
  );
}
