// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ada, renderSignIn, serveMockBackend } from '../sign-in/harness';
import { renderSignUp } from '../sign-up/harness';
import { violations } from '../mock-backend';
import type { ConsentInput, MockOAuthIdentity } from '@latch/mock';

/**
 * Social sign-in through <SignIn/> and the mock's fake provider, as a person
 * goes through it: the button, the provider's page (the mock's consent API
 * here), back on the sso-callback step, signed in. Each refusal the issue
 * names ends in its own message, and a used answer is never sent twice.
 */
/** What waits on an on-demand chunk or a round trip to the in-process server (2 cores shared in CI). */
const slow = { timeout: 15_000 };

const { backend } = serveMockBackend({ oauth: { providers: ['google', 'github'] } });

/** The fake provider's answer for the authorization URL the button left for (its consent page, skipped): where the browser goes next. */
function consent(authorizationUrl: string, input: Omit<ConsentInput, 'query'>): Promise<string> {
  return backend.oauth!.consent({ query: new URL(authorizationUrl, window.location.href).search, ...input });
}

/** A person the provider knows, with `email` (verified or not). */
function person(email: string, emailVerified = true): MockOAuthIdentity {
  return { id: `test-${email}`, email, emailVerified, firstName: 'Test', lastName: 'Person' };
}

/** Clicks "Continue with Google" and returns where the page was sent (the provider's authorization URL). */
async function startWithGoogle(view: ReturnType<typeof renderSignIn>) {
  await view.user.click(await screen.findByRole('button', { name: 'Continue with Google' }, slow));
  await waitFor(() => expect(view.navigate).toHaveBeenCalled(), slow);
  return view.navigate.mock.calls.at(-1)![0];
}

/** The provider sends the browser back: a new page load of `url` with a fresh <SignIn/>. */
function land(url: string, view: ReturnType<typeof renderSignIn>) {
  view.unmount();
  window.history.replaceState(null, '', new URL(url, window.location.href).pathname + new URL(url, window.location.href).search);
  return renderSignIn(backend.url, { routing: 'path' });
}

describe('social sign-in', () => {
  it('shows a button per provider, named for screen readers, with no axe violations', { timeout: 40_000 }, async () => {
    renderSignIn(backend.url, { routing: 'path' });
    const group = await screen.findByRole('group', { name: 'Sign in with a provider' }, slow);
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Continue with Google', 'Continue with GitHub']);
    expect(await violations()).toEqual([]);
  });

  it('signs up a new person through the provider and lands signed in, with "Last used" remembered', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const authorize = await startWithGoogle(view);
    const back = await consent(authorize, { decision: 'allow', identity: person('new.person@example.com') });
    expect(new URL(back).pathname).toBe('/sign-in/sso-callback');
    view = land(back, view);
    await screen.findByText(/Signed in as/, {}, slow);
    // The used answer left the address bar: a reload cannot send it again.
    expect(window.location.search).not.toMatch(/code=|state=/);
    expect(localStorage.getItem('latch:last-strategy')).toBe('oauth_google');
  });

  it('says the provider refused when the person pressed Deny, and offers to try again or go back', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'deny' });
    view = land(back, view);
    expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('Access was not granted');
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveProperty('disabled', false);
    await view.user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await screen.findByRole('heading', { name: 'Sign in' }, slow);
  });

  it('an unreachable provider: "Try again" sends the same answer again (its code is still good), without a second trip to the provider', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'allow', identity: person('outage@example.com') });
    backend.oauth!.setReachable('google', false);
    try {
      view = land(back, view);
      expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('The provider can’t be reached');
    } finally {
      backend.oauth!.setReachable('google', true);
    }
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText(/Signed in as Test/, {}, slow);
    expect(view.navigate).not.toHaveBeenCalledWith(expect.stringContaining('mock-oauth-consent'));
  });

  it('refuses a replayed answer (the state is single use)', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'allow', identity: person('replay@example.com') });
    view = land(back, view);
    await screen.findByText(/Signed in as/, {}, slow);
    // The same answer again (a bookmarked or shared callback URL): refused.
    view = land(back, view);
    expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('no longer valid');
  });

  it('refuses to link an account on an email the provider has not verified', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    const back = await consent(await startWithGoogle(view), { decision: 'allow', identity: person(ada.emailAddress, false) });
    view = land(back, view);
    expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('belongs to another account');
  });

  it('asks the existing account to prove itself before a provider it does not trust for email is linked', async () => {
    let view = renderSignIn(backend.url, { routing: 'path' });
    await view.user.click(await screen.findByRole('button', { name: 'Continue with GitHub' }, slow));
    await waitFor(() => expect(view.navigate).toHaveBeenCalled(), slow);
    const back = await consent(view.navigate.mock.calls.at(-1)![0], { decision: 'allow', identity: person(ada.emailAddress) });
    view = land(back, view);
    await screen.findByRole('heading', { name: 'Enter your password' }, slow);
    await screen.findByText(/already exists\. Sign in to it once to connect GitHub/);
    // Her password proves it: signed in, and GitHub is hers from now on.
    await view.user.type(screen.getByLabelText('Password'), ada.password);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText(/Signed in as Ada/, {}, slow);
  });

  it('hands a sign-up through a provider over to <SignIn/> when the email is an account\'s, whatever the sign-in page\'s routing', async () => {
    // Both components with their default ('virtual') routing: the sign-up page is the provider's callback.
    window.history.replaceState(null, '', '/sign-up');
    const signUp = renderSignUp(backend.url);
    await signUp.user.click(await screen.findByRole('button', { name: 'Continue with GitHub' }, slow));
    await waitFor(() => expect(signUp.navigate).toHaveBeenCalled(), slow);
    const back = new URL(await consent(signUp.navigate.mock.calls.at(-1)![0], { decision: 'allow', identity: person(ada.emailAddress) }), window.location.href);
    expect(back.pathname).toBe('/sign-up');
    signUp.unmount();
    window.history.replaceState(null, '', back.pathname + back.search);
    const returned = renderSignUp(backend.url);
    await waitFor(() => expect(returned.navigate).toHaveBeenCalledWith('/sign-in'), slow);
    returned.unmount();

    window.history.replaceState(null, '', '/sign-in');
    const view = renderSignIn(backend.url);
    await screen.findByRole('heading', { name: 'Enter your password' }, slow);
    await screen.findByText(/already exists\. Sign in to it once to connect GitHub/);
    await view.user.type(screen.getByLabelText('Password'), ada.password);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText(/Signed in as Ada/, {}, slow);
  });
});
