import type { EnvironmentJSON, FirstFactorStrategy } from '@latch/protocol';
import type { Session, SignIn } from '@latch/react';

/**
 * The flow's steps; with 'hash' or 'path' routing each is a URL
 * ('/sign-in/factor-one'…), so the first-factor step covers password, email
 * code and the reset code alike: which one shows is component state.
 */
export type Step = 'start' | 'factor-one' | 'reset-password' | 'factor-two' | 'choose' | 'sso-callback';

/** What the flow needs from the client to judge a step. */
export interface FlowFacts {
  signIn: SignIn;
  sessions: Session[];
  environment: EnvironmentJSON;
}

/**
 * Whether `step` can show with the attempt as it stands. A step reached from
 * outside the flow (a reload, Back, a typed URL) that cannot show falls back
 * to the start: a factor step without an attempt waiting for that factor
 * would only fail.
 */
export function isReachable(step: string, { signIn, sessions, environment }: FlowFacts): step is Step {
  switch (step) {
    case 'start':
      return true;
    case 'factor-one':
      return signIn.status === 'needs_first_factor';
    case 'reset-password':
      return signIn.status === 'needs_new_password';
    case 'factor-two':
      return signIn.status === 'needs_second_factor';
    case 'choose':
      return environment.multiSession && sessions.length > 0;
    // Where a provider sends the browser back: the step checks the answer itself.
    case 'sso-callback':
      return true;
    default:
      return false;
  }
}

export function offersFirstFactor(signIn: SignIn, strategy: FirstFactorStrategy): boolean {
  return signIn.supportedFirstFactors.some((factor) => factor.strategy === strategy);
}

/**
 * The first factor to show when none was chosen in this page's life (the
 * step was reloaded): the code or link that was sent if one is pending, else
 * the password, else an email code.
 */
export function defaultFirstFactor(signIn: SignIn): FirstFactorStrategy {
  const pending = signIn.firstFactorVerification;
  if (pending?.status === 'unverified' && (pending.strategy === 'email_code' || pending.strategy === 'email_link' || pending.strategy === 'reset_password_email_code')) {
    return pending.strategy;
  }
  return offersFirstFactor(signIn, 'password') ? 'password' : 'email_code';
}
