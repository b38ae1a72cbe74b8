import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, onTestFinished } from 'vitest';
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { Secret, TOTP } from 'otpauth';
import { createMockBackend, type MockBackend } from '@latch/mock';
import { LatchClient, LatchProvider, SignedIn, SignedOut, type LatchUIOptions } from '@latch/react';
import { createMemoryStorage } from '@latch/client';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };
/** Has TOTP on already, with one backup code, and a username. */
export const grace = {
  emailAddress: 'grace@example.com',
  username: 'amazing-grace',
  password: 'cobol-compiler-1959',
  firstName: 'Grace',
  lastName: 'Hopper',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  backupCodes: ['11111111'],
};

/**
 * A fresh mock backend for this test file, served through MSW (anything else
 * fetched fails the test); after each test, what was rendered is unmounted
 * and the backend goes back to its fixtures.
 */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend({ users: [ada, grace], ...options });
  const server = setupServer(...backend.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    await backend.reset();
  });
  afterAll(() => server.close());
  return { backend, server };
}

/** A loaded client (one browser: its own token storage) signed in as `account`. */
export async function signedInClient(backend: MockBackend, account: { emailAddress: string; password: string } = ada) {
  const client = new LatchClient({ frontendApi: backend.url, tokenStorage: createMemoryStorage(), broadcast: false });
  onTestFinished(() => client.destroy());
  await client.load();
  await client.signIn.create({ identifier: account.emailAddress, password: account.password });
  return client;
}

/** Renders `ui` for `client`, with "Signed out" shown once the session ends. */
export async function renderWith(client: LatchClient, ui: ReactNode, options: LatchUIOptions = {}): Promise<RenderResult> {
  let result!: RenderResult;
  await act(async () => {
    result = render(
      <LatchProvider client={client} {...options}>
        <SignedIn>{ui}</SignedIn>
        <SignedOut>
          <p>Signed out</p>
        </SignedOut>
      </LatchProvider>,
    );
  });
  return result;
}

/** What an authenticator app shows for `secret` now. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

/** The first bytes of a PNG: the server checks the signature, not the whole image. */
export function pngFile(name = 'portrait.png'): File {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
  return new File([bytes], name, { type: 'image/png' });
}
