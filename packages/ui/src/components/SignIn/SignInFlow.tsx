import { useCallback, useEffect, useRef, useState } from 'react';
import type { EnvironmentJSON, FirstFactorStrategy } from '@latch/protocol';
import { useAuth, useLatch, useSessionList, useSignIn, type SignIn } from '@latch/react';
import { Card, Spinner, useElement, useFlowRouter, useLeaveAfterAuth, type Routing } from '../../foundation';
import { AccountChooser } from './AccountChooser';
import { CodeStep } from './CodeStep';
import { SignInFlowContext, type SignInFlow as Flow } from './context';
import { PasswordStep } from './PasswordStep';
import { ResetPasswordStep } from './ResetPasswordStep';
import { SecondFactorStep } from './SecondFactorStep';
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
  const router = useFlowRouter({ routing, path: path ?? (routing === 'path' ? '/sign-in' : undefined), initial: 'start' });
  const { navigate } = router;
  const leave = useLeaveAfterAuth(afterSignInUrl);
  const [identifier, setIdentifier] = useState(initialValues?.identifier ?? '');
  const [chosen, setChosen] = useState<FirstFactorStrategy | null>(null);
  const [codeSentAt, setCodeSentAt] = useState<number | null>(null);
  const [addingAccount, setAddingAccount] = useState(false);
  const [leaving, setLeaving] = useState(false);

  // A step the flow moved to stays until the flow moves on, whatever the attempt
  // does meanwhile (it empties when it completes). One reached any other way
  // (reload, Back, a typed URL) must suit the attempt, or the start shows.
  const [accepted, setAccepted] = useState<string | null>(null);
  const reachable = router.step === accepted || isReachable(router.step, { signIn, sessions, environment });
  if (reachable && router.step !== accepted) setAccepted(router.step);
  const step: Step = reachable ? (router.step as Step) : 'start';
  // Multi-session with accounts signed in: the start is the account chooser, until "Add account".
  const chooser = step === 'start' && environment.multiSession && sessions.length > 0 && !addingAccount;
  const shown: Step = chooser ? 'choose' : step;
  const strategy = chosen ?? defaultFirstFactor(signIn);
  // Hold the factor that showed (after a reload, the derived one): a completed attempt offers none.
  if (shown === 'factor-one' && chosen === null) setChosen(strategy);
  // Single-session and already signed in: nothing to do here but leave.
  const alreadySignedIn = shown === 'start' && isSignedIn === true && !environment.multiSession;

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

  const activate = useCallback(
    async (sessionId: string) => {
      await setActive({ session: sessionId });
      setAddingAccount(false);
      setChosen(null);
      // Leaving: keep the card busy until the next page replaces it.
      if (leave()) setLeaving(true);
      else go('start');
    },
    [setActive, leave, go],
  );

  const advance = useCallback(
    async (result: SignIn) => {
      if (result.status === 'complete') {
        if (result.createdSessionId) await activate(result.createdSessionId);
      } else if (result.status === 'needs_second_factor') go('factor-two');
      else if (result.status === 'needs_new_password') go('reset-password');
      else if (result.status === 'needs_first_factor') go('factor-one');
    },
    [activate, go],
  );

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
  };

  const addAccount = () => {
    setAddingAccount(true);
    setIdentifier('');
    go('start');
  };

  return (
    <SignInFlowContext.Provider value={flow}>
      {shown === 'start' && <StartStep />}
      {/* No step offers `email_link` yet (instances default to codes): the email-link steps come with their own UI. */}
      {shown === 'factor-one' && (strategy === 'password' ? <PasswordStep /> : <CodeStep key={strategy} strategy={strategy as Exclude<typeof strategy, 'email_link'>} />)}
      {shown === 'reset-password' && <ResetPasswordStep />}
      {shown === 'factor-two' && <SecondFactorStep />}
      {shown === 'choose' && <AccountChooser onAddAccount={addAccount} />}
    </SignInFlowContext.Provider>
  );
}
