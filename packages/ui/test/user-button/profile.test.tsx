// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserButton } from '@latch/ui';
import { ada, renderWith, serveMockBackend, signedInClient } from './harness';

// The app's router, as LatchProvider's `navigate`: where the component asks to go.
const navigateTo = vi.fn();
afterEach(() => navigateTo.mockReset());

const { backend } = serveMockBackend();

async function manageAccount(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Open user menu' }));
  const popover = await screen.findByRole('dialog', { name: 'User menu' });
  await user.click(within(popover).getByRole('button', { name: 'Manage account' }));
}

describe('UserButton "Manage account"', () => {
  it('opens the profile in a modal dialog, which closes back to the trigger', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />, { navigate: navigateTo });
    await manageAccount(user);

    const modal = await screen.findByRole('dialog', { name: 'Manage account' });
    expect(modal.getAttribute('aria-modal')).toBe('true');
    expect(screen.queryByRole('dialog', { name: 'User menu' })).toBeNull();
    expect(await within(modal).findByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    await vi.waitFor(() => expect(modal.contains(document.activeElement)).toBe(true));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open user menu' })));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("gives the profile the UserButton's appearance and localization", async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(
      client,
      <UserButton
        appearance={{ variables: { colorPrimary: 'rebeccapurple' }, elements: { headerTitle: 'brand-title', card: { borderWidth: '3px' } } }}
        localization={{ userProfile: { account: { title: 'Your account' } } }}
      />,
      { appearance: { userProfile: { elements: { headerTitle: 'provider-profile-title' } } } },
    );
    await manageAccount(user);

    const modal = await screen.findByRole('dialog', { name: 'Manage account' });
    const heading = await within(modal).findByRole('heading', { level: 1, name: 'Your account' });
    expect(heading.classList.contains('latch-headerTitle')).toBe(true);
    expect(heading.classList.contains('brand-title')).toBe(true);
    // The provider's userProfile layer applies on top of what UserButton passes down.
    expect(heading.classList.contains('provider-profile-title')).toBe(true);
    expect((modal.querySelector('.latch-card') as HTMLElement).style.borderWidth).toBe('3px');
    expect((heading.closest('.latch-root') as HTMLElement).style.getPropertyValue('--latch-color-primary')).toBe('rebeccapurple');
  });

  it('navigates to userProfileUrl in navigation mode', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton userProfileMode="navigation" userProfileUrl="/user" />, { navigate: navigateTo });
    await manageAccount(user);
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith('/user');
    expect(screen.queryByRole('dialog', { name: 'Manage account' })).toBeNull();
    // The router keeps the button mounted on the next page: the popover must not stay open over it.
    expect(screen.queryByRole('dialog', { name: 'User menu' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open user menu' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('does not follow an unsafe userProfileUrl', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton userProfileMode="navigation" userProfileUrl="javascript:alert(1)" />, { navigate: navigateTo });
    await manageAccount(user);
    expect(navigateTo).not.toHaveBeenCalled();
  });
});
