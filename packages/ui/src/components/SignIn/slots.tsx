import { useSyncExternalStore } from 'react';
import SocialButtons from '../../social/SocialButtons';
import PasskeySignIn from '../passkeys/PasskeySignIn';
import { useStepKit } from './stepKit';

// SignIn's slots for social sign-in, passkeys and email links, loaded on demand with ./extras.tsx.

const noSubscription = () => () => {};
const onServer = () => false;

/** Whether the instance turns passkeys on and this browser has WebAuthn (false on the server and while hydrating, so the markup matches). */
export function usePasskeys(): boolean {
  const kit = useStepKit();
  const supported = useSyncExternalStore(noSubscription, kit.browserSupportsPasskeys, onServer);
  return supported && kit.useSignInFlow().environment.firstFactors.passkey;
}

/** The provider buttons above or below the form, as `appearance.layout.socialButtonsPlacement` says (default above). */
export function Social({ placement }: { placement: 'top' | 'bottom' }) {
  const kit = useStepKit();
  const flow = kit.useSignInFlow();
  const layout = kit.useLayout();
  const providers = kit.socialProviders(flow.environment, 'signIn');
  if (providers.length === 0 || (layout.socialButtonsPlacement ?? 'top') !== placement) return null;
  return (
    <SocialButtons
      kit={kit}
      providers={providers}
      placement={placement}
      variant={kit.buttonVariant(layout, providers.length)}
      start={(strategy, navigate) => flow.signIn.authenticateWithRedirect({ strategy, redirectUrl: flow.callbackUrl(), navigate })}
    />
  );
}

/** Below the start step's form: "Sign in with a passkey" (and autofill), then the provider buttons when they go below. */
export function StartBottom({ busy }: { busy: boolean }) {
  const kit = useStepKit();
  return (
    <>
      {usePasskeys() && <PasskeySignIn kit={kit} active={!busy} />}
      <Social placement="bottom" />
    </>
  );
}

/**
 * Below a first factor's own methods: "Email me a link" when the attempt
 * offers one (the link step sends it as it shows), and on the password step
 * "Use your passkey" when the account has one.
 */
export function Alternatives({ busy }: { busy: boolean }) {
  const kit = useStepKit();
  const flow = kit.useSignInFlow();
  const { t } = kit.useLocalization();
  const alternatives = kit.useElement('alternativeMethods');
  const passkeys = usePasskeys();
  const { signIn, strategy } = flow;
  const link = strategy !== 'reset_password_email_code' && kit.offersFirstFactor(signIn, 'email_link');
  const passkey = passkeys && strategy === 'password' && signIn.supportedFirstFactors.some((factor) => factor.strategy === 'passkey');
  return (
    <>
      {link && (
        <div {...alternatives}>
          <kit.SecondaryButton element="alternativeMethodsButton" disabled={busy} onClick={() => flow.showStrategy('email_link')}>
            {t('signIn.useEmailLink')}
          </kit.SecondaryButton>
        </div>
      )}
      {passkey && <PasskeySignIn kit={kit} active={!busy} account />}
    </>
  );
}
