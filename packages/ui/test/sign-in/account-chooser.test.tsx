// @vitest-environment jsdom
import { describe, expect, it, onTestFinished } from 'vitest';
import { screen, within } from '@testing-library/react';
import { LatchClient } from '@latch/react';
import { ada, enterIdentifier, grace, heading, renderSignIn, serveMockBackend, totpCode, violations } from './harness';

const { backend } = serveMockBackend({ settings: { multiSession: true } });

/** A loaded client of this browser with Ada, then Grace, signed in: Grace is active. */
async function bothSignedIn() {
  const client = new LatchClient({ frontendApi: backend.url });
  onTestFinished(() => client.destroy());
  await client.load();
  await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
  await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
  await client.signIn.attemptSecondFactor({ strategy: 'totp', code: totpCode() });
  return client;
}

describe('<SignIn/> account chooser (multi-session)', () => {
  it('lists the accounts and switches to the one chosen', async () => {
    const client = await bothSignedIn();
    window.history.replaceState(null, '', '/sign-in');
    const { user, navigate } = renderSignIn(backend.url, {}, { client });
    await screen.findByText('Signed in as Grace');

    await heading('Choose an account');
    const accounts = within(screen.getByRole('list'));
    // Each account is one button named by its name and email; the avatar's initials are decoration.
    const items = [
      accounts.getByRole('button', { name: 'Ada Lovelace ada@example.com' }),
      accounts.getByRole('button', { name: 'Grace Hopper grace@example.com' }),
    ];
    expect(accounts.getAllByRole('button')).toEqual(items);
    expect(items.map((item) => item.hasAttribute('data-active'))).toEqual([false, true]);
    expect(items[0]!.className).toContain('latch-accountSwitcherItem');
    expect(items[1]!.getAttribute('aria-current')).toBe('true');
    expect(items[0]!.querySelector('.latch-avatarInitials')?.textContent).toBe('AL');
    expect(await violations()).toEqual([]);

    await user.click(accounts.getByRole('button', { name: 'Ada Lovelace ada@example.com' }));
    await screen.findByText('Signed in as Ada');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('adds an account from the chooser', async () => {
    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const { user } = renderSignIn(backend.url, {}, { client });
    await heading('Choose an account');

    await user.click(screen.getByRole('button', { name: 'Add account' }));
    const start = await heading('Sign in');
    expect(document.activeElement).toBe(start);
    await enterIdentifier(user, grace.emailAddress);
    await heading('Enter your password');
    await user.type(screen.getByLabelText('Password'), grace.password);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Two-step verification');
    await user.type(screen.getByLabelText('Verification code'), totpCode());

    await screen.findByText('Signed in as Grace');
    // Same page after signing in: back to the chooser, now with both accounts.
    await heading('Choose an account');
    expect(within(screen.getByRole('list')).getAllByRole('button')).toHaveLength(2);
  });
});
