// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderSignUp, serveMockBackend } from '../sign-up/harness';
import { offerHeading, softAuthenticatorPerTest } from './harness';

// Right after a sign-up, on a device that can hold a passkey: the offer.
const backend = serveMockBackend({ settings: { firstFactors: { passkey: true } } });
const authenticator = softAuthenticatorPerTest();

describe('<SignUp/>: the passkey offer', { timeout: 60_000 }, () => {
  it('offers a passkey once signed up, then leaves', async () => {
    const { user, navigate } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Verification code'), backend.latestCode('alan@example.com')!);

    const title = await offerHeading();
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(navigate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Create a passkey' }));
    // A WebAuthn ceremony and three requests: give a busy machine time.
    await screen.findByText(/Your passkey is ready/, undefined, { timeout: 10_000 });
    expect(authenticator().size).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
  });
});
