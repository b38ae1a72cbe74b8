// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { enterIdentifier, grace, heading, renderSignIn, serveMockBackend, totpCode } from './harness';

const { backend } = serveMockBackend();

/** Grace's identifier and password: her account then asks for a second factor. */
async function reachSecondFactor(user: ReturnType<typeof userEvent.setup>) {
  await enterIdentifier(user, grace.emailAddress);
  await heading('Enter your password');
  await user.type(screen.getByLabelText('Password'), grace.password);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return heading('Two-step verification');
}

describe('<SignIn/> second factor', () => {
  it('signs in with the code from the authenticator app', async () => {
    const { user } = renderSignIn(backend.url);
    const title = await reachSecondFactor(user);
    expect(document.activeElement).toBe(title);
    expect(screen.getByText('Enter the code from your authenticator app')).toBeTruthy();
    const input = screen.getByLabelText('Verification code');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');

    await user.type(input, '000000' === totpCode() ? '111111' : '000000');
    expect((await screen.findByRole('alert')).textContent).toBe('The code is incorrect.');
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);

    await user.clear(input);
    await user.type(input, totpCode());
    await screen.findByText('Signed in as Grace');
  });

  it('switches to a backup code and back, focusing the heading each time', async () => {
    const { user } = renderSignIn(backend.url);
    await reachSecondFactor(user);
    await user.click(screen.getByRole('button', { name: 'Use a backup code' }));
    await screen.findByText('Enter one of the backup codes you saved');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Two-step verification' }));
    expect(screen.queryByLabelText('Verification code')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Use your authenticator app' }));
    await screen.findByLabelText('Verification code');
    await user.click(screen.getByRole('button', { name: 'Use a backup code' }));
    await user.type(screen.getByLabelText('Backup code'), grace.backupCodes[0]!);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Signed in as Grace');
  });
});
