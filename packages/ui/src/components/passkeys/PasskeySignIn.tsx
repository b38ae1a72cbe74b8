import { useEffect, useRef, useState } from 'react';
import type { SignInKit } from '../SignIn/kit';
import { PasskeyPart, usePasskeyError, useKit } from './strings';

export interface PasskeySignInProps {
  kit: SignInKit;
  /** False while the step's own form is being sent: autofill steps aside until it is back. */
  active: boolean;
  /**
   * On the password step, the account is known: "Use your passkey" asks for
   * one of that account's passkeys (the allow-list), and there is no autofill.
   */
  account?: boolean;
}

/**
 * On SignIn's start step: "Sign in with a passkey" (any passkey the browser
 * holds for this site, no identifier needed), and browser autofill, where
 * the identifier field's suggestions list the passkeys too
 * (`autocomplete="username webauthn"`). Autofill waits from the moment the
 * step shows until the person picks a passkey, presses the button, sends the
 * form or leaves; then it is cancelled without a trace.
 */
export default function PasskeySignIn({ kit, ...props }: PasskeySignInProps) {
  return (
    <PasskeyPart kit={kit}>
      <PasskeyButton {...props} />
    </PasskeyPart>
  );
}

function PasskeyButton({ active, account = false }: Omit<PasskeySignInProps, 'kit'>) {
  const { Alert, Divider, SecondaryButton, browserSupportsPasskeyAutofill, useElement, useLocalization, useSignInFlow } = useKit<SignInKit>();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const describe = usePasskeyError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const alternatives = useElement('alternativeMethods');
  // The attempt object changes with every answer; autofill must not restart for that.
  const latest = useRef(flow);
  latest.current = flow;

  const autofill = active && !busy && !account;
  useEffect(() => {
    if (!autofill) return;
    const controller = new AbortController();
    void (async () => {
      const { signIn } = latest.current;
      if (!(await browserSupportsPasskeyAutofill()) || controller.signal.aborted) return;
      try {
        const result = await signIn.authenticateWithPasskey({ flow: 'autofill', signal: controller.signal });
        // Aborting cancels the browser's request, not a sign-in the server has already completed: move on with it.
        await latest.current.advance(result);
      } catch (failure) {
        if (!controller.signal.aborted) setError(failure);
      }
    })();
    return () => controller.abort();
  }, [autofill, browserSupportsPasskeyAutofill]);

  const signInWithPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      // No flow once the account is known: the attempt's own passkeys.
      await flow.advance(await flow.signIn.authenticateWithPasskey(account ? {} : { flow: 'discoverable' }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const message = describe(error);
  return (
    <>
      {!account && <Divider text={t('or')} />}
      {message && <Alert>{message}</Alert>}
      <div {...alternatives}>
        <SecondaryButton element="alternativeMethodsButton" loading={busy} disabled={!active} onClick={signInWithPasskey}>
          {t(account ? 'passkeys.signIn.usePasskey' : 'passkeys.signIn.button')}
        </SecondaryButton>
      </div>
    </>
  );
}
