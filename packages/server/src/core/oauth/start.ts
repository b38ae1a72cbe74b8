/**
 * Starting a social sign-in or sign-up: the attempt and its provider URL,
 * stored with the sign-in (or sign-up) it belongs to in one transaction.
 * The answer carries the URL once; the stored records keep only the hash of
 * its `state`.
 */
import type { ExternalVerificationJSON, OAuthStrategy, SignInJSON, SignUpJSON } from '@latch/protocol';
import { newClientToken } from '../flows/client';
import type { RequestContext } from '../flows/context';
import { api, type Reply } from '../flows/reply';
import { assertCanSignIn } from '../flows/sessions';
import { insertSignIn } from '../flows/sign-in';
import { insertSignUp } from '../flows/sign-up';
import { inTransaction } from '../flows/transaction';
import { serializeSignIn, serializeSignUp } from '../serialize';
import type { SignUpRecord, VerificationState } from '../store/records';
import { prepareAttempt, providerFor, readRedirects, strategyOf, type StartedAttempt } from './attempts';

export async function startOAuthSignIn(ctx: RequestContext, strategy: string): Promise<Reply> {
  const provider = providerFor(ctx, strategy, 'signIn');
  const started = await start(ctx, provider, 'sign_in');
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  const signIn = await inTransaction(ctx, async (ctx) => {
    const signIn = await insertSignIn(ctx, fresh, null, '', {
      oauthProvider: provider.id,
      firstFactorVerification: pending(strategyOf(provider), started),
    });
    await storeAttempt(ctx, started, signIn.id);
    return signIn;
  });
  const json: SignInJSON = await serializeSignIn(ctx, signIn);
  return api({ ...json, firstFactorVerification: withUrl(json.firstFactorVerification, started) });
}

export async function startOAuthSignUp(ctx: RequestContext, strategy: string, fields: Partial<SignUpRecord>): Promise<Reply> {
  const provider = providerFor(ctx, strategy, 'signUp');
  const started = await start(ctx, provider, 'sign_up');
  const fresh = ctx.client ? undefined : await newClientToken(ctx);
  const signUp = await inTransaction(ctx, async (ctx) => {
    const signUp = await insertSignUp(ctx, fresh, { ...fields, oauthProvider: provider.id, externalAccount: null });
    await storeAttempt(ctx, started, signUp.id);
    return signUp;
  });
  const json: SignUpJSON = serializeSignUp(ctx, signUp);
  return api({ ...json, verifications: { ...json.verifications, externalAccount: withUrl(json.verifications.externalAccount ?? null, started) } });
}

async function start(ctx: RequestContext, provider: ReturnType<typeof providerFor>, flow: 'sign_in' | 'sign_up'): Promise<StartedAttempt> {
  const redirects = readRedirects(ctx);
  await assertCanSignIn(ctx);
  return prepareAttempt(ctx, provider, {
    flow,
    userId: null,
    externalAccountId: null,
    appRedirectUrl: redirects.redirectUrl,
    actionCompleteRedirectUrl: redirects.actionCompleteRedirectUrl,
  });
}

async function storeAttempt(ctx: RequestContext, started: StartedAttempt, flowId: string): Promise<void> {
  await ctx.store.insert('oauthAttempts', { ...started.record, clientId: ctx.client!.id, flowId });
}

function pending(strategy: OAuthStrategy, started: StartedAttempt): VerificationState {
  return { status: 'unverified', strategy, attempts: 0, expireAt: started.record.expiresAt, codeId: null };
}

function withUrl(verification: SignInJSON['firstFactorVerification'], started: StartedAttempt): ExternalVerificationJSON {
  return {
    status: verification?.status ?? 'unverified',
    strategy: strategyOf({ id: started.record.provider }),
    attempts: 0,
    expireAt: started.record.expiresAt,
    externalVerificationRedirectURL: started.url,
    error: null,
  };
}
