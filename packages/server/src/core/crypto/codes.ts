import { Limits } from '@latch/protocol';
import { randomDigits, randomString } from './random';

export function generateEmailCode(): string {
  return randomDigits(Limits.emailCodeLength);
}

// No 0/o, 1/l/i: backup codes get copied by hand from paper.
const backupCodeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of 10 characters each (~49 bits apiece). */
export function generateBackupCodes(): string[] {
  return Array.from({ length: Limits.backupCodeCount }, () => randomString(10, backupCodeAlphabet));
}

/** What people type: any case, with spaces or dashes for readability. */
export function normalizeBackupCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}
