import { lazy, Suspense } from 'react';
import { useSignInFlow } from './context';
import { signInKit } from './kit';

/** What of <SignIn/> goes where: a step after the start, or a step or part of social sign-in, passkeys or email links. */
export interface SignInExtraProps {
  at: 'factor-one' | 'reset-password' | 'factor-two' | 'choose' | 'notice' | 'sso-callback' | 'link-verify' | 'offer' | 'prefetch';
  /** 'link-verify': the emailed link's token. */
  token?: string;
  /** 'offer': the person created a passkey or declined. */
  onDone?(): void;
  /** 'choose': "Add account". */
  onAddAccount?(): void;
}

/** The start step's slots: the provider buttons above or below the form, the passkey button below it. */
export interface StartSlotProps {
  at: 'top' | 'bottom';
  /** The step is sending its form: the passkey button waits. */
  busy?: boolean;
}

const SignInExtras = /* @__PURE__ */ lazy(() => import('./extras'));
const StartParts = /* @__PURE__ */ lazy(() => import('./startParts'));

/**
 * A step from the on-demand chunk of everything after the start. The first
 * time it shows before the chunk is in, the flow's Suspense boundary keeps
 * the card busy, so nothing jumps.
 */
export function ExtraStep(props: SignInExtraProps) {
  return <SignInExtras kit={signInKit} {...props} />;
}

/**
 * A slot of the start step, from a chunk of its own (the buttons, icons and
 * strings, nothing of the later steps): the step waits for it behind the
 * loading card, so the form never moves. Empty, with nothing loaded, on an
 * instance without providers or passkeys.
 */
export function StartSlot(props: StartSlotProps) {
  const { environment } = useSignInFlow();
  const on = !!environment.oauthProviders?.length || environment.firstFactors.passkey;
  return on ? <StartParts kit={signInKit} {...props} /> : null;
}

/** Fetches the later steps' chunk while the start step shows, without waiting for it. */
export function Prefetch() {
  return (
    <Suspense fallback={null}>
      <ExtraStep at="prefetch" />
    </Suspense>
  );
}
