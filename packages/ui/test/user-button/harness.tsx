import { afterAll, afterEach, beforeAll, onTestFinished } from 'vitest';
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { createMockBackend, type MockBackend } from '@latch/mock';
import { LatchClient, LatchProvider, SignedIn, SignedOut, type LatchUIOptions } from '@latch/react';
import type { ReactNode } from 'react';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };
export const alan = { emailAddress: 'alan@example.com', password: 'enigma-bombe-1940', firstName: 'Alan', lastName: 'Turing' };
/** No name: the email address has to stand in for one. */
export const nameless = { emailAddress: 'nameless@example.com', password: 'nameless-user-pw-1' };

/**
 * A fresh mock backend for this test file, served through MSW; after each
 * test, what was rendered is unmounted and every stored client token is
 * forgotten, so sign-ins do not leak between tests.
 */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend({ users: [ada, alan, nameless], ...options });
  const server = setupServer(...backend.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    globalThis.localStorage?.clear();
    await backend.reset();
  });
  afterAll(() => server.close());
  return { backend, server };
}

/** A loaded client with `accounts` signed in, in order: the last one is active. */
export async function signedInClient(backend: MockBackend, ...accounts: { emailAddress: string; password: string }[]) {
  const client = new LatchClient({ frontendApi: backend.url });
  onTestFinished(() => client.destroy());
  await client.load();
  for (const account of accounts) await client.signIn.create({ identifier: account.emailAddress, password: account.password });
  return client;
}

/** Renders `ui` under a provider for `client`, with SignedOut content to see a sign-out land. Floating UI positions asynchronously, hence act. */
export async function renderWith(client: LatchClient, ui: ReactNode, providerProps: LatchUIOptions = {}): Promise<RenderResult> {
  let result!: RenderResult;
  await act(async () => {
    result = render(
      <LatchProvider client={client} {...providerProps}>
        <SignedIn>{ui}</SignedIn>
        <SignedOut>
          <p>Signed out</p>
        </SignedOut>
      </LatchProvider>,
    );
  });
  return result;
}
