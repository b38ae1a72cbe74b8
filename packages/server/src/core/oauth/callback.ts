/**
 * `POST /v1/client/oauth_callback`: the app page hands over what the
 * provider's redirect brought. The attempt is consumed, the code exchanged,
 * the account identified; then the outcome (see `decide` in linking.ts):
 * sign in, sign up, link after proof, or refuse.
 */
import type { OAuthCallbackJSON } from '@latch/protocol';
import { ApiFailure, fail } from '../errors';
import { normalizeEmail } from '../flows/identity';
import type { RequestContext } from '../flows/context';
import { api, type RouteHandler } from '../flows/reply';
import { sessionStatus } from '../flows/sessions';
import type { ExternalProfile, OAuthAttemptRecord } from '../store/records';
import { consumeAttempt, oauthOf, openSecrets } from './attempts';
import { findExternalAccount, linkExternalAccount } from './external-accounts';
import { continueSignInOrUp } from './linking';
import type { ResolvedProvider } from './config';

const param = { max: 4096 };

export const oauthCallback: RouteHandler = async (ctx) => {
  const state = ctx.body.nullableString('state', { max: 512 });
  const attempt = await consumeAttempt(ctx, state);
  const provider = oauthOf(ctx).config.providers.get(attempt.provider);
  if (!provider) throw fail('oauth_provider_disabled');
  const error = ctx.body.nullableString('error', { max: 256 });
  // The user pressed Cancel, or the provider refused: nothing to exchange. The attempt is used up.
  if (error) throw fail('oauth_access_denied');
  const code = ctx.body.nullableString('code', param);
  if (!code) throw fail('form_param_missing', { paramName: 'code' });
  const { profile, trusted } = await identify(ctx, provider, attempt, code, state!);
  const result =
    attempt.flow === 'connect' || attempt.flow === 'reauthorize'
      ? await connect(ctx, attempt, profile)
      : await continueSignInOrUp(ctx, attempt, provider, profile, trusted);
  return api({ ...result, redirectUrlComplete: attempt.actionCompleteRedirectUrl } satisfies OAuthCallbackJSON);
};

/**
 * The code exchanged (PKCE, ID token checks) and the answer mapped to a
 * profile with a normalized email; `trusted` when the provider vouches for
 * that email well enough to link on it (the preset reads its own claims,
 * such as Microsoft's tenant).
 */
async function identify(
  ctx: RequestContext,
  provider: ResolvedProvider,
  attempt: OAuthAttemptRecord,
  code: string,
  state: string,
): Promise<{ profile: ExternalProfile; trusted: boolean }> {
  const params = new URLSearchParams({ code, state });
  const iss = ctx.body.nullableString('iss', param);
  if (iss) params.set('iss', iss);
  const { codeVerifier, nonce } = await openSecrets(ctx, attempt);
  const answer = await oauthOf(ctx).client.exchange(provider, { params, redirectUri: attempt.redirectUri, codeVerifier, nonce }).catch(async (error: unknown) => {
    // The provider could not be reached: the code may still be good, so the same callback may try again (503 + Retry-After).
    if (error instanceof ApiFailure && error.error.code === 'oauth_provider_unavailable') await ctx.store.insert('oauthAttempts', attempt).catch(() => undefined);
    throw error;
  });
  const mapped = provider.definition.profile(answer.claims, { formPostUser: attempt.formPostUser, emails: answer.emails });
  if (!mapped.providerUserId) throw fail('oauth_callback_invalid');
  const emailAddress = mapped.emailAddress ? safeEmail(mapped.emailAddress) : null;
  const profile: ExternalProfile = { ...mapped, provider: provider.id, scopes: answer.scopes, emailAddress, emailVerified: emailAddress !== null && mapped.emailVerified };
  return { profile, trusted: profile.emailVerified && provider.definition.trustsEmail(mapped, answer.claims) };
}

/** A provider's address that our strict grammar refuses is treated as no address. */
function safeEmail(raw: string): string | null {
  try {
    return normalizeEmail(raw);
  } catch {
    return null;
  }
}

/** Connect (or reconnect) to the signed-in user who started it, on the same session. */
async function connect(ctx: RequestContext, attempt: OAuthAttemptRecord, profile: ExternalProfile): Promise<Omit<OAuthCallbackJSON, 'redirectUrlComplete'>> {
  const session = await ctx.store.get('sessions', attempt.flowId);
  if (!session || session.userId !== attempt.userId || session.clientId !== ctx.client?.id || sessionStatus(ctx, session) !== 'active') {
    throw fail('authentication_invalid');
  }
  if (attempt.flow === 'reauthorize') {
    const account = attempt.externalAccountId ? await ctx.store.get('externalAccounts', attempt.externalAccountId) : null;
    if (!account || account.userId !== session.userId) throw fail('external_account_not_found');
    if (account.provider !== profile.provider || account.providerUserId !== profile.providerUserId) throw fail('external_account_mismatch');
  }
  const existing = await findExternalAccount(ctx, profile);
  if (existing && existing.userId !== session.userId) throw fail('external_account_exists');
  const linked = await linkExternalAccount(ctx, session.userId, profile);
  return { flow: 'connect', status: 'complete', createdSessionId: null, externalAccountId: linked.id };
}
