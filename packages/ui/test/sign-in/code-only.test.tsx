// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from './harness';

// An instance without passwords, that takes usernames and has sign-up turned off.
const { backend } = serveMockBackend({
  users: [{ ...ada, username: 'ada' }],
  settings: { firstFactors: { password: false }, identifiers: { username: true }, signUp: { enabled: false } },
});

describe('<SignIn/> on an instance without passwords', () => {
  it('sends the code at once and signs in with it, by username', async () => {
    const { user } = renderSignIn(backend.url);
    await heading('Sign in');
    // Usernames are accepted, so the field says so; no sign-up, so no link to it.
    expect(screen.getByLabelText('Email address or username').getAttribute('type')).toBe('text');
    expect(screen.queryByRole('link', { name: 'Sign up' })).toBeNull();

    await enterIdentifier(user, 'ada', 'Email address or username');
    await heading('Check your email');
    expect(screen.queryByRole('button', { name: 'Use your password' })).toBeNull();
    await user.type(screen.getByLabelText('Verification code'), backend.latestCode(ada.emailAddress)!);
    await screen.findByText('Signed in as Ada');
  });
});
