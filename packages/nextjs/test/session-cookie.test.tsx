// @vitest-environment jsdom
import { createMockBackend } from '@latch/mock';
import { useAuth, useSignIn } from '@latch/react';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LatchProvider } from '../src/client';
import { ada } from './harness';

const backend = createMockBackend({ users: [ada] });
const server = setupServer(...backend.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  localStorage.clear();
  document.cookie = 'latch_session=; Max-Age=0; Path=/';
  await backend.reset();
});
afterAll(() => server.close());

function SignInOut() {
  const { signIn, setActive } = useSignIn();
  const { signOut, isSignedIn } = useAuth();
  async function signInAsAda() {
    const attempt = await signIn.create({ identifier: ada.emailAddress, password: ada.password });
    await setActive({ session: attempt.createdSessionId! });
  }
  return isSignedIn ? <button onClick={() => signOut()}>Sign out</button> : <button onClick={signInAsAda}>Sign in</button>;
}

const sessionCookieValue = () => /(?:^|; )latch_session=([^;]*)/.exec(document.cookie)?.[1] ?? null;

describe('<LatchProvider> from @latch/nextjs/client keeps the session cookie', () => {
  it('sets it at sign-in, rewrites it before the token expires, and clears it at sign-out', async () => {
    // The page's timers and clock, moving on their own but also by hand.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const onSessionChange = vi.fn();
    render(
      <LatchProvider frontendApi={backend.url} secure={false} onSessionChange={onSessionChange}>
        <SignInOut />
      </LatchProvider>,
    );
    await act(async () => (await screen.findByRole('button', { name: 'Sign in' })).click());
    await waitFor(() => expect(sessionCookieValue()).toMatch(/^ey/));
    const first = sessionCookieValue();
    expect(onSessionChange).toHaveBeenCalledTimes(1);

    // 55 s on: the token (60 s) is renewed shortly before it ends.
    await act(() => vi.advanceTimersByTimeAsync(55_000));
    await waitFor(() => expect(sessionCookieValue()).not.toBe(first));
    expect(sessionCookieValue()).toMatch(/^ey/);

    await act(async () => (await screen.findByRole('button', { name: 'Sign out' })).click());
    await waitFor(() => expect(sessionCookieValue()).toBeNull());
    expect(onSessionChange).toHaveBeenCalledTimes(2);
  });

  it('leaves the cookie the server rendered alone until the client has loaded, and changes nothing for the same session', async () => {
    const onSessionChange = vi.fn();
    render(
      <LatchProvider frontendApi={backend.url} secure={false} initialState={{ userId: null, sessionId: null }} onSessionChange={onSessionChange}>
        <SignInOut />
      </LatchProvider>,
    );
    await screen.findByRole('button', { name: 'Sign in' });
    await waitFor(() => expect(document.cookie).not.toContain('latch_session=ey'));
    expect(onSessionChange).not.toHaveBeenCalled();
  });
});
