import { fail } from '../errors';
import { serializeSignIn } from '../serialize';
import type { SignInRecord, UserRecord, VerificationState } from '../store/records';
import { randomId } from '../crypto/random';
import { ensureClient, newClientToken, requireClient, updateClient } from './client';
import type { RequestContext } from './context';
import { assertDisplayText } from './display-text';
import { dummyPasswordHash, isDecoy } from './enumeration';
import { normalizeEmail } from './identity';
import { guardedAttempt, resetLockout } from './lockout';
import { passwordMatches } from './passwords';
import { assertWithinRateLimit } from './rate-limits';
import { api, type Reply, type RouteHandler } from './reply';
import { assertCanSignIn, startSession } from './sessions';
import { inTransaction } from './transaction';

/** An unfinished sign-in is dropped after this long. */
const signInLifetimeMs = 60 * 60 * 1000;

export const createSignIn: RouteHandler = async (ctx) => {
  await assertWithinRateLimit(ctx, 'signInsPerIp', ctx.clientIp);
  if (ctx.body.optionalString('strategy') === 'ticket') return signInWithTicket(ctx);
  const identifier = ctx.body.string('identifier').trim();
  assertDisplayText(identifier, 'identifier');
  const password = ctx.body.optionalString('password', { max: Infinity, allowControl: true });
  await assertCanSignIn(ctx);
  const user = await findUserByIdentifier(ctx, identifier);
  if (user) await assertCanSignIn(ctx, user.id);
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  let signIn = await inTransaction(ctx, (ctx) => insertSignIn(ctx, fresh, user?.id ?? null, identifier));
  // The password is checked after that commit: hashing has no place in a transaction.
  if (password !== undefined) signIn = await attemptPassword(ctx, signIn, user, password);
  return api(await serializeSignIn(ctx, signIn));
};

async function insertSignIn(ctx: RequestContext, fresh: Awaited<ReturnType<typeof newClientToken>> | undefined, userId: string | null, identifier: string): Promise<SignInRecord> {
  const client = await ensureClient(ctx, fresh);
  const now = ctx.now();
  const signIn: SignInRecord = {
    id: randomId('sia'),
    clientId: client.id,
    userId,
    identifier,
    ...(ctx.settings.enumerationProtection ? { decoyEmailAddressId: randomId('idn') } : {}),
    status: 'needs_first_factor',
    firstFactorVerification: null,
    secondFactorVerification: null,
    createdSessionId: null,
    createdAt: now,
    expireAt: now + signInLifetimeMs,
  };
  await ctx.store.insert('signIns', signIn);
  await updateClient(ctx, { signInId: signIn.id });
  return signIn;
}

/**
 * `strategy: 'ticket'`: a one-time sign-in token from the admin API signs
 * in at once, with no other factor (the app's backend vouched for the user).
 * The token is consumed by deleting it, inside the sign-in's transaction, so
 * of two requests with one token only one signs in; an expired one is
 * consumed and refused. Unknown, used and expired tokens get one error.
 */
async function signInWithTicket(ctx: RequestContext): Promise<Reply> {
  const ticket = ctx.body.string('ticket', { max: 200 });
  const invalid = () => fail('sign_in_token_invalid', { paramName: 'ticket' });
  const record = await ctx.store.findBy('signInTokens', 'tokenHash', await ctx.crypto.sha256Hex(ticket));
  const user = record ? await ctx.store.get('users', record.userId) : null;
  if (!record || !user) throw invalid();
  await assertCanSignIn(ctx, user.id);
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  const signIn = await inTransaction(ctx, async (ctx) => {
    if (!(await ctx.store.delete('signInTokens', record.id)) || record.expiresAt <= ctx.now()) return null;
    const email = user.primaryEmailAddressId ? await ctx.store.get('emailAddresses', user.primaryEmailAddressId) : null;
    const started = await insertSignIn(ctx, fresh, user.id, email?.emailAddress ?? user.username ?? user.id);
    const verified: VerificationState = { status: 'verified', strategy: 'ticket', attempts: 0, expireAt: null, codeId: null };
    return completeSignIn(ctx, await updateSignIn(ctx, started, { firstFactorVerification: verified }));
  });
  if (!signIn) throw invalid();
  return api(await serializeSignIn(ctx, signIn));
}

export const getSignIn: RouteHandler = async (ctx) => api(await serializeSignIn(ctx, await loadSignIn(ctx)));

/**
 * An email (case-insensitive) or, when the instance allows it, a username.
 * Nobody has it: null with enumeration protection (a decoy sign-in follows),
 * else `form_identifier_not_found`.
 */
async function findUserByIdentifier(ctx: RequestContext, identifier: string): Promise<UserRecord | null> {
  const { identifiers } = ctx.settings;
  let userId: string | undefined;
  if (identifier.includes('@')) {
    const email = identifiers.emailAddress ? normalizeEmail(identifier, 'identifier') : null;
    userId = email ? (await ctx.store.findBy('emailAddresses', 'verifiedEmail', email))?.userId : undefined;
  } else if (identifiers.username) {
    userId = (await ctx.store.findBy('users', 'username', identifier.toLowerCase()))?.id;
  }
  const user = userId ? await ctx.store.get('users', userId) : null;
  if (!user && !ctx.settings.enumerationProtection) throw fail('form_identifier_not_found', { paramName: 'identifier' });
  return user;
}

/** The route's sign-in, if it belongs to this client and has not expired. */
export async function loadSignIn(ctx: RequestContext, status?: SignInRecord['status']): Promise<SignInRecord> {
  const signIn = await ctx.store.get('signIns', ctx.id);
  if (!signIn || signIn.clientId !== requireClient(ctx).id || signIn.expireAt <= ctx.now()) throw fail('sign_in_not_found');
  if (status && signIn.status !== status) throw fail('flow_state_invalid');
  return signIn;
}

/** The account being signed into; a decoy has none, and cannot get past its first factor. */
export async function signInUser(ctx: RequestContext, signIn: SignInRecord): Promise<UserRecord> {
  const user = signIn.userId === null ? null : await ctx.store.get('users', signIn.userId);
  if (!user) throw fail('sign_in_not_found');
  return user;
}

/** The account, or null for a decoy (see flows/enumeration.ts). */
export async function signInUserOrDecoy(ctx: RequestContext, signIn: SignInRecord): Promise<UserRecord | null> {
  return isDecoy(signIn) ? null : signInUser(ctx, signIn);
}

export async function updateSignIn(ctx: RequestContext, signIn: SignInRecord, patch: Partial<SignInRecord>): Promise<SignInRecord> {
  return (await ctx.store.update('signIns', signIn.id, patch)) ?? { ...signIn, ...patch };
}

/**
 * With enumeration protection, an account without a password and a decoy
 * with no account both hash against a dummy of the same cost and fail like
 * a wrong password, so neither stands out by answer or by time.
 */
export async function attemptPassword(ctx: RequestContext, signIn: SignInRecord, user: UserRecord | null, password: string): Promise<SignInRecord> {
  const { enumerationProtection, firstFactors } = ctx.settings;
  if (!firstFactors.password || (!user?.passwordHash && !enumerationProtection)) throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
  const stored = user?.passwordHash ?? (await dummyPasswordHash(ctx));
  const matches = user ? await guardedAttempt(ctx, user, () => passwordMatches(ctx, password, stored)) : await passwordMatches(ctx, password, stored);
  if (!matches || !user) throw fail('form_password_incorrect', { paramName: 'password' });
  const verified: VerificationState = { status: 'verified', strategy: 'password', attempts: 0, expireAt: null, codeId: null };
  return passFirstFactor(ctx, signIn, user, verified);
}

/** After the first factor: ask for the second one if the user has TOTP, else sign in (one transaction either way). */
export function passFirstFactor(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, verification: VerificationState): Promise<SignInRecord> {
  return inTransaction(ctx, async (ctx) => {
    const next = await updateSignIn(ctx, signIn, { firstFactorVerification: verification, status: 'needs_second_factor' });
    return user.totpSecret ? next : completeSignIn(ctx, next);
  });
}

/**
 * Every required factor has passed: only now does the account's failure count
 * start again. The session, the user's last sign-in, the client's rotated
 * token and the sign-in's status: one transaction.
 */
export function completeSignIn(ctx: RequestContext, signIn: SignInRecord): Promise<SignInRecord> {
  return inTransaction(ctx, async (ctx) => {
    const user = await signInUser(ctx, signIn);
    // Only now, with every factor passed, is the ban told: before that it would say the account exists.
    if (user.banned) throw fail('user_banned');
    await assertCanSignIn(ctx, user.id);
    await resetLockout(ctx, user);
    const session = await startSession(ctx, user.id);
    await updateClient(ctx, { signInId: null });
    return updateSignIn(ctx, signIn, { status: 'complete', createdSessionId: session.id });
  });
}
