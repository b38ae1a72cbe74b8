import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { createMockBackend } from '@latch/mock';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };
/** Has an authenticator app: signing in asks for a TOTP code after the password. */
export const grace = {
  emailAddress: 'grace@example.com',
  password: 'cobol-compiler-1959',
  firstName: 'Grace',
  lastName: 'Hopper',
  totpSecret: 'JBSWY3DPEHPK3PXP',
};

/**
 * Serves a fresh mock backend to this test file through MSW, and after each
 * test unmounts what was rendered and forgets every client, session and stored
 * client token, so tests do not leak sign-ins into each other.
 */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend({ users: [ada, grace], ...options });
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
