import { codePointLength, normalizePassword } from './crypto/password';
import { randomId } from './crypto/random';
import { fail } from './errors';
import type { ServerContext } from './flows/context';
import { cleanName, normalizeEmail, normalizeUsername } from './flows/identity';
import { resealAllSecrets, type ResealReport } from './flows/reseal';
import { newBackupCodes, replaceBackupCodes } from './flows/second-factor';
import { inTransaction } from './flows/transaction';
import { deleteUser, insertUser } from './flows/users';
import { createSecretKey, listSecretKeys, revokeSecretKey, type SecretKeyEnvironment } from './admin-api/secret-keys';
import { findUser, listUsers, serializeAdminUser, setBanned } from './admin-api/users';
import type { AdminUserJSON, PageJSON, UserListParams } from '@latch/protocol';
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
  /** A stored password hash instead of `password`: here only Latch's own `pbkdf2-sha256$…` form. */
  passwordHash?: string;
  /** The user's id in the system it comes from. */
  externalId?: string;
  /** Default true. */
  emailAddressVerified?: boolean;
  publicMetadata?: Record<string, unknown>;
  privateMetadata?: Record<string, unknown>;
  unsafeMetadata?: Record<string, unknown>;
}

/** Latch's own stored form (see crypto/password.ts); the import work extends this to other schemes. */
const latchPasswordHash = /^pbkdf2-sha256\$[1-9][0-9]{0,7}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;

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
      if (input.passwordHash !== undefined && (password !== null || !latchPasswordHash.test(input.passwordHash))) {
        throw fail('form_param_format_invalid', { paramName: 'passwordHash', message: 'Give a password or a pbkdf2-sha256$… password hash, not both.' });
      }
      const newUser = {
        emailAddress: normalizeEmail(input.emailAddress),
        passwordHash: password === null ? (input.passwordHash ?? null) : await ctx.hashing.hash(password),
        firstName: cleanName(input.firstName, 'firstName'),
        lastName: cleanName(input.lastName, 'lastName'),
        username: input.username ? normalizeUsername(input.username) : null,
        totpSecret: input.totpSecret ?? null,
        emailVerified: input.emailAddressVerified ?? true,
        publicMetadata: input.publicMetadata,
        privateMetadata: input.privateMetadata,
        unsafeMetadata: input.unsafeMetadata,
        externalId: input.externalId ?? null,
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
