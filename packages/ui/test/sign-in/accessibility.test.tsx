// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ada, enterIdentifier, grace, heading, renderSignIn, serveMockBackend, violations } from './harness';

const { backend } = serveMockBackend();

describe('<SignIn/> passes axe on every step', () => {
  it('start, password with an error, email code, new password', async () => {
    const { user } = renderSignIn(backend.url);
    await heading('Sign in');
    expect(await violations()).toEqual([]);

    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('alert');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Use another method' }));
    await heading('Check your email');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Use your password' }));
    await user.click(await screen.findByRole('button', { name: 'Forgot password?' }));
    await heading('Reset your password');
    await user.type(screen.getByLabelText('Verification code'), backend.latestCode(ada.emailAddress)!);
    await heading('Set a new password');
    expect(await violations()).toEqual([]);
  });

  it('second factor, both modes', async () => {
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, grace.emailAddress);
    await heading('Enter your password');
    await user.type(screen.getByLabelText('Password'), grace.password);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Two-step verification');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Use a backup code' }));
    await screen.findByLabelText('Backup code');
    expect(await violations()).toEqual([]);
  });
});
