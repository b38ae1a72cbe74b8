// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ada, renderSignIn, serveMockBackend } from '../sign-in/harness';
import { violations } from '../mock-backend';

/**
 * Social sign-in through <SignIn/> and the mock's fake provider, as a person
 * goes through it: the button, the provider's page (the mock's consent API
 * here), back on the sso-callback step, signed in. Each refusal the issue
 * names ends in its own message, and a used answer is never sent twice.
 */
const { backend } = serveMockBackend({ oauth: { providers: ['google', 'github'] } });

/** The fake provider's answer for the authorization URL the button left for: where the browser goes next. */
async function consent(authorizationUrl: string, body: Record<string, unknown>): Promise<string> {
  const query = new URL(authorizationUrl, window.location.href).search;
  const response = await fetch(`${backend.url}/__mock/oauth/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, ...body }),
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { redirectUrl: string }).redirectUrl;
}

/** Clicks "Continue with Google" and returns where the page was sent (the provider's authorization URL). */
async function startWithGoogle(view: ReturnType<typeof renderSignIn>) {
  await view.user.click(await screen.findByRole('button', { name: 'Continue with Google' }));
  await waitFor(() => expect(view.navigate).toHaveBeenCalled());
  return view.navigate.mock.calls.at(-1)![0];
}

/** The provider sends the browser back: a new page load of `url` with a fresh <SignIn/>. */
function land(url: string, view: ReturnType<typeof renderSignIn>) {
  view.unmount();
  window.history.replaceState(null, '', new URL(url, window.location.href).pathname + new URL(url, window.location.href).search);
  return renderSignIn(backend.url, { routing: 'path' });
}

describe('social sign-in', () => {
  it('shows a button per provider, named for screen readers, with no axe violations', async () => {
    renderSignIn(backend.url, { routing: 'path' });
    const group = await screen.findByRole('group', { name: 'Sign in with a provider' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Continue with Google', 'Continue with GitHub']);
    expect(await violations()).toEqual([]);
  });

  it('signs up a new person through the provider and lands signed in, with "Last used" remembered', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const authorize = await startWithGoogle(view);
    const back = await consent(authorize, { decision: 'allow', identity: { email: 'new.person@example.com', name: 'New Person', emailVerified: true } });
    expect(new URL(back).pathname).toBe('/sign-in/sso-callback');
    view = land(back, view);
    await screen.findByText(/Signed in as/);
    // The used answer left the address bar: a reload cannot send it again.
    expect(window.location.search).not.toMatch(/code=|state=/);
    expect(localStorage.getItem('latch:last-strategy')).toBe('oauth_google');
  });

  it('says the provider refused when the person pressed Deny, and offers to try again or go back', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'deny' });
    view = land(back, view);
    expect(await screen.findByRole('alert')).toHaveTextContent('Access was not granted');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await view.user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('refuses a replayed answer (the state is single use)', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'allow', identity: { email: 'replay@example.com', name: null, emailVerified: true } });
    view = land(back, view);
    await screen.findByText(/Signed in as/);
    // The same answer again (a bookmarked or shared callback URL): refused.
    view = land(back, view);
    expect(await screen.findByRole('alert')).toHaveTextContent('no longer valid');
  });

  it('asks the existing account to prove itself before an unverified provider email is linked', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'allow', identity: { email: ada.emailAddress, name: 'Ada', emailVerified: false } });
    view = land(back, view);
    expect(await screen.findByRole('heading', { name: 'Enter your password' })).toBeInTheDocument();
    expect(await screen.findByText(/already exists\. Sign in to it once to connect Google/)).toBeInTheDocument();
  });
});
