// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { signedInClient } from '../mock-backend';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from '../sign-in/harness';
import { offerHeading, softAuthenticatorPerTest } from './harness';

// After a password sign-in, a user without passkeys on a device that can
// hold one is offered to create one; "Not now" is remembered per user.
const { backend } = serveMockBackend({ settings: { firstFactors: { passkey: true } } });
const authenticator = softAuthenticatorPerTest();
// A sign-in page of its own, so going to '/' afterwards is a move to another page.
beforeEach(() => window.history.replaceState(null, '', '/sign-in'));

async function signInWithPassword() {
  const view = renderSignIn(backend.url);
  await enterIdentifier(view.user, ada.emailAddress);
  await heading('Enter your password');
  await view.user.type(screen.getByLabelText('Password'), ada.password);
  await view.user.click(screen.getByRole('button', { name: 'Continue' }));
  return view;
}

describe('<SignIn/>: the passkey offer', { timeout: 60_000 }, () => {
  it('offers a passkey before leaving, and makes one', async () => {
    const { user, navigate } = await signInWithPassword();
    await offerHeading();
    expect(navigate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Create a passkey' }));
    // A WebAuthn ceremony and three requests: give a busy machine time.
    expect(await screen.findByText(/Your passkey is ready/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(authenticator().size).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
  });

  it('leaves on "Not now", and does not ask this user again on this device', async () => {
    const first = await signInWithPassword();
    await offerHeading();
    await first.user.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(first.navigate).toHaveBeenCalledWith('/'));
    first.unmount();
    // Another visit with no session (the client token forgotten): the next sign-in goes straight on.
    localStorage.removeItem(`latch:client-token:${backend.url}`);
    const second = await signInWithPassword();
    await waitFor(() => expect(second.navigate).toHaveBeenCalledWith('/'));
    expect(screen.queryByRole('heading', { name: 'Sign in faster next time' })).toBeNull();
  });

  it('does not offer one to a user who has a passkey', async () => {
    const client = await signedInClient(backend, ada);
    await client.user!.createPasskey();
    await client.signOut();
    const { navigate } = await signInWithPassword();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(screen.queryByRole('heading', { name: 'Sign in faster next time' })).toBeNull();
  });
});
