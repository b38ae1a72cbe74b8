import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { EnvironmentJSON, FirstFactorStrategy } from '@latch/protocol';
import { useAuth, useLatch, useSessionList, useSignIn, type SignIn } from '@latch/react';
import { Card, Spinner, useElement, useEmailLinkToken, useFlowRouter, useLeaveAfterAuth, type Routing } from '../../foundation';
import { isSsoCallback, ssoCallbackUrl } from '../../social/callback';
import { SignInFlowContext, type SignInFlow as Flow } from './context';
import { ExtraStep } from './Extra';
import { StartStep } from './StartStep';
import { defaultFirstFactor, isReachable, type Step } from './steps';

export interface SignInFlowProps {
  routing?: Routing;
  path?: string;
  signUpUrl?: string;
  afterSignInUrl?: string;
  initialValues?: { identifier?: string };
}

/**
 * Waits for the client: until it has loaded, the instance's settings (which
 * identifiers, whether sign-up or multi-session is on) and this browser's
 * attempt are unknown. The server renders this state too.
 */
export function SignInFlowRoot(props: SignInFlowProps) {
  const { isLoaded } = useSignIn();
  const environment = useLatch().environment;
  if (!isLoaded || !environment) return <Loading />;
  return <SignInFlow {...props} environment={environment} />;
}

function Loading() {
  const box = useElement('signInLoadingBox');
  return (
    <Card>
      <div {...box} role="status">
        <Spinner />
      </div>
    </Card>
  );
}

function SignInFlow({ environment, routing, path, signUpUrl = '/sign-up', afterSignInUrl, initialValues }: SignInFlowProps & { environment: EnvironmentJSON }) {
  const { signIn, setActive } = useSignIn();
  const { sessions } = useSessionList();
  const { isSignedIn } = useAuth();
  const basePath = path ?? (routing === 'path' ? '/sign-in' : undefined);
  const router = useFlowRouter({ routing, path: basePath, initial: 'start' });
  // Opened from an emailed link: whatever the step, the link's page shows.
  const linkToken = useEmailLinkToken();
  const { navigate } = router;
  const leave = useLeaveAfterAuth(afterSignInUrl);
  const [identifier, setIdentifier] = useState(initialValues?.identifier ?? '');
  const [chosen, setChosen] = useState<FirstFactorStrategy | null>(null);
  const [codeSentAt, setCodeSentAt] = useState<number | null>(null);
  const [addingAccount, setAddingAccount] = useState(false);
  const [leaving, setLeaving] = useState(false);
  // Signed in on an instance with passkeys: offer one before leaving (the offer checks the device).
  const [offering, setOffering] = useState(false);

  // A step the flow moved to stays until the flow moves on, whatever the attempt
  // does meanwhile (it empties when it completes). One reached any other way
  // (reload, Back, a typed URL) must suit the attempt, or the start shows.
  const [accepted, setAccepted] = useState<string | null>(null);
  const reachable = !!linkToken || router.step === accepted || isReachable(router.step, { signIn, sessions, environment });
  if (reachable && router.step !== accepted) setAccepted(router.step);
  const step: Step = reachable ? (router.step as Step) : 'start';
  // Multi-session with accounts signed in: the start is the account chooser, until "Add account".
  const chooser = step === 'start' && environment.multiSession && sessions.length > 0 && !addingAccount;
  const shown: Step = chooser ? 'choose' : step;
  const strategy = chosen ?? defaultFirstFactor(signIn);
  // Hold the factor that showed (after a reload, the derived one): a completed attempt offers none.
  if (shown === 'factor-one' && chosen === null) setChosen(strategy);
  // Single-session and already signed in: nothing to do here but leave.
  const alreadySignedIn = !offering && !linkToken && shown === 'start' && isSignedIn === true && !environment.multiSession;

  useEffect(() => {
    if (!reachable) navigate('start', { replace: true });
    else if (chooser && router.step !== 'choose') navigate('choose', { replace: true });
  }, [reachable, chooser, router.step, navigate]);

  // Once: StrictMode's second effect run must not navigate again.
  const left = useRef(false);
  useEffect(() => {
    if (alreadySignedIn && !left.current) left.current = leave();
  }, [alreadySignedIn, leave]);

  // Every step after the page's first takes focus, so moving on is announced.
  const view = shown === 'factor-one' ? `${shown}:${strategy}` : shown;
  const [seen, setSeen] = useState<{ view: string | null; moved: boolean }>({ view: null, moved: false });
  if (seen.view !== view) setSeen({ view, moved: seen.moved || seen.view !== null });

  const currentStep = router.step;
  const go = useCallback(
    (next: Step) => {
      setAccepted(next);
      if (next !== currentStep) navigate(next);
    },
    [currentStep, navigate],
  );

  const finish = useCallback(() => {
    setOffering(false);
    // Leaving: keep the card busy until the next page replaces it.
    if (leave()) setLeaving(true);
    else go('start');
  }, [leave, go]);

  const activate = useCallback(
    async (sessionId: string, offerPasskey = false) => {
      await setActive({ session: sessionId });
      setAddingAccount(false);
      setChosen(null);
      if (offerPasskey) setOffering(true);
      else finish();
    },
    [setActive, finish],
  );

  const advance = useCallback(
    async (result: SignIn) => {
      if (result.status === 'complete') {
        if (result.createdSessionId) await activate(result.createdSessionId, environment.firstFactors.passkey);
      } else if (result.status === 'needs_second_factor') go('factor-two');
      else if (result.status === 'needs_new_password') go('reset-password');
      else if (result.status === 'needs_first_factor') go('factor-one');
    },
    [activate, go, environment],
  );

  // A provider's answer in the query (the callback of 'hash' and 'virtual' routing is the page itself).
  // Or an attempt a provider started that the sign-up page handed over (the provider's email is an
  // account's, or the account has a second factor): on to its step.
  useEffect(() => {
    if (isSsoCallback()) go('sso-callback');
    else if (signIn.status !== 'complete' && (signIn.externalAccountToLink || signIn.firstFactorVerification?.strategy?.startsWith('oauth_'))) void advance(signIn);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  if (leaving) return <Loading />;
  if (alreadySignedIn) return null;

  const flow: Flow = {
    environment,
    signIn,
    identifier,
    setIdentifier,
    strategy,
    showStrategy(next, options) {
      setChosen(next);
      if (options?.codeSent) setCodeSentAt(Date.now());
      go('factor-one');
    },
    codeSentAt,
    markCodeSent: () => setCodeSentAt(Date.now()),
    go,
    advance,
    activate,
    focusHeading: seen.moved,
    signUpUrl,
    routing,
    path: basePath,
    callbackUrl: () => ssoCallbackUrl(routing, basePath),
  };

  const addAccount = () => {
    setAddingAccount(true);
    setIdentifier('');
    go('start');
  };

  return (
    <SignInFlowContext.Provider value={flow}>
      {/* Busy while a step's chunk loads (social sign-in, passkeys, email links): the card never jumps. */}
      <Suspense fallback={<Loading />}>
        {offering ? (
          <ExtraStep at="offer" onDone={finish} />
        ) : linkToken ? (
          <ExtraStep at="link-verify" token={linkToken} />
        ) : (
          <>{shown === 'start' ? <StartStep /> : <ExtraStep at={shown} onAddAccount={addAccount} />}</>
        )}
      </Suspense>
    </SignInFlowContext.Provider>
  );
}
