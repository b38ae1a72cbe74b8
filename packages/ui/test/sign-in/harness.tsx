import { afterAll, afterEach, beforeAll, onTestFinished, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import axe from 'axe-core';
import { Secret, TOTP } from 'otpauth';
import { createMemoryStorage } from '@latch/client';
import { createMockBackend, type MockBackend } from '@latch/mock';
import { LatchClient, LatchProvider, SignedIn, useUser, type LatchUIOptions } from '@latch/react';
import { SignIn } from '@latch/ui';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };
/** Has an authenticator app and one backup code: signing in asks for a second factor. */
export const grace = {
  emailAddress: 'grace@example.com',
  password: 'cobol-compiler-1959',
  firstName: 'Grace',
  lastName: 'Hopper',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  backupCodes: ['11111111'],
};

/**
 * A mock backend for this test file, served through MSW (anything else
 * fetched fails the test). After each test: unmount, forget stored client
 * tokens, put the URL back, reset the backend, so nothing leaks.
 */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend({ users: [ada, grace], ...options });
  const server = setupServer(...backend.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    server.resetHandlers();
    globalThis.localStorage?.clear();
    window.history.replaceState(null, '', '/');
    await backend.reset();
  });
  afterAll(() => server.close());
  return { backend, server };
}

/** What the authenticator app shows now for `secret`. */
export function totpCode(secret = grace.totpSecret): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate();
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
export async function otherDevice(backend: MockBackend, account: { emailAddress: string; password: string }) {
  const client = new LatchClient({ frontendApi: backend.url, transport: 'header', tokenStorage: createMemoryStorage(), broadcast: false });
  onTestFinished(() => client.destroy());
  await client.load();
  await client.signIn.create({ identifier: account.emailAddress, password: account.password });
  return client;
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

/** axe-core's violations on the page; contrast needs layout (checked in the catalog's browser run), and a component alone is not a page (`region`). */
export async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
