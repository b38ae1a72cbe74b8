/**
 * Linked provider accounts: linking one (in the caller's transaction, with
 * its `user.updated`), showing them, and the profile's connect, reconnect
 * and remove routes.
 */
import type { DeletedJSON, PendingExternalAccountJSON } from '@latch/protocol';
import { randomId } from '../crypto/random';
import { fail } from '../errors';
import type { RequestContext, ServerContext } from '../flows/context';
import { api, type RouteHandler } from '../flows/reply';
import { recentlyVerifiedSession } from '../flows/reverification';
import { inTransaction } from '../flows/transaction';
import { uniqueWrite } from '../flows/users';
import type { ExternalAccountRecord, ExternalProfile, UserRecord } from '../store/records';
import { recordUserEvent } from '../webhooks/events';
import { prepareAttempt, providerFor, readRedirects, strategyOf, type StartedAttempt } from './attempts';

export function providerKey(profile: Pick<ExternalProfile, 'provider' | 'providerUserId'>): string {
  return `${profile.provider}:${profile.providerUserId}`;
}

export function findExternalAccount(ctx: ServerContext, profile: ExternalProfile): Promise<ExternalAccountRecord | null> {
  return ctx.store.findBy('externalAccounts', 'providerKey', providerKey(profile));
}

/**
 * Links `profile` to the user, or refreshes the user's own link to it. The
 * unique `providerKey` makes a race with another user's link fail with
 * `external_account_exists` rather than link one provider account twice.
 */
export function linkExternalAccount(ctx: ServerContext, userId: string, profile: ExternalProfile): Promise<ExternalAccountRecord> {
  return inTransaction(ctx, async (ctx) => {
    const now = ctx.now();
    const existing = await findExternalAccount(ctx, profile);
    if (existing && existing.userId !== userId) throw fail('external_account_exists');
    const record: ExternalAccountRecord = {
      ...profile,
      id: existing?.id ?? randomId('eac'),
      userId,
      providerKey: providerKey(profile),
      status: 'verified',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (existing) await ctx.store.update('externalAccounts', existing.id, record);
    else await uniqueWrite(() => ctx.store.insert('externalAccounts', record));
    recordUserEvent(ctx, 'user.updated', userId);
    return record;
  });
}

/** `POST /v1/me/external_accounts`: a redirect that links the provider account to this user when it comes back. */
export const createExternalAccount: RouteHandler = async (ctx) => {
  const { session, user } = await recentlyVerifiedSession(ctx);
  const strategy = ctx.body.string('strategy', { max: 64 });
  const provider = providerFor(ctx, strategy, 'connect');
  const redirects = readRedirects(ctx);
  const started = await prepareAttempt(ctx, provider, {
    flow: 'connect',
    userId: user.id,
    externalAccountId: null,
    appRedirectUrl: redirects.redirectUrl,
    actionCompleteRedirectUrl: redirects.actionCompleteRedirectUrl,
  });
  return api(await storePending(ctx, started, session.id));
};

/** `POST /v1/me/external_accounts/:id/reauthorize`: the provider's consent again, for the same provider account. */
export const reauthorizeExternalAccount: RouteHandler = async (ctx) => {
  const { session, user } = await recentlyVerifiedSession(ctx);
  const account = await ownAccount(ctx, user);
  const provider = providerFor(ctx, strategyOf({ id: account.provider }), 'connect');
  const redirects = readRedirects(ctx);
  const started = await prepareAttempt(ctx, provider, {
    flow: 'reauthorize',
    userId: user.id,
    externalAccountId: account.id,
    appRedirectUrl: redirects.redirectUrl,
    actionCompleteRedirectUrl: redirects.actionCompleteRedirectUrl,
  });
  return api(await storePending(ctx, started, session.id));
};

async function storePending(ctx: RequestContext, started: StartedAttempt, sessionId: string): Promise<PendingExternalAccountJSON> {
  const record = { ...started.record, clientId: ctx.client!.id, flowId: sessionId };
  await ctx.store.insert('oauthAttempts', record);
  return {
    object: 'pending_external_account',
    provider: record.provider,
    verification: {
      status: 'unverified',
      strategy: strategyOf({ id: record.provider }),
      attempts: 0,
      expireAt: record.expiresAt,
      externalVerificationRedirectURL: started.url,
      error: null,
    },
  };
}

/** `DELETE /v1/me/external_accounts/:id`: unlinks, unless nothing else would let the user sign in. */
export const deleteExternalAccount: RouteHandler = async (ctx) => {
  const { user } = await recentlyVerifiedSession(ctx);
  const account = await ownAccount(ctx, user);
  await inTransaction(ctx, async (ctx) => {
    if (!(await hasOtherWayToSignIn(ctx, user, account))) throw fail('external_account_last_sign_in_method');
    await ctx.store.delete('externalAccounts', account.id);
    recordUserEvent(ctx, 'user.updated', user.id);
  });
  const deleted: DeletedJSON = { id: account.id, deleted: true };
  return api(deleted);
};

async function ownAccount(ctx: RequestContext, user: UserRecord): Promise<ExternalAccountRecord> {
  const account = await ctx.store.get('externalAccounts', ctx.id);
  if (!account || account.userId !== user.id) throw fail('external_account_not_found');
  return account;
}

/** A password, an email code to a verified address, or another provider that signs in. */
async function hasOtherWayToSignIn(ctx: ServerContext, user: UserRecord, removing: ExternalAccountRecord): Promise<boolean> {
  const { firstFactors } = ctx.settings;
  if (firstFactors.password && user.passwordHash) return true;
  if (firstFactors.emailCode && (await ctx.store.listBy('emailAddresses', 'userId', user.id)).some((email) => email.verifiedEmail)) return true;
  const others = (await ctx.store.listBy('externalAccounts', 'userId', user.id)).filter((account) => account.id !== removing.id);
  return others.some((account) => ctx.oauth?.config.providers.get(account.provider)?.signIn);
}


