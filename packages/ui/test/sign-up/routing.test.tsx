// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend();

async function reachCodeStep(user: ReturnType<typeof renderSignUp>['user'], emailAddress: string) {
  await user.type(await screen.findByLabelText('Email address'), emailAddress);
  await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Verify your email' });
}

function goBack() {
  // jsdom moves through history asynchronously and then fires popstate, as browsers do.
  return act(async () => {
    const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await moved;
  });
}

describe('<SignUp/>: routing', () => {
  it('path: the code step has its own URL, and Back returns to the form', async () => {
    window.history.replaceState(null, '', '/sign-up?redirect_url=%2Fnext');
    const { user } = renderSignUp(backend.url, { routing: 'path', path: '/sign-up' });
    await reachCodeStep(user, 'alan@example.com');
    expect(window.location.pathname).toBe('/sign-up/verify-email-address');
    expect(window.location.search).toBe('?redirect_url=%2Fnext');

    await goBack();
    expect(window.location.pathname).toBe('/sign-up');
    const heading = await screen.findByRole('heading', { name: 'Create your account' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('alan@example.com');
  });

  it('path: a reload on the code step carries on with the same sign-up', async () => {
    window.history.replaceState(null, '', '/sign-up');
    const first = renderSignUp(backend.url, { routing: 'path', path: '/sign-up' });
    await reachCodeStep(first.user, 'kay@example.com');
    first.unmount();

    // A new page load: a new provider, the client token from storage, the URL as it was.
    const { user, navigate } = renderSignUp(backend.url, { routing: 'path', path: '/sign-up' });
    expect(await screen.findByText('kay@example.com')).toBeTruthy();
    await user.type(screen.getByLabelText('Verification code'), backend.latestCode('kay@example.com')!);
    expect(await screen.findByText('Signed in')).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
  });

  it('path: the code step with nothing to verify goes back to the form', async () => {
    window.history.replaceState(null, '', '/sign-up/verify-email-address');
    renderSignUp(backend.url, { routing: 'path', path: '/sign-up' });
    await screen.findByLabelText('Email address');
    await waitFor(() => expect(window.location.pathname).toBe('/sign-up'));
    expect(screen.queryByLabelText('Verification code')).toBeNull();
  });

  it('hash: the step lives in the hash', async () => {
    window.history.replaceState(null, '', '/join');
    const { user } = renderSignUp(backend.url, { routing: 'hash' });
    await reachCodeStep(user, 'lin@example.com');
    expect(window.location.pathname).toBe('/join');
    expect(window.location.hash).toBe('#/verify-email-address');
  });

  it('virtual (the default): the URL never changes', async () => {
    window.history.replaceState(null, '', '/join');
    const { user } = renderSignUp(backend.url);
    await reachCodeStep(user, 'ken@example.com');
    expect(window.location.pathname + window.location.hash).toBe('/join');
  });
});
