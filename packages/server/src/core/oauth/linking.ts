/**
 * What a provider account leads to, for a sign-in or sign-up attempt:
 *
 * 1. Linked already: sign in as its user (a second factor is still asked for).
 * 2. Its email is an account's verified address:
 *    - the provider does not say the email is verified: refused
 *      (`oauth_email_in_use`); an unverified email proves nothing;
 *    - verified, and the provider is trusted for it (Google, Apple,
 *      Microsoft's own domains): linked, and signed in as that account;
 *    - verified but not trusted: a sign-in for that account that must pass
 *      its first factor (password or email code) first; only then is the
 *      provider account linked (`passFirstFactor`).
 * 3. Unknown: a sign-up (if the provider and the instance allow it), which
 *    completes at once or collects what is missing; a sign-in becomes a
 *    sign-up and a sign-up a sign-in as needed (Clerk's "transfer").
 */
import type { OAuthCallbackJSON } from '@latch/protocol';
import { fail } from '../errors';
import type { RequestContext } from '../flows/context';
import { updateClient } from '../flows/client';
import { assertCanSignIn } from '../flows/sessions';
import { insertSignIn, passFirstFactor, updateSignIn } from '../flows/sign-in';
import { completeIfReady, insertSignUp, patchSignUp } from '../flows/sign-up';
import { inTransaction } from '../flows/transaction';
import type { ExternalProfile, OAuthAttemptRecord, SignInRecord, SignUpRecord, VerificationState } from '../store/records';
import type { ResolvedProvider } from './config';
import { findExternalAccount, linkExternalAccount } from './external-accounts';

type Outcome = Omit<OAuthCallbackJSON, 'redirectUrlComplete'>;

export async function continueSignInOrUp(
  ctx: RequestContext,
  attempt: OAuthAttemptRecord,
  provider: ResolvedProvider,
  profile: ExternalProfile,
  trusted: boolean,
): Promise<Outcome> {
  const linked = await findExternalAccount(ctx, profile);
  if (linked) return signInAs(ctx, attempt, linked.userId, profile);
  const owner = profile.emailAddress ? await ctx.store.findBy('emailAddresses', 'verifiedEmail', profile.emailAddress) : null;
  if (owner) {
    if (!profile.emailVerified) throw fail('oauth_email_in_use');
    return trusted ? signInAs(ctx, attempt, owner.userId, profile) : proveFirst(ctx, attempt, owner.userId, profile);
  }
  if (!provider.signUp || !ctx.settings.signUp.enabled) throw fail('external_account_not_found', { status: 422 });
  return signUpWith(ctx, attempt, profile);
}

function verifiedBy(profile: ExternalProfile): VerificationState {
  return { status: 'verified', strategy: `oauth_${profile.provider}`, attempts: 0, expireAt: null, codeId: null };
}

/** The provider account signs in as `userId`: linked (or refreshed) and the first factor passed, in one transaction. */
async function signInAs(ctx: RequestContext, attempt: OAuthAttemptRecord, userId: string, profile: ExternalProfile): Promise<Outcome> {
  const user = await ctx.store.get('users', userId);
  if (!user) throw fail('external_account_not_found', { status: 422 });
  await assertCanSignIn(ctx, user.id);
  const signIn = await inTransaction(ctx, async (ctx) => {
    const started = await attemptSignIn(ctx, attempt, profile, { userId: user.id });
    await linkExternalAccount(ctx, user.id, profile);
    return passFirstFactor(ctx, started, user, verifiedBy(profile));
  });
  const externalAccountId = (await findExternalAccount(ctx, profile))?.id ?? null;
  return { flow: 'sign_in', status: signIn.status === 'complete' ? 'complete' : 'needs_second_factor', createdSessionId: signIn.createdSessionId, externalAccountId };
}

/** A sign-in for the account with this email, which must pass its own first factor before the provider account is linked. */
async function proveFirst(ctx: RequestContext, attempt: OAuthAttemptRecord, userId: string, profile: ExternalProfile): Promise<Outcome> {
  await assertCanSignIn(ctx, userId);
  await inTransaction(ctx, (ctx) => attemptSignIn(ctx, attempt, profile, { userId, firstFactorVerification: null, externalAccountToLink: profile }));
  return { flow: 'sign_in', status: 'needs_first_factor', createdSessionId: null, externalAccountId: null };
}

/**
 * The attempt's own sign-in when it was one, now about `userId`; else (a
 * sign-up that found an account) a new sign-in, and the sign-up is dropped.
 */
async function attemptSignIn(ctx: RequestContext, attempt: OAuthAttemptRecord, profile: ExternalProfile, patch: Partial<SignInRecord> & { userId: string }): Promise<SignInRecord> {
  const identifier = profile.emailAddress ?? profile.username ?? profile.provider;
  const own = attempt.flow === 'sign_in' ? await ctx.store.get('signIns', attempt.flowId) : null;
  if (own && own.clientId === ctx.client?.id && own.status === 'needs_first_factor' && own.expireAt > ctx.now()) {
    await updateClient(ctx, { signInId: own.id });
    return updateSignIn(ctx, own, { identifier, ...patch });
  }
  if (attempt.flow === 'sign_up') await updateClient(ctx, { signUpId: null });
  return insertSignIn(ctx, undefined, patch.userId, identifier, { oauthProvider: profile.provider, ...patch });
}

/** A sign-up with what the provider told us; the email counts as verified when the provider says it is. */
async function signUpWith(ctx: RequestContext, attempt: OAuthAttemptRecord, profile: ExternalProfile): Promise<Outcome> {
  const collects = (field: keyof typeof ctx.settings.signUp.fields) => ctx.settings.signUp.fields[field] !== 'off';
  await assertCanSignIn(ctx);
  const signUp = await inTransaction(ctx, async (ctx) => {
    const own = attempt.flow === 'sign_up' ? await ctx.store.get('signUps', attempt.flowId) : null;
    const current = own && own.clientId === ctx.client?.id && own.status === 'missing_requirements' && own.expireAt > ctx.now() ? own : null;
    const fields: Partial<SignUpRecord> = { oauthProvider: profile.provider, externalAccount: profile };
    if (collects('emailAddress') && profile.emailAddress) {
      fields.emailAddress = profile.emailAddress;
      fields.emailVerification = profile.emailVerified ? verifiedBy(profile) : null;
    }
    if (collects('firstName') && !current?.firstName) fields.firstName = profile.firstName;
    if (collects('lastName') && !current?.lastName) fields.lastName = profile.lastName;
    if (attempt.flow === 'sign_in') await updateClient(ctx, { signInId: null });
    const next = current ? await patchSignUp(ctx, current, fields) : await insertSignUp(ctx, undefined, fields);
    return completeIfReady(ctx, next);
  });
  const complete = signUp.status === 'complete';
  const externalAccountId = complete ? ((await findExternalAccount(ctx, profile))?.id ?? null) : null;
  return { flow: 'sign_up', status: complete ? 'complete' : 'missing_requirements', createdSessionId: signUp.createdSessionId, externalAccountId };
}
