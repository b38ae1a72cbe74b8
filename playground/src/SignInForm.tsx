import { useId, useState, type FormEvent } from 'react';
import { useSignIn } from '@latch/react';
import { errorText } from './errorText';

/**
 * A sign-in form built from the hooks alone: what a team with its own design
 * system writes. Password, email code, and a second factor when TOTP is on.
 */
export function SignInForm() {
  const { isLoaded, signIn, setActive } = useSignIn();
  const [identifier, setIdentifier] = useState('');
  const [secret, setSecret] = useState('');
  const [useCode, setUseCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const step = signIn.status === 'needs_second_factor' ? 'second' : useCode ? 'code' : 'password';

  async function run(action: () => Promise<{ status: string | null; createdSessionId: string | null }>) {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (result.status === 'complete' && result.createdSessionId) await setActive({ session: result.createdSessionId });
      setSecret('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (step === 'second') {
      const strategy = secret.length === 6 ? 'totp' : 'backup_code';
      return run(() => signIn.attemptSecondFactor({ strategy, code: secret }));
    }
    if (step === 'code') return run(() => signIn.attemptFirstFactor({ strategy: 'email_code', code: secret }));
    return run(() => signIn.create({ identifier, password: secret }));
  }

  function emailMeACode() {
    return run(async () => {
      const started = await signIn.create({ identifier });
      const factor = started.supportedFirstFactors.find((f) => f.strategy === 'email_code');
      if (!factor || !('emailAddressId' in factor)) throw new Error('This account cannot sign in with an email code.');
      setUseCode(true);
      return signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId });
    });
  }

  const secretLabel = step === 'second' ? 'Authenticator or backup code' : step === 'code' ? 'Verification code' : 'Password';
  return (
    <form onSubmit={submit} aria-describedby={error ? errorId : undefined} noValidate>
      <h2>Sign in (hooks only)</h2>
      {step === 'password' && (
        <>
          <label htmlFor="sign-in-identifier">Email address or username</label>
          <input id="sign-in-identifier" autoComplete="username" value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
        </>
      )}
      <label htmlFor="sign-in-secret">{secretLabel}</label>
      <input
        id="sign-in-secret"
        type={step === 'password' ? 'password' : 'text'}
        autoComplete={step === 'password' ? 'current-password' : 'one-time-code'}
        inputMode={step === 'password' ? undefined : 'numeric'}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
      />
      <div role="alert" id={errorId}>{error}</div>
      <button type="submit" disabled={!isLoaded || busy}>Continue</button>
      {step === 'password' && (
        <button type="button" className="link" disabled={!isLoaded || busy || !identifier} onClick={emailMeACode}>
          Email me a code instead
        </button>
      )}
    </form>
  );
}
