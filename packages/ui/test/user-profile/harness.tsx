import type { createMockBackend, MockBackend } from '@latch/mock';
import { ada, serveMockBackend as serveBackend, signedInClient as signInClient } from '../mock-backend';

export { ada, renderWith, totpCode } from '../mock-backend';

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

/** The mock backend with Ada and Grace, reset after each test. */
export function serveMockBackend(options: Parameters<typeof createMockBackend>[0] = {}) {
  return serveBackend({ users: [ada, grace], ...options });
}

/** A loaded client (one browser) signed in as `account`, Ada by default. */
export function signedInClient(backend: MockBackend, account: { emailAddress: string; password: string } = ada) {
  return signInClient(backend, account);
}

/** The first bytes of a PNG: the server checks the signature, not the whole image. */
export function pngFile(name = 'portrait.png'): File {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
  return new File([bytes], name, { type: 'image/png' });
}
