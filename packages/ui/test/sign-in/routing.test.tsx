// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { ada, enterIdentifier, grace, heading, renderSignIn, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

/** Browser Back or Forward; jsdom fires popstate asynchronously, like a browser. */
async function history(direction: 'back' | 'forward') {
  await act(async () => {
    const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history[direction]();
    await moved;
  });
}

describe('<SignIn/> routing', () => {
  it("'virtual' (default) leaves the URL alone", async () => {
    window.history.replaceState(null, '', '/login?x=1');
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/login?x=1');
  });

  it("'hash' puts the step in the hash, and Back returns to the start", async () => {
    window.history.replaceState(null, '', '/login?x=1');
    const { user } = renderSignIn(backend.url, { routing: 'hash' });
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    expect(window.location.hash).toBe('#/factor-one');
    expect(window.location.pathname + window.location.search).toBe('/login?x=1');

    await history('back');
    const start = await heading('Sign in');
    expect(window.location.hash).toBe('');
    expect(document.activeElement).toBe(start);
    await history('forward');
    await heading('Enter your password');
  });

  it("'path' gives each step a path under `path`, and Back works", async () => {
    window.history.replaceState(null, '', '/sign-in');
    const { user } = renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    await enterIdentifier(user, grace.emailAddress);
    await heading('Enter your password');
    expect(window.location.pathname).toBe('/sign-in/factor-one');

    await history('back');
    await heading('Sign in');
    expect(window.location.pathname).toBe('/sign-in');
    await history('forward');
    await heading('Enter your password');

    await user.type(screen.getByLabelText('Password'), grace.password);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Two-step verification');
    expect(window.location.pathname).toBe('/sign-in/factor-two');

    // Back into the password step after it was passed: it cannot show, so the start replaces it.
    await history('back');
    await heading('Sign in');
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('a step URL that does not fit the attempt shows the start instead', async () => {
    window.history.replaceState(null, '', '/sign-in/factor-two');
    renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    await heading('Sign in');
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('a reload on a step shows that step of the attempt in progress', async () => {
    window.history.replaceState(null, '', '/sign-in');
    const first = renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    await enterIdentifier(first.user, ada.emailAddress);
    await heading('Enter your password');
    first.unmount();

    // A new page load: a new provider and client, the same client token and URL.
    const { user } = renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    const title = await heading('Enter your password');
    expect(document.activeElement).not.toBe(title);
    // Only what the server shows before the first factor: the masked identifier.
    expect(screen.getByText('a***@example.com')).toBeTruthy();
    await user.type(screen.getByLabelText('Password'), ada.password);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Signed in as Ada');
  });
});
