// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { signedInClient } from '../mock-backend';
import { softAuthenticatorPerTest } from './harness';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from '../sign-in/harness';

// <SignIn/> with passkeys on: autofill starts with the start step and ends
// without a trace (no unhandled rejection, no console error) whichever way
// the person goes; the button signs in; a cancelled prompt says nothing.
const { backend } = serveMockBackend({ settings: { firstFactors: { passkey: true } } });

const authenticator = softAuthenticatorPerTest();

/** Ada with a passkey on this authenticator, made from another client (as on her profile). */
async function adaWithPasskey() {
  const client = await signedInClient(backend, ada);
  await client.user!.createPasskey({ name: 'Laptop' });
}

describe('<SignIn/> with passkeys', { timeout: 60_000 }, () => {

  it('marks the identifier for passkey autofill and waits for a pick from the moment it shows', async () => {
    renderSignIn(backend.url);
    // The first render of the file waits for the client to load.
    await screen.findByRole('button', { name: 'Sign in with a passkey' }, { timeout: 5_000 });
    expect(screen.getByLabelText('Email address').getAttribute('autocomplete')).toBe('username webauthn');
    await waitFor(() => expect(authenticator().autofillPending).toBe(true));
  });

  it('signs in with the passkey picked from autofill', async () => {
    await adaWithPasskey();
    renderSignIn(backend.url);
    await waitFor(() => expect(authenticator().autofillPending).toBe(true), { timeout: 5_000 });
    await act(() => authenticator().pickFromAutofill());
    await screen.findByText('Signed in as Ada', undefined, { timeout: 10_000 });
  });

  it('cancels autofill when the identifier is sent', async () => {
    const { user } = renderSignIn(backend.url);
    await waitFor(() => expect(authenticator().autofillPending).toBe(true));
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    expect(authenticator().autofillPending).toBe(false);
  });

  it('cancels autofill when the component goes away', async () => {
    const { unmount } = renderSignIn(backend.url);
    await waitFor(() => expect(authenticator().autofillPending).toBe(true));
    unmount();
    await waitFor(() => expect(authenticator().autofillPending).toBe(false));
  });

  it('signs in with the button (no identifier needed)', async () => {
    await adaWithPasskey();
    const { user } = renderSignIn(backend.url);
    await user.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }));
    await screen.findByText('Signed in as Ada', undefined, { timeout: 10_000 });
  });

  it('says nothing when the person closes the passkey prompt, and the button works again', async () => {
    authenticator().behaviour = 'cancel';
    const { user } = renderSignIn(backend.url);
    const button = await screen.findByRole('button', { name: 'Sign in with a passkey' });
    await user.click(button);
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
    // Autofill waits again.
    await waitFor(() => expect(authenticator().autofillPending).toBe(true));
  });

  it('announces a passkey the server does not know', async () => {
    await authenticator().addStranger();
    const { user } = renderSignIn(backend.url);
    await user.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }));
    expect((await screen.findByRole('alert')).textContent).toContain('We don’t recognize this passkey.');
  });
});
