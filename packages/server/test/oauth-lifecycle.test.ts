/**
 * External accounts over their life, on every store: webhooks when one is
 * linked or removed, deletion with the user, the retention sweep of
 * attempts, and the form_post route's refusals. Driven through the mock's
 * fake providers (in-process, no network).
 */
import { describe, expect, it } from 'vitest';
import type { OAuthCallbackJSON, SignInJSON, UserJSON } from '@latch/protocol';
import { createFakeProviders } from '@latch/mock';
import { ada, createTestServer, errorCode, generousIpLimits, type TestBrowser, type TestServer } from './helpers';
import { startReceiver } from './webhook-receiver';

const APP = 'http://localhost:3000';
const consentUrl = `${APP}/mock-oauth-consent`;

function oauthServer(): TestServer & { fakes: ReturnType<typeof createFakeProviders> } {
  const fakes = createFakeProviders({
    providers: ['google', 'apple'],
    identities: [{ id: 'nia', email: 'nia@example.com', emailVerified: true, firstName: 'Nia' }],
    now: Date.now,
  });
  const test = createTestServer({
    oauth: { providers: fakes.configs(consentUrl), callbackUrls: [APP], fetch: fakes.fetch },
    webhooks: { allowLocalhost: true },
    rateLimits: generousIpLimits,
  });
  return Object.assign(test, { fakes });
}

/** A social sign-in as the browser and the consent page would do it. */
async function socialSignIn(test: ReturnType<typeof oauthServer>, browser: TestBrowser, strategy = 'oauth_google') {
  const started = await browser.call('POST', '/v1/client/sign_ins', { strategy, redirectUrl: `${APP}/sso-callback` });
  const url = new URL((started.json.response as SignInJSON).firstFactorVerification!.externalVerificationRedirectURL!);
  const landing = await test.fakes.consent({ query: url.search, decision: 'allow', identityId: 'nia' }, async (target, form) => {
    const response = await test.server.handler(new Request(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }));
    return response.headers.get('location')!;
  });
  const query = new URL(landing).searchParams;
  return browser.call<OAuthCallbackJSON>('POST', '/v1/client/oauth_callback', { state: query.get('state'), code: query.get('code') });
}

describe('external accounts over their life', () => {
  it('linking and unlinking send user.updated; the payload lists the accounts, never a token', async () => {
    const test = oauthServer();
    const receiver = await startReceiver();
    const browser = test.browser();
    const signUp = await browser.signUp(test, ada);
    await test.server.webhooks.add({ url: receiver.url, events: ['user.updated'] });
    const pending = await browser.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_google', redirectUrl: `${APP}/sso-callback` });
    const url = new URL((pending.json.response as { verification: { externalVerificationRedirectURL: string } }).verification.externalVerificationRedirectURL);
    const landing = new URL(await test.fakes.consent({ query: url.search, decision: 'allow', identityId: 'nia' }, () => Promise.reject(new Error('no form_post'))));
    const connected = await browser.call<OAuthCallbackJSON>('POST', '/v1/client/oauth_callback', { state: landing.searchParams.get('state'), code: landing.searchParams.get('code') });
    expect(connected.json.response).toMatchObject({ flow: 'connect', status: 'complete' });
    const account = ((await browser.call('GET', '/v1/me')).json.response as UserJSON).externalAccounts![0]!;
    expect(account).toMatchObject({ provider: 'google', providerUserId: 'nia', emailAddress: 'nia@example.com' });
    expect((await browser.call('DELETE', `/v1/me/external_accounts/${account.id}`)).status).toBe(200);
    const worker = test.server.webhooks.createWorker();
    for (let round = 0; round < 10 && (await worker.runOnce()) > 0; round++);
    expect(receiver.received.map((webhook) => webhook.payload.type)).toEqual(['user.updated', 'user.updated']);
    expect(receiver.received[0]!.payload.data).toMatchObject({ id: signUp.createdUserId, externalAccounts: [{ provider: 'google' }] });
    expect(receiver.received[1]!.payload.data).toMatchObject({ externalAccounts: [] });
    for (const webhook of receiver.received) expect(webhook.body).not.toMatch(/access_token|sealedSecrets|stateHash/);
  });

  it('a deleted user takes its external accounts along: the provider account can sign up afresh', async () => {
    const test = oauthServer();
    const browser = test.browser();
    expect((await socialSignIn(test, browser)).json.response).toMatchObject({ flow: 'sign_up', status: 'complete' });
    expect((await browser.call('DELETE', '/v1/me')).status).toBe(200);
    expect(await test.server.store.findBy('externalAccounts', 'providerKey', 'google:nia')).toBeNull();
    expect((await socialSignIn(test, test.browser())).json.response).toMatchObject({ flow: 'sign_up', status: 'complete' });
  });

  it('the retention sweep deletes attempts a day after their 10 minutes', async () => {
    const test = oauthServer();
    const browser = test.browser();
    await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirectUrl: `${APP}/sso-callback` });
    test.clock.advance(10 * 60 * 1000 + 24 * 60 * 60 * 1000 - 1);
    expect((await test.server.admin.purgeExpired()).oauthAttempts).toBe(0);
    test.clock.advance(2);
    expect((await test.server.admin.purgeExpired()).oauthAttempts).toBe(1);
  });

  it('form_post: forwards to the app page; refuses an unknown state and a JSON body', async () => {
    const test = oauthServer();
    const browser = test.browser();
    const started = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_apple', redirectUrl: `${APP}/sso-callback` });
    const url = new URL((started.json.response as SignInJSON).firstFactorVerification!.externalVerificationRedirectURL!);
    expect(url.searchParams.get('response_mode')).toBe('form_post');
    expect(url.searchParams.get('redirect_uri')).toBe('https://latch.test/v1/oauth/form_post');
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      test.server.handler(new Request('https://latch.test/v1/oauth/form_post', { method: 'POST', headers: { 'content-type': type }, body }));
    const forwarded = await post(`state=${url.searchParams.get('state')}&code=abc&user=%7B%7D`);
    expect(forwarded.status).toBe(303);
    expect(forwarded.headers.get('location')).toBe(`${APP}/sso-callback?code=abc&state=${url.searchParams.get('state')}`);
    expect((await post('state=unknown&code=abc')).status).toBe(422);
    expect((await post('{"state":"x"}', 'application/json')).status).toBe(415);
  });

  it('answers for another client\'s attempt with oauth_state_invalid and leaves it usable', async () => {
    const test = oauthServer();
    const owner = test.browser();
    const started = await owner.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirectUrl: `${APP}/sso-callback` });
    const url = new URL((started.json.response as SignInJSON).firstFactorVerification!.externalVerificationRedirectURL!);
    const landing = new URL(await test.fakes.consent({ query: url.search, decision: 'allow', identityId: 'nia' }, () => Promise.reject(new Error('no'))));
    const body = { state: landing.searchParams.get('state'), code: landing.searchParams.get('code') };
    const stranger = test.browser();
    await stranger.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirectUrl: `${APP}/sso-callback` });
    expect(errorCode(await stranger.call('POST', '/v1/client/oauth_callback', body))).toBe('oauth_state_invalid');
    expect((await owner.call('POST', '/v1/client/oauth_callback', body)).json.response).toMatchObject({ status: 'complete' });
  });
});

describe('reconnecting and Apple\'s client secret', () => {
  it('reauthorize: the same provider account refreshes the link; another one is external_account_mismatch', async () => {
    const fakes = createFakeProviders({
      providers: ['google'],
      identities: [
        { id: 'nia', email: 'nia@example.com', emailVerified: true, firstName: 'Nia' },
        { id: 'other', email: 'other@example.com', emailVerified: true },
      ],
      now: Date.now,
    });
    const test = createTestServer({ oauth: { providers: fakes.configs(consentUrl), callbackUrls: [APP], fetch: fakes.fetch }, rateLimits: generousIpLimits });
    const browser = test.browser();
    const landingFor = async (path: string, identityId: string) => {
      const pending = await browser.call('POST', path, { strategy: 'oauth_google', redirectUrl: `${APP}/sso-callback` });
      const url = new URL((pending.json.response as { verification: { externalVerificationRedirectURL: string } }).verification.externalVerificationRedirectURL);
      const landing = new URL(await fakes.consent({ query: url.search, decision: 'allow', identityId }, () => Promise.reject(new Error('no'))));
      return browser.call<OAuthCallbackJSON>('POST', '/v1/client/oauth_callback', { state: landing.searchParams.get('state'), code: landing.searchParams.get('code') });
    };
    await browser.signUp(test, ada);
    const connected = await landingFor('/v1/me/external_accounts', 'nia');
    const accountId = (connected.json.response as OAuthCallbackJSON).externalAccountId!;
    expect((await landingFor(`/v1/me/external_accounts/${accountId}/reauthorize`, 'nia')).json.response).toMatchObject({ flow: 'connect', status: 'complete', externalAccountId: accountId });
    expect(errorCode(await landingFor(`/v1/me/external_accounts/${accountId}/reauthorize`, 'other'))).toBe('external_account_mismatch');
  });

  it('Apple: the client secret is an ES256 JWT from the team key, sent to the token endpoint', async () => {
    const { generateKeyPair, exportPKCS8, decodeJwt, decodeProtectedHeader } = await import('jose');
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    let secret: string | null = null;
    const appleFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.url.endsWith('/.well-known/openid-configuration')) {
        return Response.json({
          issuer: 'https://appleid.apple.com',
          authorization_endpoint: 'https://appleid.apple.com/auth/authorize',
          token_endpoint: 'https://appleid.apple.com/auth/token',
          jwks_uri: 'https://appleid.apple.com/auth/keys',
          response_types_supported: ['code'],
        });
      }
      secret = new URLSearchParams(await request.text()).get('client_secret');
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }) as typeof fetch;
    const test = createTestServer({
      oauth: {
        providers: [{ id: 'apple', clientId: 'com.example.web', apple: { teamId: 'TEAM123456', keyId: 'KEY1234567', privateKeyPem: await exportPKCS8(privateKey) } }],
        callbackUrls: [APP],
        fetch: appleFetch,
      },
    });
    const browser = test.browser();
    const started = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_apple', redirectUrl: `${APP}/sso-callback` });
    const state = new URL((started.json.response as SignInJSON).firstFactorVerification!.externalVerificationRedirectURL!).searchParams.get('state');
    expect(errorCode(await browser.call('POST', '/v1/client/oauth_callback', { state, code: 'c' }))).toBe('oauth_callback_invalid');
    expect(decodeProtectedHeader(secret!)).toMatchObject({ alg: 'ES256', kid: 'KEY1234567' });
    expect(decodeJwt(secret!)).toMatchObject({ iss: 'TEAM123456', sub: 'com.example.web', aud: 'https://appleid.apple.com' });
  });
});
