// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState, type FormEvent } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LatchProvider, SignedIn, SignedOut, isLatchAPIError, useSignIn, useUser, type SignIn } from '@latch/react';
import { ada, grace, serveMockBackend } from './harness';
import { totpCode } from './totp';

const { backend } = serveMockBackend();

/** A custom sign-in form, as an app with its own UI would write it: hooks only. */
function SignInForm() {
  const { isLoaded, signIn, setActive } = useSignIn();
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');
  const [error, setError] = useState<string | null>(null);
  if (!isLoaded) return <p>Preparing sign-in…</p>;

  const submit = (attempt: (fields: FormData) => Promise<SignIn>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await attempt(new FormData(event.currentTarget));
      if (result.status === 'needs_second_factor') setStep('totp');
      if (result.status === 'complete' && result.createdSessionId) await setActive({ session: result.createdSessionId });
    } catch (e) {
      setError(isLatchAPIError(e) ? e.code : String(e));
    }
  };

  return step === 'credentials' ? (
    // Keys per step: otherwise React reuses the first step's inputs, typed values and all.
    <form
      key="credentials"
      aria-label="Sign in"
      onSubmit={submit((fields) =>
        signIn.create({ identifier: String(fields.get('email')), password: String(fields.get('password')) }),
      )}
    >
      <label>
        Email address <input name="email" type="email" />
      </label>
      <label>
        Password <input name="password" type="password" />
      </label>
      <button type="submit">Continue</button>
      {error && <p role="alert">{error}</p>}
    </form>
  ) : (
    <form
      key="totp"
      aria-label="Two-step verification"
      onSubmit={submit((fields) => signIn.attemptSecondFactor({ strategy: 'totp', code: String(fields.get('code')) }))}
    >
      <label>
        Authenticator code <input name="code" inputMode="numeric" />
      </label>
      <button type="submit">Verify</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function Greeting() {
  const { user } = useUser();
  return <p>Signed in as {user?.firstName}</p>;
}

function App() {
  return (
    <LatchProvider frontendApi={backend.url}>
      <SignedOut>
        <SignInForm />
      </SignedOut>
      <SignedIn>
        <Greeting />
      </SignedIn>
    </LatchProvider>
  );
}

async function enterCredentials(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email address'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return user;
}

describe('a custom sign-in form built on the hooks', () => {
  it('signs in with email and password', async () => {
    render(<App />);
    await enterCredentials(ada.emailAddress, ada.password);

    expect(await screen.findByText('Signed in as Ada')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Sign in' })).toBeNull();
  });

  it('asks for an authenticator code when the account has TOTP, then signs in', async () => {
    render(<App />);
    const user = await enterCredentials(grace.emailAddress, grace.password);

    const code = await screen.findByLabelText('Authenticator code');
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    await user.type(code, totpCode(grace.totpSecret));
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('Signed in as Grace')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Two-step verification' })).toBeNull();
  });

  it('shows the error code of a wrong password and stays signed out', async () => {
    render(<App />);
    await enterCredentials(ada.emailAddress, 'not-the-password');

    expect((await screen.findByRole('alert')).textContent).toBe('form_password_incorrect');
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
  });
});
