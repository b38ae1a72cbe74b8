/** The admin API's own routes: users, email addresses, sessions and sign-in tokens. */
import {
  AdminRoutes,
  type AdminDeletedJSON,
  type AdminSessionJSON,
  type AdminSignInTokenJSON,
  type EmailAddressJSON,
  type PageJSON,
  type AdminUserJSON,
  type UserOrderBy,
} from '@latch/protocol';
import { createAdmin } from '../admin';
import { randomId, randomToken } from '../crypto/random';
import { fail } from '../errors';
import { assertEmailAvailable, assertUsernameAvailable, cleanName, normalizeEmail, normalizeUsername } from '../flows/identity';
import { readMetadata } from '../flows/metadata';
import { assertPasswordPolicy } from '../flows/passwords';
import { removeEmailAddress } from '../flows/me-emails';
import { sessionStatus, stopSession } from '../flows/sessions';
import { inTransaction } from '../flows/transaction';
import { deleteUser, uniqueWrite, updateUser } from '../flows/users';
import { serializeAdminSession, serializeEmailAddress } from '../serialize';
import type { EmailAddressRecord, UserRecord } from '../store/records';
import { defineAdminRoutes, type AdminRequestContext } from './router';
import { listUsers, requireUser, serializeAdminUser, setBanned } from './users';

const pick = <N extends keyof typeof AdminRoutes>(...names: N[]) => Object.fromEntries(names.map((name) => [name, AdminRoutes[name]])) as Pick<typeof AdminRoutes, N>;

/** Longest sign-in token lifetime: a link in an email that is still good after a month is a liability. */
const maxSignInTokenSeconds = 30 * 24 * 60 * 60;

export const userRoutes = defineAdminRoutes({
  routes: pick('usersList', 'userCreate', 'userGet', 'userUpdate', 'userDelete', 'userBan', 'userUnban'),
  handlers: {
    async usersList(ctx): Promise<PageJSON<AdminUserJSON>> {
      const search = ctx.url.searchParams;
      const list = (name: string) => (search.getAll(name).length ? search.getAll(name).flatMap((value) => value.split(',')) : undefined);
      const limit = search.get('limit');
      const page = await listUsers(ctx, {
        ...(limit !== null ? { limit: Number(limit) } : {}),
        ...(search.get('cursor') ? { cursor: search.get('cursor') as string } : {}),
        emailAddress: list('email_address'),
        username: list('username'),
        userId: list('user_id'),
        ...(search.get('query') ? { query: search.get('query') as string } : {}),
        ...(search.get('order_by') ? { orderBy: search.get('order_by') as UserOrderBy } : {}),
      });
      return { data: await Promise.all(page.data.map((user) => serializeAdminUser(ctx, user))), nextCursor: page.nextCursor };
    },

    async userCreate(ctx) {
      const body = ctx.body;
      const emailAddress = normalizeEmail(body.string('emailAddress'));
      const emailAddressVerified = body.optionalBoolean('emailAddressVerified') ?? true;
      if (!emailAddressVerified) await assertEmailAvailable(ctx, emailAddress);
      const password = body.optionalString('password', { max: Infinity, allowControl: true });
      // The instance's password policy holds here as at sign-up (the CLI and fixtures trust their caller).
      if (password !== undefined) await assertPasswordPolicy(ctx, password, [emailAddress]);
      const optional = <T>(name: string, value: T | undefined) => (value === undefined ? {} : { [name]: value });
      const user = await createAdmin(ctx).createUser({
        emailAddress,
        emailAddressVerified,
        ...optional('password', password),
        ...optional('passwordHash', body.optionalString('passwordHash', { max: 1024 })),
        ...optional('externalId', body.optionalString('externalId')),
        ...optional('firstName', body.optionalString('firstName')),
        ...optional('lastName', body.optionalString('lastName')),
        ...optional('username', body.optionalString('username')),
        ...optional('publicMetadata', readMetadata(body, 'publicMetadata')),
        ...optional('privateMetadata', readMetadata(body, 'privateMetadata')),
        ...optional('unsafeMetadata', readMetadata(body, 'unsafeMetadata')),
      });
      return serializeAdminUser(ctx, user);
    },

    async userGet(ctx) {
      return serializeAdminUser(ctx, await requireUser(ctx, ctx.id));
    },

    /** Names, username, metadata (each object replaced whole) and the ban. */
    async userUpdate(ctx) {
      const { body } = ctx;
      const firstName = body.nullableString('firstName');
      const lastName = body.nullableString('lastName');
      const username = body.nullableString('username');
      const banned = body.optionalBoolean('banned');
      const patch: Partial<UserRecord> = {};
      if (firstName !== undefined) patch.firstName = cleanName(firstName, 'firstName');
      if (lastName !== undefined) patch.lastName = cleanName(lastName, 'lastName');
      if (username !== undefined) patch.username = username === null ? null : normalizeUsername(username);
      for (const field of ['publicMetadata', 'privateMetadata', 'unsafeMetadata'] as const) {
        const value = readMetadata(body, field);
        if (value !== undefined) patch[field] = value;
      }
      const user = await requireUser(ctx, ctx.id);
      if (patch.username) await assertUsernameAvailable(ctx, patch.username, user.id);
      const updated = await inTransaction(ctx, async (ctx) => {
        const updated = await updateUser(ctx, user.id, patch);
        return banned === undefined || banned === (user.banned ?? false) ? updated : setBanned(ctx, user.id, banned);
      });
      return serializeAdminUser(ctx, updated);
    },

    async userDelete(ctx): Promise<AdminDeletedJSON> {
      const user = await requireUser(ctx, ctx.id);
      await deleteUser(ctx, user.id);
      return { id: user.id, deleted: true };
    },

    async userBan(ctx) {
      return serializeAdminUser(ctx, await setBanned(ctx, (await requireUser(ctx, ctx.id)).id, true));
    },

    async userUnban(ctx) {
      return serializeAdminUser(ctx, await setBanned(ctx, (await requireUser(ctx, ctx.id)).id, false));
    },
  },
});

export const emailAddressRoutes = defineAdminRoutes({
  routes: pick('emailAddressCreate', 'emailAddressVerify', 'emailAddressDelete'),
  handlers: {
    async emailAddressCreate(ctx): Promise<EmailAddressJSON> {
      const emailAddress = normalizeEmail(ctx.body.string('emailAddress'));
      const verified = ctx.body.optionalBoolean('verified') ?? false;
      const primary = ctx.body.optionalBoolean('primary') ?? false;
      const user = await requireUser(ctx, ctx.body.string('userId'));
      if (primary && !verified) throw fail('email_address_not_verified', { paramName: 'primary' });
      const own = await ctx.store.listBy('emailAddresses', 'userId', user.id);
      if (own.some((email) => email.emailAddress === emailAddress)) throw fail('form_identifier_exists', { paramName: 'emailAddress' });
      await assertEmailAvailable(ctx, emailAddress);
      const email: EmailAddressRecord = {
        id: randomId('idn'),
        userId: user.id,
        emailAddress,
        verifiedEmail: verified ? emailAddress : null,
        verification: verified ? { status: 'verified', strategy: 'admin', attempts: 0, expireAt: null, codeId: null } : null,
        createdAt: ctx.now(),
      };
      await inTransaction(ctx, async (ctx) => {
        await uniqueWrite(() => ctx.store.insert('emailAddresses', email));
        if (primary || user.primaryEmailAddressId === null) await updateUser(ctx, user.id, { primaryEmailAddressId: email.id });
      });
      return serializeEmailAddress(email, ctx.now());
    },

    /** Marks an address verified, as if its owner had entered the code. */
    async emailAddressVerify(ctx): Promise<EmailAddressJSON> {
      const email = await requireEmail(ctx);
      if (email.verifiedEmail) return serializeEmailAddress(email, ctx.now());
      const patch: Partial<EmailAddressRecord> = {
        verifiedEmail: email.emailAddress,
        verification: { status: 'verified', strategy: 'admin', attempts: 0, expireAt: null, codeId: null },
      };
      let verified = email;
      await uniqueWrite(async () => (verified = (await ctx.store.update('emailAddresses', email.id, patch)) ?? { ...email, ...patch }));
      return serializeEmailAddress(verified, ctx.now());
    },

    /** The same rules as the user's own: not the primary address, not the last verified one. */
    async emailAddressDelete(ctx): Promise<AdminDeletedJSON> {
      const email = await requireEmail(ctx);
      await removeEmailAddress(ctx, await requireUser(ctx, email.userId), email);
      return { id: email.id, deleted: true };
    },
  },
});

async function requireEmail(ctx: AdminRequestContext): Promise<EmailAddressRecord> {
  const email = await ctx.store.get('emailAddresses', ctx.id);
  if (!email) throw fail('email_address_not_found');
  return email;
}

export const sessionRoutes = defineAdminRoutes({
  routes: pick('sessionsList', 'sessionRevoke'),
  handlers: {
    /** Every session of one user (`?user_id=`), oldest first; `?status=` keeps one status. */
    async sessionsList(ctx): Promise<PageJSON<AdminSessionJSON>> {
      const userId = ctx.url.searchParams.get('user_id');
      if (!userId) throw fail('form_param_missing', { paramName: 'user_id' });
      const status = ctx.url.searchParams.get('status');
      const sessions = (await ctx.store.listBy('sessions', 'userId', userId)).map((session) => serializeAdminSession(ctx, session));
      return { data: status ? sessions.filter((session) => session.status === status) : sessions, nextCursor: null };
    },

    /** Revocation takes effect at the session's next token refresh: its last JWT lives out its 60 s. */
    async sessionRevoke(ctx): Promise<AdminSessionJSON> {
      const session = await ctx.store.get('sessions', ctx.id);
      if (!session) throw fail('session_not_found');
      const stopped = sessionStatus(ctx, session) === 'active' ? await stopSession(ctx, session, 'revoked') : session;
      return serializeAdminSession(ctx, stopped);
    },
  },
});

export const signInTokenRoutes = defineAdminRoutes({
  routes: pick('signInTokenCreate'),
  handlers: {
    /** A one-time token for `signIn.create({ strategy: 'ticket', ticket })`; only its hash is kept. */
    async signInTokenCreate(ctx): Promise<AdminSignInTokenJSON> {
      const user = await requireUser(ctx, ctx.body.string('userId'));
      const seconds = ctx.body.optionalInteger('expiresInSeconds', 1, maxSignInTokenSeconds) ?? 3600;
      const token = `sit_${randomToken()}`;
      const now = ctx.now();
      const record = { id: randomId('sitk'), userId: user.id, tokenHash: await ctx.crypto.sha256Hex(token), expiresAt: now + seconds * 1000, createdAt: now };
      await ctx.store.insert('signInTokens', record);
      return { id: record.id, userId: user.id, token, expiresAt: record.expiresAt };
    },
  },
});
