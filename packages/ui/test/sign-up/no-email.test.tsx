// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend({
  settings: { identifiers: { username: true, emailAddress: false }, signUp: { fields: { username: 'required', emailAddress: 'off' } } },
});

describe('<SignUp/>: an instance without email addresses', () => {
  it('signs up with username and password alone, with no code step', async () => {
    const { user, navigate } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Username'), 'alan');
    expect(screen.queryByLabelText('Email address')).toBeNull();
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Signed in')).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(backend.outbox).toHaveLength(0);
  });
});
