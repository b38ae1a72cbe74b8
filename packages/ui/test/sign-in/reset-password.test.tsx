// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { ada, enterIdentifier, heading, otherDevice, renderSignIn, serveMockBackend } from './harness';

const { backend } = serveMockBackend();
const newPassword = 'analytical-engine-1843';

/** From the start to "Set a new password": "Forgot password?", then the emailed code. */
async function reachNewPassword(user: ReturnType<typeof userEvent.setup>) {
  await enterIdentifier(user, ada.emailAddress);
  await heading('Enter your password');
  await user.click(screen.getByRole('button', { name: 'Forgot password?' }));
  const title = await heading('Reset your password');
  expect(document.activeElement).toBe(title);
  expect(backend.outbox.at(-1)?.kind).toBe('reset_password_code');
  await user.type(screen.getByLabelText('Verification code'), backend.latestCode(ada.emailAddress)!);
  return heading('Set a new password');
}

describe('<SignIn/> forgot password', () => {
  it('resets the password, signs in, and signs out the other devices', async () => {
    const other = await otherDevice(backend, ada);
    expect(await other.getToken({ skipCache: true })).toEqual(expect.any(String));
    const { user } = renderSignIn(backend.url);

    const title = await reachNewPassword(user);
    expect(document.activeElement).toBe(title);
    const checkbox = screen.getByRole('checkbox', { name: 'Sign out of other devices' }) as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
    expect(screen.getByLabelText('New password').getAttribute('autocomplete')).toBe('new-password');
    await user.type(screen.getByLabelText('New password'), newPassword);
    await user.type(screen.getByLabelText('Confirm password'), newPassword);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByText('Signed in as Ada');
    expect(await other.getToken({ skipCache: true })).toBeNull();
  });

  it('keeps the other devices signed in when asked to', async () => {
    const other = await otherDevice(backend, ada);
    const { user } = renderSignIn(backend.url);
    await reachNewPassword(user);
    await user.click(screen.getByRole('checkbox', { name: 'Sign out of other devices' }));
    await user.type(screen.getByLabelText('New password'), newPassword);
    await user.type(screen.getByLabelText('Confirm password'), newPassword);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByText('Signed in as Ada');
    expect(await other.getToken({ skipCache: true })).toEqual(expect.any(String));
  });

  it('says when the confirmation differs, and when the server refuses the password', async () => {
    const { user } = renderSignIn(backend.url);
    await reachNewPassword(user);
    await user.type(screen.getByLabelText('New password'), newPassword);
    await user.type(screen.getByLabelText('Confirm password'), 'something-else-entirely');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const mismatch = await screen.findByRole('alert');
    expect(mismatch.textContent).toBe('The passwords do not match.');
    expect(screen.getByLabelText('Confirm password').getAttribute('aria-describedby')).toBe(mismatch.id);

    await user.clear(screen.getByLabelText('New password'));
    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Your password is too short.');
    const alert = screen.getByRole('alert');
    expect(screen.getByLabelText('New password').getAttribute('aria-describedby')).toBe(alert.id);
  });
});
