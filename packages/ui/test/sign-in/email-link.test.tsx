// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { createMemoryStorage } from '@latch/client';
import { EMAIL_LINK_PARAM } from '@latch/protocol';
import { LatchClient } from '@latch/react';
import type { MockBackend } from '@latch/mock';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend, violations } from './harness';

const settings = { emailVerification: { method: 'both' as const }, allowedRedirectOrigins: ['http://localhost:3000'] };
const { backend } = serveMockBackend({ settings });

/** Another browser: a client of its own. */
async function browser(mock: MockBackend) {
  const client = new LatchClient({ frontendApi: mock.url, transport: 'header', tokenStorage: createMemoryStorage(), broadcast: false });
  await client.load();
  return client;
}

function latestToken(mock: MockBackend): string {
  const link = mock.outbox.filter((email) => email.link).at(-1)?.link;
  const token = link && new URL(link, mock.url).searchParams.get(EMAIL_LINK_PARAM);
  if (!token) throw new Error('no link was emailed');
  return token;
}

/** The original browser asks for a sign-in link for Ada; the test gets its token, as from her inbox. */
async function linkFromAnotherBrowser(): Promise<string> {
  const original = await browser(backend);
  await original.signIn.create({ identifier: ada.emailAddress });
  const flow = original.signIn.createEmailLinkFlow();
  const done = flow.startEmailLinkFlow({ redirectUrl: '/sign-in/verify' });
  await waitFor(() => expect(backend.outbox.some((email) => email.link)).toBe(true));
  flow.cancelEmailLinkFlow();
  await done.catch(() => undefined);
  original.destroy();
  return latestToken(backend);
}

describe('<SignIn/> by email link', () => {
  it('sends the link from "Email me a link", waits, and signs in without a reload once another browser opens it', async () => {
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    // The step loads on demand: give the first import time.
    await screen.findByText('Waiting for you to open the link…', undefined, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
    expect(await violations()).toEqual([]);
    await waitFor(() => expect(backend.outbox.some((email) => email.link)).toBe(true));
    const link = backend.outbox.at(-1)?.link ?? '';
    // The link leads back to this page (virtual routing), on its own origin.
    expect(new URL(link).origin).toBe('http://localhost:3000');

    const other = await browser(backend);
    const used = await other.verifyEmailLink({ token: latestToken(backend) });
    expect(used).toMatchObject({ purpose: 'sign_in', completesIn: 'original', createdSessionId: null });
    other.destroy();
    await screen.findByText('Signed in as Ada', undefined, { timeout: 10_000 });
  }, 20_000);

  it('waits for the link already sent after a reload instead of sending another, which would void the first', async () => {
    window.history.replaceState(null, '', '/sign-in');
    const first = renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    await enterIdentifier(first.user, ada.emailAddress);
    await heading('Enter your password');
    await first.user.click(screen.getByRole('button', { name: 'Email me a link' }));
    await screen.findByText('Waiting for you to open the link…', undefined, { timeout: 10_000 });
    const links = () => backend.outbox.filter((email) => email.link).length;
    await waitFor(() => expect(links()).toBeGreaterThan(0));
    const sent = links();
    const token = latestToken(backend);

    // The reload: the same step of the same attempt, waiting for the same link.
    first.unmount();
    expect(window.location.pathname).toBe('/sign-in/factor-one');
    renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    await screen.findByText('Waiting for you to open the link…', undefined, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(links()).toBe(sent);

    const other = await browser(backend);
    await other.verifyEmailLink({ token });
    other.destroy();
    await screen.findByText('Signed in as Ada', undefined, { timeout: 10_000 });
  }, 30_000);

  it('opened from the link, reads it without using it, and uses it only on "Continue as…"', async () => {
    const token = await linkFromAnotherBrowser();
    window.history.replaceState(null, '', `/sign-in/verify?${EMAIL_LINK_PARAM}=${token}`);
    const { user } = renderSignIn(backend.url, { routing: 'path', path: '/sign-in' });
    const button = await screen.findByRole('button', { name: `Continue as ${ada.emailAddress}` });
    expect(await violations()).toEqual([]);
    // Loading the page (a mail scanner does as much) burned nothing: another look still finds it usable.
    const scanner = await browser(backend);
    await expect(scanner.inspectEmailLink({ token })).resolves.toMatchObject({ purpose: 'sign_in', emailAddress: ada.emailAddress });
    scanner.destroy();

    await user.click(button);
    await heading('Return to your original tab');
    expect(screen.getByText(/a link signs in only the browser that asked for it/)).toBeTruthy();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
  });

  it('says why a used link cannot be used again, and leads back to the start', async () => {
    const token = await linkFromAnotherBrowser();
    const first = await browser(backend);
    await first.verifyEmailLink({ token });
    first.destroy();
    window.history.replaceState(null, '', `/?${EMAIL_LINK_PARAM}=${token}`);
    const { user } = renderSignIn(backend.url);
    expect((await screen.findByRole('alert')).textContent).toContain('This link was already used.');
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    await heading('Sign in');
    expect(window.location.search).toBe('');
  });
});
