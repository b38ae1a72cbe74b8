// What every UI test file needs: the mock backend served through MSW, a
// signed-in client and its render, authenticator codes and an axe run. Each folder's harness
// adds its own fixtures and render helper on top.
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, onTestFinished } from 'vitest';
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { Secret, TOTP } from 'otpauth';
import { createMemoryStorage } from '@latch/client';
import { createMockBackend, type MockBackend } from '@latch/mock';
import { LatchClient, LatchProvider, SignedIn, SignedOut, type LatchUIOptions } from '@latch/react';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };

/**
 * A mock backend for this test file, served through MSW (anything else
 * fetched fails the test). After each test: unmount, drop per-test handlers,
 * forget stored client tokens, put the URL back and reset the backend, so
 * nothing leaks from one test into the next.
 */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend(options);
  const server = setupServer(...backend.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    server.resetHandlers();
    globalThis.localStorage?.clear();
    globalThis.window?.history.replaceState(null, '', '/'); // no window in server-rendering tests
    await backend.reset();
  });
  afterAll(() => server.close());
  return { backend, server };
}

/** A loaded client (one browser: its own token storage) with `accounts` signed in, in order: the last one is active. */
export async function signedInClient(backend: MockBackend, ...accounts: { emailAddress: string; password: string }[]) {
  const client = new LatchClient({ frontendApi: backend.url, transport: 'header', tokenStorage: createMemoryStorage(), broadcast: false });
  onTestFinished(() => client.destroy());
  await client.load();
  for (const account of accounts) await client.signIn.create({ identifier: account.emailAddress, password: account.password });
  return client;
}

/** What an authenticator app shows for `secret` at `timestamp`. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

/** axe-core's violations on the page; contrast needs layout (the catalog's browser run checks it), and a component alone is not a page (`region`). */
export async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Renders `ui` under a provider for `client`, with "Signed out" shown once the session ends. Floating UI and effects settle inside act. */
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
