// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState, type FormEvent } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LatchProvider, SignedIn, SignedOut, isLatchAPIError, useSignUp, useUser } from '@latch/react';
import { serveMockBackend } from './harness';

const { backend } = serveMockBackend();

/** A custom sign-up form with the email-code step, written with the hooks only. */
function SignUpForm() {
  const { isLoaded, signUp, setActive } = useSignUp();
  const [awaitingCode, setAwaitingCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isLoaded) return <p>Preparing sign-up…</p>;

  const run = (step: (fields: FormData) => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await step(new FormData(event.currentTarget));
    } catch (e) {
      setError(isLatchAPIError(e) ? e.code : String(e));
    }
  };

  const createAccount = run(async (fields) => {
    // Resources are immutable: each step is called on what the previous one returned.
    const created = await signUp.create({
      firstName: String(fields.get('firstName')),
      emailAddress: String(fields.get('email')),
      password: String(fields.get('password')),
    });
    await created.prepareEmailAddressVerification({ strategy: 'email_code' });
    setAwaitingCode(true);
  });

  const verifyEmail = run(async (fields) => {
    const result = await signUp.attemptEmailAddressVerification({ code: String(fields.get('code')) });
    if (result.status === 'complete' && result.createdSessionId) await setActive({ session: result.createdSessionId });
  });

  return (
    <>
      {awaitingCode ? (
        // Keys per step: otherwise React reuses the first step's inputs, typed values and all.
        <form key="verify" aria-label="Verify your email" onSubmit={verifyEmail}>
          <label>
            Verification code <input name="code" inputMode="numeric" />
          </label>
          <button type="submit">Verify</button>
        </form>
      ) : (
        <form key="create" aria-label="Create your account" onSubmit={createAccount}>
          <label>
            First name <input name="firstName" />
          </label>
          <label>
            Email address <input name="email" type="email" />
          </label>
          <label>
            Password <input name="password" type="password" />
          </label>
          <button type="submit">Sign up</button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </>
  );
}

function Welcome() {
  const { user } = useUser();
  return (
    <p>
      Welcome, {user?.firstName} ({user?.primaryEmailAddress?.emailAddress})
    </p>
  );
}

describe('a custom sign-up form built on the hooks', () => {
  it('creates the account, verifies the emailed code and ends signed in', async () => {
    const user = userEvent.setup();
    render(
      <LatchProvider frontendApi={backend.url}>
        <SignedOut>
          <SignUpForm />
        </SignedOut>
        <SignedIn>
          <Welcome />
        </SignedIn>
      </LatchProvider>,
    );

    await user.type(await screen.findByLabelText('First name'), 'Mary');
    await user.type(screen.getByLabelText('Email address'), 'mary@example.com');
    await user.type(screen.getByLabelText('Password'), 'vivid-otter-lantern-42');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    const codeField = await screen.findByLabelText('Verification code');
    const code = backend.latestCode('mary@example.com');
    expect(code).toMatch(/^\d{6}$/);
    await user.type(codeField, code!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('Welcome, Mary (mary@example.com)')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Verify your email' })).toBeNull();
  });

  it('shows the error code of a wrong email code and does not sign in', async () => {
    const user = userEvent.setup();
    render(
      <LatchProvider frontendApi={backend.url}>
        <SignedOut>
          <SignUpForm />
        </SignedOut>
        <SignedIn>
          <Welcome />
        </SignedIn>
      </LatchProvider>,
    );

    await user.type(await screen.findByLabelText('First name'), 'Mary');
    await user.type(screen.getByLabelText('Email address'), 'mary@example.com');
    await user.type(screen.getByLabelText('Password'), 'vivid-otter-lantern-42');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    const codeField = await screen.findByLabelText('Verification code');
    const wrongCode = backend.latestCode('mary@example.com') === '000000' ? '111111' : '000000';
    await user.type(codeField, wrongCode);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect((await screen.findByRole('alert')).textContent).toBe('form_code_incorrect');
    expect(screen.queryByText(/Welcome,/)).toBeNull();
  });
});
