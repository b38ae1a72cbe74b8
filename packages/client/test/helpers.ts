import { createMemoryStorage, isLatchAPIError, LatchClient, type LatchAPIError, type LatchClientOptions } from '@latch/client';
import { Secret, TOTP } from 'otpauth';

export const ada = {
  emailAddress: 'ada@example.com',
  password: 'correct-horse-battery',
  firstName: 'Ada',
  lastName: 'Lovelace',
  username: 'ada',
};
export const grace = {
  emailAddress: 'grace@example.com',
  password: 'cobol-is-forever-1959',
  firstName: 'Grace',
  lastName: 'Hopper',
};
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** A client as one browser has it: its own token storage, no cross-tab channel unless asked. */
export function newClient(frontendApi: string, options: Partial<LatchClientOptions> = {}): LatchClient {
  return new LatchClient({ frontendApi, tokenStorage: createMemoryStorage(), broadcast: false, ...options });
}

export async function signedInClient(frontendApi: string, user: { emailAddress: string; password: string } = ada) {
  const client = newClient(frontendApi);
  await client.load();
  await client.signIn.create({ identifier: user.emailAddress, password: user.password });
  return client;
}

/** The authenticator app's code for `secret` at `timestamp`. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

/** The LatchAPIError that `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function apiFailure(promise: Promise<unknown>): Promise<LatchAPIError> {
  try {
    await promise;
  } catch (e) {
    if (isLatchAPIError(e)) return e;
    throw e;
  }
  throw new Error('Expected the call to fail with a LatchAPIError');
}
