import { useId, useState, type FormEvent } from 'react';
import { useSignUp } from '@latch/react';
import { errorText } from './errorText';

/** A sign-up form from the hooks alone: details, then the emailed code. */
export function SignUpForm() {
  const { isLoaded, signUp, setActive } = useSignUp();
  const [fields, setFields] = useState({ firstName: '', emailAddress: '', password: '' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const verifying = signUp.status === 'missing_requirements' && signUp.unverifiedFields.includes('emailAddress');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (verifying) {
        const done = await signUp.attemptEmailAddressVerification({ code });
        if (done.status === 'complete' && done.createdSessionId) await setActive({ session: done.createdSessionId });
      } else {
        const created = await signUp.create(fields);
        await created.prepareEmailAddressVerification({ strategy: 'email_code' });
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof typeof fields, label: string, type = 'text', autoComplete = 'off') => (
    <>
      <label htmlFor={`sign-up-${name}`}>{label}</label>
      <input
        id={`sign-up-${name}`}
        type={type}
        autoComplete={autoComplete}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
      />
    </>
  );

  return (
    <form onSubmit={submit} aria-describedby={error ? errorId : undefined} noValidate>
      <h2>Sign up (hooks only)</h2>
      {verifying ? (
        <>
          <p>We sent a code to {signUp.emailAddress}. It is in the outbox below.</p>
          <label htmlFor="sign-up-code">Verification code</label>
          <input id="sign-up-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </>
      ) : (
        <>
          {field('firstName', 'First name', 'text', 'given-name')}
          {field('emailAddress', 'Email address', 'email', 'email')}
          {field('password', 'Password', 'password', 'new-password')}
        </>
      )}
      <div role="alert" id={errorId}>{error}</div>
      <button type="submit" disabled={!isLoaded || busy}>Continue</button>
    </form>
  );
}
