import { vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { createMockBackend, MockBackend } from '@latch/mock';
import { LatchProvider, SignedIn, useUser, type LatchClient, type LatchUIOptions } from '@latch/react';
import { SignIn } from '@latch/ui';
import { ada, serveMockBackend as serveBackend, signedInClient, totpCode as authenticatorCode } from '../mock-backend';

export { ada, violations } from '../mock-backend';

/** Has an authenticator app and one backup code: signing in asks for a second factor. */
export const grace = {
  emailAddress: 'grace@example.com',
  password: 'cobol-compiler-1959',
  firstName: 'Grace',
  lastName: 'Hopper',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  backupCodes: ['11111111'],
};

/** The mock backend with Ada and Grace, reset after each test. */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  return serveBackend({ users: [ada, grace], ...options });
}

/** What the authenticator app shows now for `secret` (Grace's by default). */
export function totpCode(secret = grace.totpSecret): string {
  return authenticatorCode(secret);
}

/** Shows who is signed in, so a test sees a sign-in land. */
function ActiveUser() {
  const { user } = useUser();
  return <p>Signed in as {user?.firstName}</p>;
}

type SignInProps = Parameters<typeof SignIn>[0];

/**
 * `<SignIn/>` in a provider on the mock (or on `client`), with the active user
 * shown once signed in and the provider's `navigate` recorded instead of a page load.
 */
export function renderSignIn(url: string, props: SignInProps = {}, provider: LatchUIOptions & { client?: LatchClient } = {}) {
  const navigate = vi.fn<(to: string) => void>();
  const user = userEvent.setup();
  const { client, ...options } = provider;
  const source = client ? { client } : { frontendApi: url };
  const view = render(
    <LatchProvider {...source} navigate={navigate} {...options}>
      <SignIn {...props} />
      <SignedIn>
        <ActiveUser />
      </SignedIn>
    </LatchProvider>,
  );
  return { ...view, user, navigate };
}

/** Another browser, with its own client token, for "sign out of other devices". */
export function otherDevice(backend: MockBackend, account: { emailAddress: string; password: string }) {
  return signedInClient(backend, account);
}

/** The step's heading, once it shows. */
export function heading(name: string) {
  return screen.findByRole('heading', { level: 1, name });
}

/** The start step's identifier, typed and submitted. */
export async function enterIdentifier(user: ReturnType<typeof userEvent.setup>, identifier: string, label = 'Email address') {
  await user.type(await screen.findByLabelText(label), identifier);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}
