import type { AdminUserJSON, PageJSON, UserListParams, UserOrderBy } from '@latch/protocol';
import { base64UrlDecode, base64UrlEncode } from '../crypto/random';
import { fail } from '../errors';
import type { ServerContext } from '../flows/context';
import { revokeUserSessions } from '../flows/sessions';
import { inTransaction } from '../flows/transaction';
import { updateUser } from '../flows/users';
import { serializeUser } from '../serialize';
import type { EmailAddressRecord, Kind, Records, UserRecord } from '../store/records';

export async function serializeAdminUser(ctx: ServerContext, user: UserRecord): Promise<AdminUserJSON> {
  return {
    ...(await serializeUser(ctx, user)),
    publicMetadata: user.publicMetadata ?? {},
    unsafeMetadata: user.unsafeMetadata ?? {},
    privateMetadata: user.privateMetadata ?? {},
    banned: user.banned ?? false,
    externalId: user.externalId ?? null,
  };
}

export async function requireUser(ctx: ServerContext, id: string): Promise<UserRecord> {
  const user = id ? await ctx.store.get('users', id) : null;
  if (!user) throw fail('resource_not_found', { message: 'No user has this id.' });
  return user;
}

/** By id, verified email address or username (as the CLI takes them). */
export async function findUser(ctx: ServerContext, idOrIdentifier: string): Promise<UserRecord | null> {
  const text = idOrIdentifier.trim();
  const byId = await ctx.store.get('users', text);
  if (byId) return byId;
  const email = text.includes('@') ? await ctx.store.findBy('emailAddresses', 'verifiedEmail', text.toLowerCase()) : null;
  if (email) return ctx.store.get('users', email.userId);
  return ctx.store.findBy('users', 'username', text.toLowerCase());
}

/** Bans (revoking every session in the same transaction) or unbans a user. */
export function setBanned(ctx: ServerContext, userId: string, banned: boolean): Promise<UserRecord> {
  return inTransaction(ctx, async (ctx) => {
    const user = await updateUser(ctx, userId, { banned });
    if (banned) await revokeUserSessions(ctx, userId);
    return user;
  });
}

const orders: readonly UserOrderBy[] = ['created_at', '-created_at', 'last_sign_in_at', '-last_sign_in_at'];
export const defaultUserPageSize = 20;
export const maxUserPageSize = 100;
const scanBatch = 500;

/**
 * A page of users, filtered and ordered. The cursor holds the last user's
 * sort key and id (keyset pagination), so users created while a client
 * pages through never make one repeat or go missing, as offsets would.
 * Ordered by last sign-in, a user who signs in meanwhile moves: that order
 * is a snapshot per page.
 *
 * It reads every user through `Store.scan` and sorts in memory: simple and
 * the same on every store, fine for the tens of thousands of users an
 * admin page lists; a SQL query per store is the next step past that.
 */
export async function listUsers(ctx: ServerContext, params: UserListParams): Promise<PageJSON<UserRecord>> {
  const limit = params.limit ?? defaultUserPageSize;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxUserPageSize) throw fail('form_param_format_invalid', { paramName: 'limit' });
  const orderBy = params.orderBy ?? '-created_at';
  if (!orders.includes(orderBy)) throw fail('form_param_format_invalid', { paramName: 'order_by' });
  const after = params.cursor ? decodeCursor(params.cursor, orderBy) : null;

  const emails = params.emailAddress?.length || params.query ? emailsByUser(await scanAll(ctx, 'emailAddresses')) : null;
  const wantedEmails = params.emailAddress?.map((email) => email.trim().toLowerCase());
  const query = params.query?.trim().toLowerCase();
  const descending = orderBy.startsWith('-');
  const key = (user: UserRecord) => (orderBy.endsWith('created_at') ? user.createdAt : (user.lastSignInAt ?? -1));
  const compare = (a: [number, string], b: [number, string]) => (a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)) * (descending ? -1 : 1);

  const matching = (await scanAll(ctx, 'users')).filter((user) => {
    if (params.userId?.length && !params.userId.includes(user.id)) return false;
    if (params.username?.length && !params.username.some((name) => name.toLowerCase() === user.username)) return false;
    const own = emails?.get(user.id) ?? [];
    if (wantedEmails?.length && !own.some((email) => wantedEmails.includes(email.emailAddress))) return false;
    if (query) {
      const haystack = [user.id, user.username, user.firstName, user.lastName, ...own.map((email) => email.emailAddress)];
      if (!haystack.some((text) => text?.toLowerCase().includes(query))) return false;
    }
    return after === null || compare([key(user), user.id], after) > 0;
  });
  matching.sort((a, b) => compare([key(a), a.id], [key(b), b.id]));
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = matching.length > limit && last ? encodeCursor(orderBy, key(last), last.id) : null;
  return { data: page, nextCursor };
}

async function scanAll<K extends Kind>(ctx: ServerContext, kind: K): Promise<Records[K][]> {
  const all: Records[K][] = [];
  let after: string | null = null;
  for (;;) {
    const batch: Records[K][] = await ctx.store.scan(kind, after, scanBatch);
    all.push(...batch);
    if (batch.length < scanBatch) return all;
    after = batch.at(-1)?.id ?? null;
  }
}

function emailsByUser(emails: EmailAddressRecord[]): Map<string, EmailAddressRecord[]> {
  const byUser = new Map<string, EmailAddressRecord[]>();
  for (const email of emails) byUser.set(email.userId, [...(byUser.get(email.userId) ?? []), email]);
  return byUser;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function encodeCursor(orderBy: UserOrderBy, key: number, id: string): string {
  return base64UrlEncode(encoder.encode(JSON.stringify([orderBy, key, id])));
}

function decodeCursor(cursor: string, orderBy: UserOrderBy): [number, string] {
  try {
    const [order, key, id] = JSON.parse(decoder.decode(base64UrlDecode(cursor))) as unknown[];
    if (order === orderBy && typeof key === 'number' && typeof id === 'string') return [key, id];
  } catch {
    // Falls through to the error below.
  }
  throw fail('form_param_format_invalid', { paramName: 'cursor', message: 'This cursor is not from a list with the same order.' });
}
