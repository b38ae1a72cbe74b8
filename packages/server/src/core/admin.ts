import { codePointLength, normalizePassword } from './crypto/password';
import { randomId } from './crypto/random';
import { fail } from './errors';
import type { ServerContext } from './flows/context';
import { cleanName, normalizeEmail, normalizeUsername } from './flows/identity';
import { resealAllSecrets, type ResealReport } from './flows/reseal';
import { newBackupCodes, replaceBackupCodes } from './flows/second-factor';
import { isSessionActive } from './flows/session-status';
import { inTransaction } from './flows/transaction';
import { insertUser } from './flows/users';
import type { UserRecord } from './store/records';

export interface AdminUserInput {
  emailAddress: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** Base32 secret: the user has TOTP on from the start. Stored sealed. */
  totpSecret?: string;
  /** Backup codes in clear; stored hashed. */
  backupCodes?: string[];
}

/**
 * Seeding and maintenance for the mock, tests and the CLI. It trusts its
 * caller about password strength (fixtures use memorable passwords) but still
 * normalizes, hashes and refuses duplicates like a sign-up would.
 */
export function createAdmin(ctx: ServerContext) {
  return {
    async createUser(input: AdminUserInput): Promise<UserRecord> {
      const password = input.password === undefined ? null : normalizePassword(input.password);
      if (password !== null && codePointLength(password) > ctx.settings.passwordPolicy.maxLength) {
        throw fail('form_password_length_too_long', { paramName: 'password' });
      }
      const newUser = {
        emailAddress: normalizeEmail(input.emailAddress),
        passwordHash: password === null ? null : await ctx.hashing.hash(password),
        firstName: cleanName(input.firstName, 'firstName'),
        lastName: cleanName(input.lastName, 'lastName'),
        username: input.username ? normalizeUsername(input.username) : null,
        totpSecret: input.totpSecret ?? null,
      };
      // Backup codes are hashed before the transaction, with the id the user will get: hashing reads
      // the code key through the store, which a transaction body must not touch from outside.
      const id = randomId('user');
      const backupCodes = input.backupCodes ? await newBackupCodes(ctx, id, input.backupCodes) : null;
      return inTransaction(ctx, async (ctx) => {
        const user = await insertUser(ctx, { ...newUser, id });
        if (backupCodes) await replaceBackupCodes(ctx, backupCodes);
        return user;
      });
    },

    /**
     * Whether a session still holds (not ended, revoked or expired; its user
     * exists): one read, for a host that runs the server in-process and
     * verified the session's token itself (`@latch/nextjs`).
     */
    isSessionActive(sessionId: string): Promise<boolean> {
      return isSessionActive(ctx, sessionId);
    },

    /** Seals every secret at rest with the current encryption key (after a key rotation); returns what it re-sealed. */
    resealSecrets(): Promise<ResealReport> {
      return resealAllSecrets(ctx);
    },

    /** A new signing key; the current one stays published as the previous one. Returns both key ids. */
    rotateSigningKeys(): Promise<{ current: string; previous: string | null }> {
      return ctx.signingKeys.rotate();
    },
  };
}

export type LatchAdmin = ReturnType<typeof createAdmin>;
