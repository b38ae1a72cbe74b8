import { randomId } from '../crypto/random';
import { fail } from '../errors';
import type { EmailAddressRecord, UserRecord } from '../store/records';
import { UniqueViolation } from '../store/store';
import type { ServerContext } from './context';
import { deleteBackupCodes, sealTotpSecret } from './second-factor';
import { recordUserDeleted, recordUserEvent } from '../webhooks/events';
import { inTransaction } from './transaction';

export interface NewUser {
  /** Already normalized and verified; null only when the instance signs up without email. */
  emailAddress: string | null;
  passwordHash: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  totpSecret?: string | null;
  /** The new user's id, when something must be prepared for it before the transaction (backup codes); made here otherwise. */
  id?: string;
  /** Default true. False (admin API): the address is the primary one but still to be verified, so it signs in by nothing yet. */
  emailVerified?: boolean;
  publicMetadata?: Record<string, unknown>;
  privateMetadata?: Record<string, unknown>;
  unsafeMetadata?: Record<string, unknown>;
  externalId?: string | null;
}

/**
 * Creates a user with a verified primary email, both rows in one
 * transaction, so an address is never left verified with no user. The email
 * row goes in first: its unique index is what lets exactly one of two
 * parallel sign-ups with the same address win.
 */
export async function insertUser(ctx: ServerContext, input: NewUser): Promise<UserRecord> {
  const now = ctx.now();
  const userId = input.id ?? randomId('user');
  const verified = input.emailVerified ?? true;
  const email: EmailAddressRecord | null = input.emailAddress
    ? {
        id: randomId('idn'),
        userId,
        emailAddress: input.emailAddress,
        verifiedEmail: verified ? input.emailAddress : null,
        verification: verified ? { status: 'verified', strategy: 'email_code', attempts: 0, expireAt: null, codeId: null } : null,
        createdAt: now,
      }
    : null;
  const user: UserRecord = {
    id: userId,
    firstName: input.firstName,
    lastName: input.lastName,
    username: input.username,
    imageUrl: null,
    primaryEmailAddressId: email?.id ?? null,
    passwordHash: input.passwordHash,
    totpSecret: input.totpSecret ? await sealTotpSecret(ctx, userId, input.totpSecret) : null,
    pendingTotpSecret: null,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
    lastSignInAt: null,
    publicMetadata: input.publicMetadata ?? {},
    privateMetadata: input.privateMetadata ?? {},
    unsafeMetadata: input.unsafeMetadata ?? {},
    externalId: input.externalId ?? null,
  };
  await inTransaction(ctx, async (ctx) => {
    if (email) await uniqueWrite(() => ctx.store.insert('emailAddresses', email));
    await uniqueWrite(() => ctx.store.insert('users', user));
    recordUserEvent(ctx, 'user.created', userId);
  });
  return user;
}

/** Unique-index clashes become the matching 422; anything else stays unexpected. */
export async function uniqueWrite(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof UniqueViolation)) throw error;
    if (error.index === 'username') throw fail('form_username_exists', { paramName: 'username' });
    if (error.index === 'providerKey') throw fail('external_account_exists');
    if (error.index === 'externalId') throw fail('form_identifier_exists', { paramName: 'externalId', message: 'A user with this externalId exists.' });
    throw fail('form_identifier_exists', { paramName: 'emailAddress' });
  }
}

/**
 * Removes the user and everything that hangs off it, in one transaction.
 * The user row goes first: on PostgreSQL that locks it, so a sign-in
 * completing at the same moment either finishes before (and its session is
 * listed and deleted here) or finds no user and makes no session.
 */
export function deleteUser(ctx: ServerContext, userId: string): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await ctx.store.delete('users', userId);
    for (const session of await ctx.store.listBy('sessions', 'userId', userId)) await ctx.store.delete('sessions', session.id);
    for (const email of await ctx.store.listBy('emailAddresses', 'userId', userId)) await ctx.store.delete('emailAddresses', email.id);
    await deleteBackupCodes(ctx, userId);
    for (const token of await ctx.store.listBy('signInTokens', 'userId', userId)) await ctx.store.delete('signInTokens', token.id);
    for (const passkey of await ctx.store.listBy('passkeys', 'userId', userId)) await ctx.store.delete('passkeys', passkey.id);
    for (const account of await ctx.store.listBy('externalAccounts', 'userId', userId)) await ctx.store.delete('externalAccounts', account.id);
    recordUserDeleted(ctx, userId);
  });
}

/** Fields the API does not show: changing only these is no `user.updated`. */
const unseenFields: ReadonlySet<string> = new Set(['pendingTotpSecret', 'lockedUntil', 'lastSignInAt', 'updatedAt']);

export function updateUser(ctx: ServerContext, userId: string, patch: Partial<UserRecord>): Promise<UserRecord> {
  return inTransaction(ctx, async (ctx) => {
    let user: UserRecord | null = null;
    await uniqueWrite(async () => (user = await ctx.store.update('users', userId, { ...patch, updatedAt: ctx.now() })));
    if (!user) throw fail('authentication_invalid');
    if (Object.keys(patch).some((field) => !unseenFields.has(field))) recordUserEvent(ctx, 'user.updated', userId);
    return user;
  });
}
