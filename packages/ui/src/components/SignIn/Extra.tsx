import { lazy, Suspense } from 'react';
import { useSignInFlow } from './context';
import { signInKit } from './kit';

/** What of <SignIn/> goes where: a step after the start, a slot of a step, or a step of social sign-in, passkeys or email links. */
export interface SignInExtraProps {
  at:
    | 'factor-one'
    | 'reset-password'
    | 'factor-two'
    | 'choose'
    | 'top'
    | 'bottom'
    | 'notice'
    | 'sso-callback'
    | 'link-verify'
    | 'offer'
    | 'prefetch';
  /** A slot's step is sending its form: the passkey button waits. */
  busy?: boolean;
  /** 'link-verify': the emailed link's token. */
  token?: string;
  /** 'offer': the person created a passkey or declined. */
  onDone?(): void;
  /** 'choose': "Add account". */
  onAddAccount?(): void;
}

const SignInExtras = /* @__PURE__ */ lazy(() => import('./extras'));

/**
 * A step from the on-demand chunk. The first time it shows before the chunk
 * is in, the flow's Suspense boundary keeps the card busy, so nothing jumps.
 */
export function ExtraStep(props: SignInExtraProps) {
  return <SignInExtras kit={signInKit} {...props} />;
}

/**
 * A slot of the start step: social buttons, the passkey button. Empty, with
 * nothing loaded for it, on an instance that turns none of them on.
 */
export function Extra(props: SignInExtraProps) {
  const { environment } = useSignInFlow();
  const on = !!environment.oauthProviders?.length || environment.firstFactors.passkey;
  return on ? <ExtraStep {...props} /> : null;
}

/** Fetches the next steps' chunk while the start step shows, without waiting for it. */
export function Prefetch() {
  return (
    <Suspense fallback={null}>
      <ExtraStep at="prefetch" />
    </Suspense>
  );
}
