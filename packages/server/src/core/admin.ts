import { codePointLength, normalizePassword } from './crypto/password';
import { randomId } from './crypto/random';
import { fail } from './errors';
import type { ServerContext } from './flows/context';
import { cleanName, normalizeEmail, normalizeUsername } from './flows/identity';
import { resealAllSecrets, type ResealReport } from './flows/reseal';
import { newBackupCodes, replaceBackupCodes } from './flows/second-factor';
import { isSessionActive } from './flows/session-status';
import { inTransaction } from './flows/transaction';
import { sweepStorage, type RetentionOptions, type SweepReport } from './retention';
import { deleteUser, insertUser } from './flows/users';
import { createSecretKey, listSecretKeys, revokeSecretKey, type SecretKeyEnvironment } from './admin-api/secret-keys';
import { findUser, listUsers, serializeAdminUser, setBanned } from './admin-api/users';
import type { AdminUserJSON, PageJSON, UserListParams } from '@latch/protocol';
import type { UserRecord } from './store/records';

export interface AdminUserInput {
  emailAddress: string;
  password?: string;
  /**
   * A password hash from another provider, instead of `password`: any format
   * the server's hashing can verify (the Node service: argon2id/argon2i,
   * bcrypt, scrypt incl. Firebase's, PBKDF2; see the README). It is replaced
   * with the server's own hash at the user's first sign-in.
   */
  passwordHash?: string;
  /** The user's id in the system they come from; unique, so an import can be re-run. */
  externalId?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** Base32 secret: the user has TOTP on from the start. Stored sealed. */
  totpSecret?: string;
  /** Backup codes in clear; stored hashed. */
  backupCodes?: string[];
  /** Default true. */
  emailAddressVerified?: boolean;
  publicMetadata?: Record<string, unknown>;
  privateMetadata?: Record<string, unknown>;
  unsafeMetadata?: Record<string, unknown>;
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
      const importedHash = checkImportedHash(ctx, input);
      const newUser = {
        emailAddress: normalizeEmail(input.emailAddress),
        passwordHash: password === null ? importedHash : await ctx.hashing.hash(password),
        externalId: checkExternalId(input.externalId),
        firstName: cleanName(input.firstName, 'firstName'),
        lastName: cleanName(input.lastName, 'lastName'),
        username: input.username ? normalizeUsername(input.username) : null,
        totpSecret: input.totpSecret ?? null,
        emailVerified: input.emailAddressVerified ?? true,
        publicMetadata: input.publicMetadata,
        privateMetadata: input.privateMetadata,
        unsafeMetadata: input.unsafeMetadata,
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

    /** Deletes what is over (finished sign-ins and sign-ups, expired codes, ended sessions past retention, idle clients) in small batches. */
    purgeExpired(options?: Partial<RetentionOptions>): Promise<SweepReport> {
      return sweepStorage(ctx, options);
    },

    /** Admin API secret keys: `create` returns the key once; only its hash is stored. */
    secretKeys: {
      create: (name: string, environment?: SecretKeyEnvironment) => createSecretKey(ctx, name, environment),
      list: () => listSecretKeys(ctx),
      revoke: (id: string) => revokeSecretKey(ctx, id),
    },

    /** The admin API's user operations, for the CLI (which works on the store, with no HTTP in between). */
    users: {
      list: async (params: UserListParams = {}): Promise<PageJSON<AdminUserJSON>> => {
        const page = await listUsers(ctx, params);
        return { data: await Promise.all(page.data.map((user) => serializeAdminUser(ctx, user))), nextCursor: page.nextCursor };
      },
      /** The user whose id, verified email address or username this is; null when none. */
      find: (idOrIdentifier: string) => findUser(ctx, idOrIdentifier),
      ban: async (userId: string) => serializeAdminUser(ctx, await setBanned(ctx, userId, true)),
      unban: async (userId: string) => serializeAdminUser(ctx, await setBanned(ctx, userId, false)),
      delete: (userId: string) => deleteUser(ctx, userId),
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

/** The imported hash, if any, once the server's hashing has said it can verify it. */
function checkImportedHash(ctx: ServerContext, input: AdminUserInput): string | null {
  if (input.passwordHash === undefined) return null;
  if (input.password !== undefined) {
    throw fail('form_param_format_invalid', { paramName: 'passwordHash', message: 'Give either password or passwordHash, not both.' });
  }
  if (typeof input.passwordHash !== 'string' || input.passwordHash.length > 1024 || !ctx.hashing.canVerify?.(input.passwordHash)) {
    throw fail('form_param_format_invalid', {
      paramName: 'passwordHash',
      message:
        'passwordHash is not a hash this server can verify, or it is garbled. The Node service accepts argon2id/argon2i ($argon2id$v=19$...), ' +
        'bcrypt ($2a$/$2b$/$2y$), scrypt ($scrypt$ln=...,r=...,p=...$salt$hash, or firebase-scrypt$...) and PBKDF2 ' +
        '(pbkdf2-sha256$..., Django pbkdf2_sha256$..., passlib $pbkdf2-sha256$..., Werkzeug pbkdf2:sha256:...).',
    });
  }
  return input.passwordHash;
}

function checkExternalId(externalId: string | undefined): string | null {
  if (externalId === undefined) return null;
  if (typeof externalId !== 'string' || externalId.trim() === '' || externalId.length > 255) {
    throw fail('form_param_format_invalid', { paramName: 'externalId', message: 'externalId must be a non-empty string of at most 255 characters.' });
  }
  return externalId;
}
