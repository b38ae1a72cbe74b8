import type { createMockBackend } from '@latch/mock';
import { ada, serveMockBackend as serveBackend } from '../mock-backend';

export { ada, renderWith, signedInClient } from '../mock-backend';
export const alan = { emailAddress: 'alan@example.com', password: 'enigma-bombe-1940', firstName: 'Alan', lastName: 'Turing' };
/** No name: the email address has to stand in for one. */
export const nameless = { emailAddress: 'nameless@example.com', password: 'nameless-user-pw-1' };

/** The mock backend with Ada, Alan and a nameless account, reset after each test. */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  return serveBackend({ users: [ada, alan, nameless], ...options });
}
