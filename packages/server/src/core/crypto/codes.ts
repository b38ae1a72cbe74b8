import { Limits } from '@latch/protocol';
import { sha256Hex } from './hash';
import { randomDigits, randomString } from './random';

export function generateEmailCode(): string {
  return randomDigits(Limits.emailCodeLength);
}

/**
 * Codes are short, so the hash is salted with the record they belong to: the
 * same code in two places never has the same hash, and a unique index on
 * backup-code hashes cannot clash across users.
 */
export function hashCode(salt: string, code: string): Promise<string> {
  return sha256Hex(`${salt}:${code}`);
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
