import type { MockUser } from '@latch/mock';

/** Signs in with a password only. */
export const ada = {
  emailAddress: 'ada@example.com',
  password: 'correct-horse-battery',
  firstName: 'Ada',
  lastName: 'Lovelace',
} satisfies MockUser;

/** Has an authenticator app (TOTP) and backup codes: a password alone is not enough. */
export const grace = {
  emailAddress: 'grace@example.com',
  password: 'cobol-compiler-1959',
  firstName: 'Grace',
  lastName: 'Hopper',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  backupCodes: ['11111111', '22222222', '33333333'],
} satisfies MockUser;

/** A second password-only account, for multi-session stories. */
export const katherine = {
  emailAddress: 'katherine@example.com',
  password: 'orbital-mechanics-1962',
  firstName: 'Katherine',
  lastName: 'Johnson',
} satisfies MockUser;

/** Every story's backend starts with these accounts unless it says otherwise. */
export const demoUsers: MockUser[] = [ada, grace, katherine];
