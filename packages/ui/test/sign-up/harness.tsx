import { beforeEach, vi } from 'vitest';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { createMockBackend } from '@latch/mock';
import { LatchProvider, SignedIn } from '@latch/react';
import { SignUp } from '@latch/ui';
import { ada, serveMockBackend as serveBackend } from '../mock-backend';

export { ada, violations } from '../mock-backend';

/** The mock backend with Ada, reset after each test; each test starts on a sign-up page of its own. */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const { backend } = serveBackend({ users: [ada], ...options });
  // A sign-up page of its own, so going to '/' afterwards is a move to another page.
  beforeEach(() => window.history.replaceState(null, '', '/sign-up'));
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
