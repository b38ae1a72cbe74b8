import { ComponentRoot, type ComponentBaseProps, type RoutingProps } from '../../foundation';
import { SignInFlowRoot } from './SignInFlow';
import css from '../../styles/signIn.css?raw';
import { signIn } from '../../localization/en-US/signIn';

/** This component's English, under any translation (a page ships only the strings of the components it renders). */
const strings = { signIn };

export interface SignInProps extends ComponentBaseProps, RoutingProps {
  /** Where "Sign up" leads. Default '/sign-up'. */
  signUpUrl?: string;
  /**
   * Where to go once signed in: a path, or a URL on this origin or on one of
   * the instance's `allowedRedirectOrigins`; anything else (`javascript:`,
   * another site) is ignored. A safe `redirect_url` in the page's query (as
   * `<RedirectToSignIn/>` sets it) comes first. Default '/'.
   */
  afterSignInUrl?: string;
  /** Prefills the start step. */
  initialValues?: { identifier?: string };
}

/**
 * The sign-in flow: identifier, then password or an email code (or a password
 * reset by email code), then the second factor when the account has one; in
 * multi-session mode, an account chooser for the browser's signed-in accounts.
 * `routing`: 'virtual' (default, in memory), 'hash' ('#/factor-one') or 'path'
 * (`${path}/factor-one`; `path` defaults to '/sign-in').
 */
export function SignIn({ appearance, localization, ...flow }: SignInProps) {
  return (
    <ComponentRoot component="signIn" appearance={appearance} localization={localization} stylesheet={css} strings={strings}>
      <SignInFlowRoot {...flow} />
    </ComponentRoot>
  );
}
