// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderSignUp, serveMockBackend } from './harness';

// A full page load is the one thing jsdom cannot do: record where it would go.
const navigateTo = vi.hoisted(() => vi.fn());
vi.mock(import('../../src/foundation/routing/redirects'), async (importOriginal) => ({ ...(await importOriginal()), navigateTo }));
afterEach(() => navigateTo.mockReset());

const backend = serveMockBackend({ settings: { allowedRedirectOrigins: ['https://app.example.com'] } });

describe('<SignUp/>: the whole flow', () => {
  it('creates the account, verifies the email with the code, and ends signed in', async () => {
    const { user, navigate } = renderSignUp(backend.url);

    await user.type(await screen.findByLabelText('First name'), 'Alan');
    await user.type(screen.getByLabelText('Last name'), 'Turing');
    await user.type(screen.getByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    // The new step's heading takes focus, so a screen reader announces it.
    const heading = await screen.findByRole('heading', { name: 'Verify your email' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('alan@example.com')).toBeTruthy();
    expect(backend.outbox.map((email) => email.to)).toEqual(['alan@example.com']);

    const code = screen.getByLabelText('Verification code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await user.type(code, backend.latestCode('alan@example.com')!);

    expect(await screen.findByText('Signed in')).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
  });

  it('submits with Enter, and sends one sign-up when Enter is pressed twice', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'kay@example.com');
    await user.type(screen.getByLabelText('Password'), 'dynabook-1972!');
    await user.keyboard('{Enter}{Enter}');
    await screen.findByRole('heading', { name: 'Verify your email' });
    expect(backend.outbox).toHaveLength(1);
  });

  it('marks the button busy while the request is in flight, and a double click sends one request', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'lin@example.com');
    await user.type(screen.getByLabelText('Password'), 'lambda-calculus-36');
    backend.scenario('slow');
    const button = screen.getByRole('button', { name: 'Continue' });
    await user.dblClick(button);

    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.hasAttribute('data-loading')).toBe(true);
    expect(within(button).getByText('Loading')).toBeTruthy();
    await screen.findByRole('heading', { name: 'Verify your email' }, { timeout: 10_000 });
    backend.scenario(null);
    expect(backend.outbox).toHaveLength(1);
  });

  it('goes back with "Edit", keeping what was typed, and can continue with a corrected email', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'typo@exmaple.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Verify your email' });

    await user.click(screen.getByRole('button', { name: 'Edit email address' }));
    const heading = await screen.findByRole('heading', { name: 'Create your account' });
    expect(document.activeElement).toBe(heading);
    const email = screen.getByLabelText<HTMLInputElement>('Email address');
    expect(email.value).toBe('typo@exmaple.com');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('enigma-bombe-1939');

    await user.clear(email);
    await user.type(email, 'fixed@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Verify your email' });
    expect(screen.getByText('fixed@example.com')).toBeTruthy();
    expect(backend.latestCode('fixed@example.com')).toMatch(/^\d{6}$/);
  });

  it('links to sign-in, at /sign-in by default or at signInUrl', async () => {
    const first = renderSignUp(backend.url);
    const link = await screen.findByRole('link', { name: 'Sign in' });
    expect(link.getAttribute('href')).toBe('/sign-in');
    first.unmount();

    renderSignUp(backend.url, { signInUrl: '/login' });
    expect((await screen.findByRole('link', { name: 'Sign in' })).getAttribute('href')).toBe('/login');
  });
});

describe('<SignUp/>: where it goes afterwards', () => {
  async function signUpAs(emailAddress: string, props: Parameters<typeof renderSignUp>[1]) {
    const { user, navigate } = renderSignUp(backend.url, props);
    await user.type(await screen.findByLabelText('Email address'), emailAddress);
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Verification code'), backend.latestCode(emailAddress)!);
    await screen.findByText('Signed in');
    return navigate;
  }

  it('goes to a relative afterSignUpUrl through the provider’s navigate', async () => {
    const navigate = await signUpAs('rel@example.com', { afterSignUpUrl: '/welcome?tour=1' });
    // The session is active a moment before setActive resolves and the page moves on.
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/welcome?tour=1'));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('loads an allowed origin as a new page (a router cannot leave the origin)', async () => {
    const navigate = await signUpAs('abs@example.com', { afterSignUpUrl: 'https://app.example.com/home' });
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith('https://app.example.com/home'));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('never follows javascript:, falling back to /', async () => {
    const navigate = await signUpAs('js@example.com', { afterSignUpUrl: 'javascript:alert(document.cookie)' });
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('refuses an origin that is not allowed, falling back to /', async () => {
    const navigate = await signUpAs('evil@example.com', { afterSignUpUrl: 'https://evil.example/' });
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('prefers a safe redirect_url from the page query', async () => {
    window.history.replaceState(null, '', '/sign-up?redirect_url=%2Fcheckout');
    const navigate = await signUpAs('query@example.com', { afterSignUpUrl: '/welcome' });
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/checkout'));
  });

  it('stays put when the target is this very page: the signed-in UI takes over', async () => {
    window.history.replaceState(null, '', '/welcome');
    const navigate = await signUpAs('here@example.com', { afterSignUpUrl: '/welcome' });
    // Give a wrong navigation every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(navigate).not.toHaveBeenCalled();
    expect(navigateTo).not.toHaveBeenCalled();
  });
});
