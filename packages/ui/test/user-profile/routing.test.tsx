// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserProfile } from '@latch/ui';
import { renderWith, serveMockBackend, signedInClient } from './harness';

const { backend } = serveMockBackend();
afterEach(() => window.history.replaceState(null, '', '/'));

function navLink(name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: 'Account settings' })).getByRole('link', { name });
}

describe('<UserProfile/> routing', () => {
  it('path: links to /user and /user/security, moves between them, and follows Back', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/user');
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile routing="path" path="/user" />);

    expect(navLink('Account').getAttribute('href')).toBe('/user');
    expect(navLink('Security').getAttribute('href')).toBe('/user/security');
    expect(navLink('Account').getAttribute('aria-current')).toBe('page');

    await user.click(navLink('Security'));
    expect(window.location.pathname).toBe('/user/security');
    const heading = screen.getByRole('heading', { level: 1, name: 'Security' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(navLink('Security').getAttribute('aria-current')).toBe('page');
    expect(navLink('Account').getAttribute('aria-current')).toBeNull();
    expect(await screen.findByRole('region', { name: 'Active devices' })).toBeTruthy();

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(window.location.pathname).toBe('/user');
    expect(screen.getByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
  });

  it('path: opens on the page the address names', async () => {
    window.history.replaceState(null, '', '/settings/user/security');
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile routing="path" path="/settings/user/" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeTruthy();
    expect(navLink('Account').getAttribute('href')).toBe('/settings/user');
    // A page opened from its address keeps the browser's focus: nothing was clicked.
    expect(document.activeElement).toBe(document.body);
  });

  it('hash: #/security', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/account?tab=1');
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile routing="hash" />);
    expect(navLink('Security').getAttribute('href')).toBe('#/security');

    await user.click(navLink('Security'));
    expect(window.location.hash).toBe('#/security');
    expect(window.location.search).toBe('?tab=1');
    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeTruthy();
    await user.click(navLink('Account'));
    expect(window.location.hash).toBe('');
    expect(screen.getByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
  });

  it('virtual: buttons, and the address never changes', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/profile');
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    const nav = screen.getByRole('navigation', { name: 'Account settings' });
    expect(within(nav).queryByRole('link')).toBeNull();

    await user.click(within(nav).getByRole('button', { name: 'Security' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeTruthy();
    expect(window.location.pathname).toBe('/profile');
    expect(window.location.hash).toBe('');
  });
});
