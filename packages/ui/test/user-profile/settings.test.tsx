// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserProfile } from '@latch/ui';
import { renderWith, serveMockBackend, signedInClient } from './harness';

// An instance without usernames (the default) and without two-step verification.
const { backend } = serveMockBackend({ settings: { mfa: { enabled: false } } });

describe('<UserProfile/> follows the instance, the appearance and the localization', () => {
  it('leaves out what the instance does not use: usernames and two-step verification', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    expect(screen.getByLabelText('First name')).toBeTruthy();
    expect(screen.queryByLabelText('Username')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Security' }));
    expect(screen.getByRole('region', { name: 'Password' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Two-step verification' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Delete account' })).toBeTruthy();
  });

  it('takes partial localization (falling back to English per key) and appearance elements', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(
      client,
      <UserProfile
        localization={{ formButtonPrimary: 'Onward', userProfile: { navbar: { security: 'Sicherheit' } } }}
        appearance={{ elements: { profileSectionItem: 'my-row', profileSectionAction: { letterSpacing: '2px' } } }}
      />,
      { localization: { userProfile: { emailAddresses: { add: 'Add another address' } } } },
    );
    const nav = screen.getByRole('navigation', { name: 'Account settings' });
    expect(within(nav).getByRole('button', { name: 'Sicherheit' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'Account' })).toBeTruthy();

    const add = screen.getByRole('button', { name: 'Add another address' });
    expect(add.classList.contains('latch-profileSectionAction')).toBe(true);
    expect(add.style.letterSpacing).toBe('2px');
    expect(screen.getByText('ada@example.com').closest('li')!.classList.contains('my-row')).toBe(true);

    await user.click(add);
    expect(screen.getByRole('button', { name: 'Onward' })).toBeTruthy();
  });

  it('shows names as text, never as markup', async () => {
    const client = await signedInClient(backend);
    await client.user!.update({ firstName: '<img src=x onerror=alert(1)>', lastName: null });
    const { container } = await renderWith(client, <UserProfile />);
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect((screen.getByLabelText('First name') as HTMLInputElement).value).toBe('<img src=x onerror=alert(1)>');
    expect(screen.getByRole('img', { name: 'Profile picture of <img src=x onerror=alert(1)>' })).toBeTruthy();
  });
});
