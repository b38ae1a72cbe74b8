import { createContext, useContext } from 'react';
import type { EnvironmentJSON, FirstFactorStrategy } from '@latch/protocol';
import type { SignIn } from '@latch/react';
import type { Routing } from '../../foundation';
import type { Step } from './steps';

/** What every step of one `<SignIn/>` shares: the attempt, the flow's memory, and how to move on. */
export interface SignInFlow {
  environment: EnvironmentJSON;
  signIn: SignIn;
  /** What the user typed at the start, kept for "Edit" and shown until the attempt names it. */
  identifier: string;
  setIdentifier(value: string): void;
  /** The first factor showing on 'factor-one'. */
  strategy: FirstFactorStrategy;
  /** Shows `strategy` on 'factor-one' (moving there if need be); `codeSent` starts the resend countdown. */
  showStrategy(strategy: FirstFactorStrategy, options?: { codeSent?: boolean }): void;
  /** When the current code was sent (ms, this page's clock), or null when not in this page's life. */
  codeSentAt: number | null;
  /** Restarts the resend countdown (a code just went out). */
  markCodeSent(): void;
  go(step: Step): void;
  /** Moves on from an attempt that a step just advanced: the next step, or sign in and leave. */
  advance(result: SignIn): Promise<void>;
  /** Makes `sessionId` active and leaves for the after-sign-in URL. */
  activate(sessionId: string): Promise<void>;
  /** Steps other than the first of the page focus their heading, so the change is announced. */
  focusHeading: boolean;
  signUpUrl: string;
  /** How the component routes, so an emailed link can lead back to its `verify` route. */
  routing: Routing | undefined;
  path: string | undefined;
  /** The URL a social provider sends the browser back to (this component's sso-callback step). */
  callbackUrl(): string;
}

/**
 * Who is signing in: what was typed on this page, else (after a reload) the
 * attempt's identifier, which the server masks until the first factor passes
 * when enumeration protection is on.
 */
export function shownIdentifier(flow: SignInFlow): string {
  return flow.identifier.trim() || (flow.signIn.identifier ?? '');
}

export const SignInFlowContext = createContext<SignInFlow | null>(null);

export function useSignInFlow(): SignInFlow {
  const flow = useContext(SignInFlowContext);
  if (!flow) throw new Error(process.env.NODE_ENV === 'production' ? 'No <SignIn/>' : 'A <SignIn/> step must be rendered inside <SignIn/>.');
  return flow;
}
