import { fail } from '../errors';
import { randomId } from '../crypto/random';
import { serializeSignUp } from '../serialize';
import type { SignUpRecord } from '../store/records';
import { ensureClient, newClientToken, requireClient, updateClient, type ClientToken } from './client';
import type { RequestContext } from './context';
import { attemptEmailCode, requireSentCode, sendEmailCode } from './email-codes';
import { linkedVerification, sendEmailLink } from './email-link-tokens';
import { readEmailProofStrategy } from './factors';
import { assertEmailAvailable, assertUsernameAvailable, cleanName, normalizeEmail, normalizeUsername } from './identity';
import { assertPasswordIsNotLocalPart, hashNewPassword } from './passwords';
import { assertWithinRateLimit } from './rate-limits';
import { api, type RouteHandler } from './reply';
import { assertCanSignIn, startSession } from './sessions';
import { missingFields, unverifiedFields } from './sign-up-fields';
import { inTransaction } from './transaction';
import { insertUser } from './users';
import { startOAuthSignUp } from '../oauth/start';
import { linkExternalAccount } from '../oauth/external-accounts';

/** An unfinished sign-up is dropped after this long. */
const signUpLifetimeMs = 24 * 60 * 60 * 1000;

export const createSignUp: RouteHandler = async (ctx) => {
  if (!ctx.settings.signUp.enabled) throw fail('feature_disabled');
  await assertWithinRateLimit(ctx, 'signUpsPerIp', ctx.clientIp);
  const strategy = ctx.body.optionalString('strategy', { max: 64 });
  if (strategy?.startsWith('oauth_')) return startOAuthSignUp(ctx, strategy, await readFields(ctx, null, { password: false }));
  const fields = await readFields(ctx, null);
  await assertCanSignIn(ctx);
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  const created = await inTransaction(ctx, async (ctx) => {
    const signUp = await insertSignUp(ctx, fresh, fields);
    return completeIfReady(ctx, signUp);
  });
  return api(serializeSignUp(ctx, created));
};

/** A new sign-up on this browser's client (made here on its first use), which becomes the client's current one. */
export async function insertSignUp(ctx: RequestContext, fresh: ClientToken | undefined, fields: Partial<SignUpRecord>): Promise<SignUpRecord> {
  const client = await ensureClient(ctx, fresh);
  const now = ctx.now();
  const signUp: SignUpRecord = {
    id: randomId('sua'),
    clientId: client.id,
    status: 'missing_requirements',
    emailAddress: null,
    firstName: null,
    lastName: null,
    username: null,
    passwordHash: null,
    emailVerification: null,
    createdSessionId: null,
    createdUserId: null,
    createdAt: now,
    expireAt: now + signUpLifetimeMs,
    ...fields,
  };
  await ctx.store.insert('signUps', signUp);
  await updateClient(ctx, { signUpId: signUp.id });
  return signUp;
}

export const getSignUp: RouteHandler = async (ctx) => api(serializeSignUp(ctx, await loadSignUp(ctx)));

export const updateSignUp: RouteHandler = async (ctx) => {
  const signUp = await loadSignUp(ctx, 'missing_requirements');
  const fields = await readFields(ctx, signUp);
  const updated = await inTransaction(ctx, async (ctx) => completeIfReady(ctx, await patchSignUp(ctx, signUp, fields)));
  return api(serializeSignUp(ctx, updated));
};

/** A code, or a link (`strategy: 'email_link'`, with `redirectUrl`), as the instance's `emailVerification.method` allows. */
export const prepareSignUpVerification: RouteHandler = async (ctx) => {
  const strategy = readEmailProofStrategy(ctx);
  const signUp = await loadSignUp(ctx, 'missing_requirements');
  if (!signUp.emailAddress) throw fail('form_param_missing', { paramName: 'emailAddress', status: 422 });
  const send = { to: signUp.emailAddress, previous: signUp.emailVerification };
  const emailVerification =
    strategy === 'email_link'
      ? await sendEmailLink(ctx, { ...send, purpose: 'sign_up', ownerId: signUp.id, attemptsKey: `link:${signUp.id}` })
      : await sendEmailCode(ctx, { ...send, purpose: 'sign_up', strategy, attemptsKey: `code:${signUp.id}` });
  return api(serializeSignUp(ctx, await patchSignUp(ctx, signUp, { emailVerification })));
};

/** The code; or `strategy: 'email_link'` once the link was opened in another browser, to finish here. */
export const attemptSignUpVerification: RouteHandler = async (ctx) => {
  if ((ctx.body.optionalString('strategy') ?? 'email_code') === 'email_link') {
    const signUp = await loadSignUp(ctx, 'missing_requirements');
    const verified = linkedVerification(signUp.emailVerification, ctx.now());
    return api(serializeSignUp(ctx, await inTransaction(ctx, async (ctx) => completeIfReady(ctx, await patchSignUp(ctx, signUp, { emailVerification: verified })))));
  }
  const code = ctx.body.string('code');
  const signUp = await loadSignUp(ctx, 'missing_requirements');
  const result = await attemptEmailCode(ctx, requireSentCode(signUp.emailVerification, 'email_code'), code);
  if (result.failure) {
    await patchSignUp(ctx, signUp, { emailVerification: result.state });
    throw result.failure;
  }
  const verified = await inTransaction(ctx, async (ctx) => completeIfReady(ctx, await patchSignUp(ctx, signUp, { emailVerification: result.state })));
  return api(serializeSignUp(ctx, verified));
};

/**
 * Reads the fields the instance collects (others are ignored). The password
 * is hashed last, once everything else is known to be valid.
 */
export async function readFields(ctx: RequestContext, current: SignUpRecord | null, { password: withPassword = true } = {}): Promise<Partial<SignUpRecord>> {
  const collects = (field: keyof typeof ctx.settings.signUp.fields) => ctx.settings.signUp.fields[field] !== 'off';
  const patch: Partial<SignUpRecord> = {};
  const email = collects('emailAddress') ? ctx.body.optionalString('emailAddress') : undefined;
  if (email !== undefined) {
    patch.emailAddress = normalizeEmail(email);
    await assertEmailAvailable(ctx, patch.emailAddress);
    if (patch.emailAddress !== current?.emailAddress) patch.emailVerification = null;
  }
  const username = collects('username') ? ctx.body.optionalString('username') : undefined;
  if (username !== undefined) {
    patch.username = normalizeUsername(username);
    await assertUsernameAvailable(ctx, patch.username);
  }
  if (collects('firstName')) patch.firstName = cleanName(ctx.body.optionalString('firstName'), 'firstName') ?? current?.firstName ?? null;
  if (collects('lastName')) patch.lastName = cleanName(ctx.body.optionalString('lastName'), 'lastName') ?? current?.lastName ?? null;
  const password = withPassword && collects('password') ? ctx.body.optionalString('password', { max: Infinity, allowControl: true }) : undefined;
  if (password !== undefined) {
    const emailAddress = patch.emailAddress ?? current?.emailAddress;
    patch.passwordHash = await hashNewPassword(ctx, password, emailAddress ? [emailAddress] : []);
  } else if (patch.emailAddress) {
    // The password came first (create, then PATCH the address): it must not spell this address either.
    await assertPasswordIsNotLocalPart(ctx, current?.passwordHash ?? null, patch.emailAddress);
  }
  return patch;
}

export async function loadSignUp(ctx: RequestContext, status?: SignUpRecord['status']): Promise<SignUpRecord> {
  const signUp = await ctx.store.get('signUps', ctx.id);
  if (!signUp || signUp.clientId !== requireClient(ctx).id || signUp.expireAt <= ctx.now()) throw fail('sign_up_not_found');
  if (status && signUp.status !== status) throw fail('flow_state_invalid');
  return signUp;
}

export async function patchSignUp(ctx: RequestContext, signUp: SignUpRecord, patch: Partial<SignUpRecord>): Promise<SignUpRecord> {
  if (patch.emailVerification === null && signUp.emailVerification?.codeId) {
    await ctx.store.delete('verifications', signUp.emailVerification.codeId);
  }
  return (await ctx.store.update('signUps', signUp.id, patch)) ?? { ...signUp, ...patch };
}

/**
 * The user and the session exist only from here on, once every required
 * field is present and the email is verified: the email and user rows, the
 * session, the rotated client token and the sign-up's status in one
 * transaction. The email's uniqueness is checked again by the store: a
 * parallel sign-up may have taken it since.
 */
export async function completeIfReady(ctx: RequestContext, signUp: SignUpRecord): Promise<SignUpRecord> {
  if (missingFields(ctx.settings, signUp).length > 0 || unverifiedFields(signUp).length > 0) return signUp;
  return inTransaction(ctx, async (ctx) => {
    await assertCanSignIn(ctx);
    const user = await insertUser(ctx, {
      emailAddress: signUp.emailAddress,
      passwordHash: signUp.passwordHash,
      firstName: signUp.firstName,
      lastName: signUp.lastName,
      username: signUp.username,
    });
    if (signUp.externalAccount) await linkExternalAccount(ctx, user.id, signUp.externalAccount);
    const session = await startSession(ctx, user.id);
    await updateClient(ctx, { signUpId: null });
    return patchSignUp(ctx, signUp, { status: 'complete', createdUserId: user.id, createdSessionId: session.id });
  });
}
