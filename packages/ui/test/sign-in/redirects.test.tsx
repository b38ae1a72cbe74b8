// @vitest-environment jsdom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { LatchClient } from '@latch/react';
import { afterAuthTarget } from '../../src/foundation';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from './harness';

// A full page load is the one thing jsdom cannot do: record where it would go.
const navigateTo = vi.hoisted(() => vi.fn());
vi.mock(import('../../src/foundation/routing/redirects'), async (importOriginal) => ({ ...(await importOriginal()), navigateTo }));
afterEach(() => navigateTo.mockReset());

const { backend } = serveMockBackend({ settings: { allowedRedirectOrigins: ['https://app.example.com'] } });

async function signInAsAda(user: ReturnType<typeof userEvent.setup>) {
  await enterIdentifier(user, ada.emailAddress);
  await heading('Enter your password');
  await user.type(screen.getByLabelText('Password'), ada.password);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByText('Signed in as Ada');
}

describe('<SignIn/> after signing in', () => {
  it('goes to a relative afterSignInUrl through the provider’s navigate', async () => {
    window.history.replaceState(null, '', '/sign-in');
    const { user, navigate } = renderSignIn(backend.url, { afterSignInUrl: '/dashboard?tab=1' });
    await signInAsAda(user);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/dashboard?tab=1'));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('refuses a javascript: afterSignInUrl and goes to / instead', async () => {
    window.history.replaceState(null, '', '/sign-in');
    const { user, navigate } = renderSignIn(backend.url, { afterSignInUrl: 'javascript:alert(document.cookie)' });
    await signInAsAda(user);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('loads an allowed origin as a new page, and prefers a safe redirect_url', async () => {
    window.history.replaceState(null, '', '/sign-in?redirect_url=https%3A%2F%2Fapp.example.com%2Fhome');
    const { user, navigate } = renderSignIn(backend.url, { afterSignInUrl: '/dashboard' });
    await signInAsAda(user);
    await vi.waitFor(() => expect(navigateTo).toHaveBeenCalledWith('https://app.example.com/home'));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('stays put when the target is this very page (the signed-in UI takes over)', async () => {
    window.history.replaceState(null, '', '/');
    const { user, navigate, container } = renderSignIn(backend.url);
    await signInAsAda(user);
    expect(navigate).not.toHaveBeenCalled();
    expect(navigateTo).not.toHaveBeenCalled();
    // Single-session and signed in: the component steps aside.
    await vi.waitFor(() => expect(container.querySelector('.latch-card')).toBeNull());
  });
});

describe('<SignIn/> for someone already signed in (single-session)', () => {
  it('leaves for the after-sign-in URL at once, showing nothing', async () => {
    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    window.history.replaceState(null, '', '/sign-in');
    const { navigate, container } = renderSignIn(backend.url, { afterSignInUrl: '/home' }, { client });
    await screen.findByText('Signed in as Ada');
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/home'));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.latch-card')).toBeNull();
  });
});

describe('afterAuthTarget', () => {
  const allowed = ['https://app.example.com'];
  it.each([
    ['/dashboard', '', '/dashboard'],
    ['http://localhost:3000/x', '', 'http://localhost:3000/x'],
    ['https://app.example.com/home', '', 'https://app.example.com/home'],
    ['javascript:alert(1)', '', '/'],
    ['https://evil.example/', '', '/'],
    ['//evil.example/', '', '/'],
    ['/\\evil.example', '', '/'],
    [undefined, '', '/'],
    ['/dashboard', '?redirect_url=%2Forders%2F7', '/orders/7'],
    ['/dashboard', '?redirect_url=https%3A%2F%2Fevil.example', '/dashboard'],
    ['/dashboard', '?redirect_url=javascript%3Aalert(1)', '/dashboard'],
  ])('afterSignInUrl %s with query %j → %s', (afterSignInUrl, search, expected) => {
    expect(afterAuthTarget(afterSignInUrl, allowed, search)).toBe(expected);
  });
});
