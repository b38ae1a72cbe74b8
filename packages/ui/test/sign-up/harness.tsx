import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import axe from 'axe-core';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { createMockBackend } from '@latch/mock';
import { LatchProvider, SignedIn } from '@latch/react';
import { SignUp } from '@latch/ui';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };

/**
 * A mock backend for this test file, served through MSW (anything else fetched
 * fails the test). After each test: unmount, forget stored client tokens,
 * reset the backend and the URL, so nothing leaks between tests.
 */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend({ users: [ada], ...options });
  const server = setupServer(...backend.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  // A sign-up page of its own, so going to '/' afterwards is a move to another page.
  beforeEach(() => window.history.replaceState(null, '', '/sign-up'));
  afterEach(async () => {
    cleanup();
    globalThis.localStorage?.clear();
    await backend.reset();
  });
  afterAll(() => server.close());
  return backend;
}

type SignUpProps = Parameters<typeof SignUp>[0];
type ProviderOptions = { appearance?: Record<string, unknown>; localization?: Record<string, unknown> };

/**
 * `<SignUp/>` in a provider on the mock, with "Signed in" shown once a session
 * is active, and the provider's `navigate` recorded instead of a page load.
 */
export function renderSignUp(url: string, props: SignUpProps = {}, provider: ProviderOptions = {}) {
  const navigate = vi.fn<(to: string) => void>();
  const user = userEvent.setup();
  const view = render(
    <LatchProvider frontendApi={url} navigate={navigate} {...provider}>
      <SignUp {...props} />
      <SignedIn>
        <p>Signed in</p>
      </SignedIn>
    </LatchProvider>,
  );
  return { ...view, user, navigate };
}

/** axe-core's violations on the page; contrast needs layout (the catalog's browser run checks it), and a component alone is not a page (`region`). */
export async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
