// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useUser } from '@latch/react';
import { UserButton } from '@latch/ui';
import { ada, alan, renderWith, serveMockBackend, signedInClient } from './harness';

// Leaving the page is the one thing jsdom cannot do: record where the button would go.
// The app's router, as LatchProvider's `navigate`: where the component asks to go.
const navigateTo = vi.fn();
afterEach(() => navigateTo.mockReset());

const { backend } = serveMockBackend({ settings: { multiSession: true } });

function ActiveUser() {
  const { user } = useUser();
  return <p>Active: {user?.firstName}</p>;
}

async function openPopover(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Open user menu' }));
  return screen.findByRole('dialog', { name: 'User menu' });
}

describe('UserButton with several accounts', () => {
  it('lists the other account and switches to it', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada, alan);
    await renderWith(client, <><ActiveUser /><UserButton /></>, { navigate: navigateTo });
    expect(screen.getByText('Active: Alan')).toBeTruthy();

    const dialog = await openPopover(user);
    const others = within(dialog).getByRole('list', { name: 'Other accounts' });
    const items = within(others).getAllByRole('button');
    expect(items).toHaveLength(1);
    const switchToAda = within(others).getByRole('button', { name: 'Switch to Ada Lovelace ada@example.com' });
    expect(switchToAda.className).toContain('latch-accountSwitcherItem');
    expect(within(dialog).queryByRole('button', { name: /Switch to Alan/ })).toBeNull();

    await user.click(switchToAda);
    await screen.findByText('Active: Ada');
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open user menu' })));

    const again = await openPopover(user);
    expect(within(again).getByText('ada@example.com')).toBeTruthy();
    expect(within(again).getByRole('button', { name: /^Switch to Alan Turing / })).toBeTruthy();
  });

  it('offers "Add account", which goes to the sign-in page', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />, { navigate: navigateTo });
    // One account so far: nothing to switch to, but another can be added.
    const dialog = await openPopover(user);
    expect(within(dialog).queryByRole('list', { name: 'Other accounts' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Sign out of all accounts' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith('/sign-in');
  });

  it('sends "Add account" to signInUrl, and refuses a foreign one', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    const { unmount } = await renderWith(client, <UserButton signInUrl="/login?add=1" />, { navigate: navigateTo });
    await user.click(within(await openPopover(user)).getByRole('button', { name: 'Add account' }));
    expect(navigateTo).toHaveBeenLastCalledWith('/login?add=1');
    unmount();

    navigateTo.mockReset();
    await renderWith(client, <UserButton signInUrl="https://evil.example/phish" />, { navigate: navigateTo });
    await user.click(within(await openPopover(user)).getByRole('button', { name: 'Add account' }));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('signs only the active account out; the other one takes over', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada, alan);
    await renderWith(client, <><ActiveUser /><UserButton afterSignOutUrl="/goodbye" /></>, { navigate: navigateTo });
    await user.click(within(await openPopover(user)).getByRole('button', { name: 'Sign out' }));
    await screen.findByText('Active: Ada');
    expect(client.sessions.filter((s) => s.status === 'active')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    // Still signed in on this browser: no reason to leave the page.
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('signs every account out with "Sign out of all accounts", then goes to afterSignOutUrl', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada, alan);
    await renderWith(client, <UserButton afterSignOutUrl="/goodbye" />, { navigate: navigateTo });
    await user.click(within(await openPopover(user)).getByRole('button', { name: 'Sign out of all accounts' }));
    await screen.findByText('Signed out');
    expect(client.session).toBeNull();
    expect(client.sessions.filter((s) => s.status === 'active')).toHaveLength(0);
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith('/goodbye');
  });
});
