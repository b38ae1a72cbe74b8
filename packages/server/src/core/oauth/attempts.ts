/**
 * The redirect to a provider and back: a random `state` the browser carries,
 * stored only as its hash; the PKCE verifier and the nonce sealed at rest;
 * bound to the client that started it; single use (consumed by deleting it,
 * so of two callbacks with one state only one proceeds); 10 minutes to live.
 */
import { isSafeRedirect, type OAuthStrategy } from '@latch/protocol';
import * as oauth from 'oauth4webapi';
import { randomId, randomToken } from '../crypto/random';
import { fail } from '../errors';
import type { RequestContext } from '../flows/context';
import type { OAuthAttemptRecord } from '../store/records';
import { isAllowedCallbackUrl, type ResolvedOAuth, type ResolvedProvider } from './config';
import type { ProviderClient } from './provider-client';

export const attemptLifetimeMs = 10 * 60 * 1000;

/** The form_post route's path (see `Routes.oauthFormPost`): where such providers return. */
export const formPostPath = '/v1/oauth/form_post';

export interface OAuthContext {
  config: ResolvedOAuth;
  client: ProviderClient;
}

export function oauthOf(ctx: RequestContext): OAuthContext {
  if (!ctx.oauth) throw fail('oauth_provider_disabled', { paramName: 'strategy' });
  return ctx.oauth;
}

/** The provider an `oauth_<id>` strategy names, if configured and offered for `use`. */
export function providerFor(ctx: RequestContext, strategy: string, use: 'signIn' | 'signUp' | 'connect'): ResolvedProvider {
  const id = strategy.startsWith('oauth_') ? strategy.slice('oauth_'.length) : '';
  const provider = oauthOf(ctx).config.providers.get(id);
  const offered = provider && (use === 'connect' ? provider.signIn || provider.signUp : provider[use]);
  if (!provider || !offered) throw fail('oauth_provider_disabled', { paramName: 'strategy' });
  return provider;
}

export function strategyOf(provider: { id: string }): OAuthStrategy {
  return `oauth_${provider.id}`;
}

/** `redirectUrl` and `actionCompleteRedirectUrl` from the body, checked against the allowlists. */
export function readRedirects(ctx: RequestContext): { redirectUrl: string; actionCompleteRedirectUrl: string | null } {
  const config = oauthOf(ctx).config;
  const redirectUrl = ctx.body.string('redirectUrl', { max: 2048 });
  const callbackOrigins = config.callbackUrls.map((url) => new URL(url).origin);
  // The provider needs an absolute URL, free of the tricks `isSafeRedirect` refuses, and on the callback allowlist.
  if (!/^https?:\/\//i.test(redirectUrl) || !isSafeRedirect(redirectUrl, { allowedOrigins: callbackOrigins }) || !isAllowedCallbackUrl(config, redirectUrl)) {
    throw fail('oauth_redirect_url_invalid', { paramName: 'redirectUrl' });
  }
  const complete = ctx.body.optionalString('actionCompleteRedirectUrl', { max: 2048 }) ?? null;
  const allowedOrigins = [...ctx.settings.allowedRedirectOrigins, ...callbackOrigins];
  const actionCompleteRedirectUrl = complete === null ? null : isSafeRedirect(complete, { allowedOrigins });
  if (complete !== null && actionCompleteRedirectUrl === null) throw fail('oauth_redirect_url_invalid', { paramName: 'actionCompleteRedirectUrl' });
  return { redirectUrl: new URL(redirectUrl).href, actionCompleteRedirectUrl };
}

export interface StartedAttempt {
  record: OAuthAttemptRecord;
  /** Where the browser goes: the provider's authorization URL. */
  url: string;
}

/**
 * Makes the attempt and the provider URL. Call it before the flow's
 * transaction (it may fetch the provider's discovery document), then store
 * `record` inside it.
 */
export async function prepareAttempt(
  ctx: RequestContext,
  provider: ResolvedProvider,
  input: Pick<OAuthAttemptRecord, 'flow' | 'userId' | 'externalAccountId' | 'actionCompleteRedirectUrl'> & { appRedirectUrl: string },
): Promise<StartedAttempt> {
  const { client } = oauthOf(ctx);
  const state = randomToken();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  // Providers that POST their answer come back to the API, which forwards to the app page.
  const redirectUri = provider.definition.responseMode === 'form_post' ? `${ctx.issuer.replace(/\/+$/, '')}${formPostPath}` : input.appRedirectUrl;
  const url = await client.authorizationUrl(provider, { redirectUri, state, nonce, codeVerifier });
  const now = ctx.now();
  const record: OAuthAttemptRecord = {
    id: randomId('oaa'),
    stateHash: await ctx.crypto.sha256Hex(state),
    clientId: '',
    provider: provider.id,
    flow: input.flow,
    flowId: '',
    userId: input.userId,
    externalAccountId: input.externalAccountId,
    sealedSecrets: '',
    redirectUri,
    appRedirectUrl: input.appRedirectUrl,
    actionCompleteRedirectUrl: input.actionCompleteRedirectUrl,
    formPostUser: null,
    createdAt: now,
    expiresAt: now + attemptLifetimeMs,
  };
  record.sealedSecrets = await ctx.secrets.seal(JSON.stringify({ codeVerifier, nonce }), sealContext(record));
  return { record, url };
}

export async function openSecrets(ctx: RequestContext, record: OAuthAttemptRecord): Promise<{ codeVerifier: string; nonce: string }> {
  return JSON.parse(await ctx.secrets.open(record.sealedSecrets, sealContext(record))) as { codeVerifier: string; nonce: string };
}

function sealContext(record: OAuthAttemptRecord): string {
  return `oauth_attempt:${record.id}`;
}

/** The attempt a `state` names, without consuming it (the form_post route reads it to know where to go). */
export async function findAttempt(ctx: RequestContext, state: string): Promise<OAuthAttemptRecord | null> {
  return ctx.store.findBy('oauthAttempts', 'stateHash', await ctx.crypto.sha256Hex(state));
}

/**
 * Consumes the attempt of `state`: unknown, used or another browser's is
 * `oauth_state_invalid`, past its 10 minutes `oauth_attempt_expired` (used up
 * either way).
 */
export async function consumeAttempt(ctx: RequestContext, state: string | null | undefined): Promise<OAuthAttemptRecord> {
  const record = state ? await findAttempt(ctx, state) : null;
  if (!record || !ctx.client || record.clientId !== ctx.client.id) throw fail('oauth_state_invalid', { paramName: 'state' });
  if (!(await ctx.store.delete('oauthAttempts', record.id))) throw fail('oauth_state_invalid', { paramName: 'state' });
  if (record.expiresAt <= ctx.now()) throw fail('oauth_attempt_expired');
  return record;
}
