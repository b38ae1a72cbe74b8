import { fail } from '../errors';
import { serializeSignIn } from '../serialize';
import type { SignInRecord, UserRecord, VerificationState } from '../store/records';
import { normalizePassword } from '../crypto/password';
import { randomId } from '../crypto/random';
import { ensureClient, newClientToken, requireClient, updateClient } from './client';
import type { RequestContext } from './context';
import { assertDisplayText } from './display-text';
import { dummyPasswordHash, isDecoy } from './enumeration';
import { normalizeEmail } from './identity';
import { beginAttempt, endAttempt, resetLockout, type Reservation } from './lockout';
import { passwordMatches } from './passwords';
import { assertWithinRateLimit } from './rate-limits';
import { api, type Reply, type RouteHandler } from './reply';
import { assertCanSignIn, startSession } from './sessions';
import { inTransaction } from './transaction';
import { signInWithPasskey } from './passkeys/sign-in';
import { startOAuthSignIn } from '../oauth/start';
import { linkExternalAccount } from '../oauth/external-accounts';

/** An unfinished sign-in is dropped after this long. */
const signInLifetimeMs = 60 * 60 * 1000;

export const createSignIn: RouteHandler = async (ctx) => {
  await assertWithinRateLimit(ctx, 'signInsPerIp', ctx.clientIp);
  const strategy = ctx.body.optionalString('strategy', { max: 64 });
  if (strategy === 'ticket') return signInWithTicket(ctx);
  if (strategy === 'passkey') return signInWithPasskey(ctx);
  if (strategy?.startsWith('oauth_')) return startOAuthSignIn(ctx, strategy);
  const identifier = ctx.body.string('identifier').trim();
  assertDisplayText(identifier, 'identifier');
  const password = ctx.body.optionalString('password', { max: Infinity, allowControl: true });
  await assertCanSignIn(ctx);
  const user = await findUserByIdentifier(ctx, identifier);
  if (user) await assertCanSignIn(ctx, user.id);
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  // A password is checked before anything is stored (hashing has no place in a
  // transaction), so the sign-in, the outcome of the check and, when it passed,
  // the session are one transaction: one commit.
  const check = password === undefined ? null : await checkPassword(ctx, user, password);
  const signIn = await settlePasswordCheck(ctx, check, (ctx) =>
    inTransaction(ctx, async (ctx) => {
      const signIn = await insertSignIn(ctx, fresh, user?.id ?? null, identifier);
      await recordPasswordCheck(ctx, check);
      return check?.matches && user ? passFirstFactor(ctx, signIn, user, passwordVerified, check.rehash) : signIn;
    }),
  );
  return api(await serializeSignIn(ctx, signIn));
};

/** A new sign-in on this client (created with `fresh` when it has none), which becomes the client's current one. */
export async function insertSignIn(
  ctx: RequestContext,
  fresh: Awaited<ReturnType<typeof newClientToken>> | undefined,
  userId: string | null,
  identifier: string,
  extra: Partial<SignInRecord> = {},
): Promise<SignInRecord> {
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
    ...extra,
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
  const verified: VerificationState = { status: 'verified', strategy: 'ticket', attempts: 0, expireAt: null, codeId: null };
  // An expired token is consumed too: its deletion commits, with no sign-in.
  const signIn = await signInAtOnce(ctx, user, verified, async (ctx) => (await ctx.store.delete('signInTokens', record.id)) && record.expiresAt > ctx.now());
  if (!signIn) throw invalid();
  return api(await serializeSignIn(ctx, signIn));
}

/**
 * A sign-in that starts complete, for strategies that prove the account
 * without an identifier step (a ticket, a passkey): `consume` (the ticket's
 * deletion, the passkey's counter), the sign-in and its session are one
 * transaction; when `consume` says no, only its own writes commit, and the
 * answer is null. The identifier is the primary email, else the username.
 */
export async function signInAtOnce(
  ctx: RequestContext,
  user: UserRecord,
  verification: VerificationState,
  consume: (ctx: RequestContext) => Promise<boolean>,
): Promise<SignInRecord | null> {
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  return inTransaction(ctx, async (ctx) => {
    if (!(await consume(ctx))) return null;
    const email = user.primaryEmailAddressId ? await ctx.store.get('emailAddresses', user.primaryEmailAddressId) : null;
    const started = await insertSignIn(ctx, fresh, user.id, email?.emailAddress ?? user.username ?? user.id);
    return completeSignIn(ctx, await updateSignIn(ctx, started, { firstFactorVerification: verification }));
  });
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

/** The route's sign-in (or the one `id` names), if it belongs to this client and has not expired. */
export async function loadSignIn(ctx: RequestContext, status?: SignInRecord['status'], id = ctx.id): Promise<SignInRecord> {
  const signIn = await ctx.store.get('signIns', id);
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

/** A password checked before its outcome is stored: whether it matched, the lockout slot it holds, or what to answer instead. */
interface PasswordCheck {
  /** The account checked against, or null for a decoy. */
  user: UserRecord | null;
  matches: boolean;
  /** Held until `endAttempt` records the outcome, in the transaction that stores it. */
  reservation: Reservation | null;
  /** Thrown once the sign-in is stored (a locked account, a full hashing queue, a strategy the account lacks). */
  error?: unknown;
  /** For a match against a weaker or imported hash: its argon2id replacement, stored with the sign-in. */
  rehash?: Rehash;
}

const passwordVerified: VerificationState = { status: 'verified', strategy: 'password', attempts: 0, expireAt: null, codeId: null };

/**
 * With enumeration protection, an account without a password and a decoy
 * with no account both hash against a dummy of the same cost and fail like
 * a wrong password, so neither stands out by answer or by time. The check
 * runs under the account lockout; its outcome is recorded by the caller.
 */
async function checkPassword(ctx: RequestContext, user: UserRecord | null, password: string): Promise<PasswordCheck> {
  let reservation: Reservation | null = null;
  try {
    const { enumerationProtection, firstFactors } = ctx.settings;
    if (!firstFactors.password || (!user?.passwordHash && !enumerationProtection)) throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
    const stored = user?.passwordHash ?? (await dummyPasswordHash(ctx));
    if (user) reservation = await beginAttempt(ctx, user);
    const matches = (await passwordMatches(ctx, password, stored)) && user !== null;
    return { user, matches, reservation, rehash: matches ? await rehashFor(ctx, password, stored) : undefined };
  } catch (error) {
    // A check that could not finish counts as failed, as with `guardedAttempt`.
    if (reservation && user) await endAttempt(ctx, user, reservation, false);
    return { user, matches: false, reservation: null, error };
  }
}

/**
 * Runs `store`, the transaction that records the check's outcome (with
 * `endAttempt`) beside its own writes, then answers for a check that did
 * not pass. If that transaction fails, the outcome is recorded on its own.
 */
async function settlePasswordCheck(ctx: RequestContext, check: PasswordCheck | null, store: (ctx: RequestContext) => Promise<SignInRecord>): Promise<SignInRecord> {
  let signIn: SignInRecord;
  try {
    signIn = await store(ctx);
  } catch (error) {
    if (check?.reservation && check.user) await endAttempt(ctx, check.user, check.reservation, check.matches).catch(() => undefined);
    throw error;
  }
  if (check?.error) throw check.error;
  if (check && !check.matches) throw fail('form_password_incorrect', { paramName: 'password' });
  return signIn;
}

/** Inside the transaction that stores it: the check's outcome for the lockout. */
async function recordPasswordCheck(ctx: RequestContext, check: PasswordCheck | null): Promise<void> {
  if (check?.reservation && check.user) await endAttempt(ctx, check.user, check.reservation, check.matches);
}

/** A password for an existing sign-in (its first factor). */
export async function attemptPassword(ctx: RequestContext, signIn: SignInRecord, user: UserRecord | null, password: string): Promise<SignInRecord> {
  const check = await checkPassword(ctx, user, password);
  return settlePasswordCheck(ctx, check, (ctx) =>
    inTransaction(ctx, async (ctx) => {
      await recordPasswordCheck(ctx, check);
      return check.matches && user ? passFirstFactor(ctx, signIn, user, passwordVerified, check.rehash) : signIn;
    }),
  );
}

/** A password hash that replaces one weaker or foreign (imported); made before the transaction, dropped if hashing fails or is overloaded. */
interface Rehash {
  from: string;
  to: string;
}

async function rehashFor(ctx: RequestContext, password: string, stored: string): Promise<Rehash | undefined> {
  if (!ctx.hashing.needsRehash?.(stored)) return undefined;
  const to = await ctx.hashing.hash(normalizePassword(password)).catch(() => null);
  return to === null ? undefined : { from: stored, to };
}

/**
 * After the first factor: ask for the second one if the user has TOTP, else
 * sign in (one transaction either way). A `rehash` is stored in the same
 * transaction, unless the password changed meanwhile.
 */
export function passFirstFactor(ctx: RequestContext, signIn: SignInRecord, user: UserRecord, verification: VerificationState, rehash?: Rehash): Promise<SignInRecord> {
  return inTransaction(ctx, async (ctx) => {
    if (rehash && (await ctx.store.get('users', user.id))?.passwordHash === rehash.from) {
      await ctx.store.update('users', user.id, { passwordHash: rehash.to });
    }
    // The account has proven itself: the provider account waiting on it is linked now (oauth/callback.ts).
    if (signIn.externalAccountToLink) await linkExternalAccount(ctx, user.id, signIn.externalAccountToLink);
    const next = await updateSignIn(ctx, signIn, { firstFactorVerification: verification, status: 'needs_second_factor', externalAccountToLink: null });
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
