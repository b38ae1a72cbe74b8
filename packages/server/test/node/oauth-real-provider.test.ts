/**
 * Social sign-in against a real OpenID provider (oidc-provider on loopback)
 * and a GitHub-shaped plain OAuth server, with the real service (`serve()`)
 * on the store this project runs (memory, SQLite or PostgreSQL).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OAuthCallbackJSON, SignInJSON, SignUpJSON, UserJSON } from '@latch/protocol';
import { errorCode, latestCode, startService, type HttpClient, type HttpReply, type TestService } from './helpers';
import { clients, startTestIdp, visitProvider, type TestIdp } from './oauth/test-idp';
import { startGithubLike } from './oauth/github-like';

const APP = 'http://localhost:3000';
const CALLBACK = `${APP}/sso-callback`;
const password = 'correct-horse-battery';

let idp: TestIdp;
let github: Awaited<ReturnType<typeof startGithubLike>>;
let running: TestService | undefined;

beforeAll(async () => {
  idp = await startTestIdp([CALLBACK]);
  github = await startGithubLike();
});
afterAll(async () => {
  await idp.close();
  await github.close();
});
afterEach(async () => {
  idp.tamper = null;
  idp.signWithStrangerKey = false;
  idp.down = false;
  await running?.close();
  running = undefined;
});

async function startLatch(): Promise<TestService> {
  running = await startService({
    oauth: {
      callbackUrls: [APP],
      fetch: idp.fetch,
      timeoutMs: 3_000,
      providers: [
        { id: 'idp', preset: 'oidc', issuer: idp.issuer, clientId: clients.trusted.client_id, clientSecret: clients.trusted.client_secret, trustEmail: true, name: 'Test IdP' },
        { id: 'idp-untrusted', preset: 'oidc', issuer: idp.issuer, clientId: clients.untrusted.client_id, clientSecret: clients.untrusted.client_secret },
        github.config,
      ],
    },
  });
  return running;
}

/** Starts a sign-in (or sign-up) and returns the provider URL the browser is sent to. */
async function start(browser: HttpClient, strategy: string, flow: 'sign_ins' | 'sign_ups' = 'sign_ins'): Promise<string> {
  const reply = await browser.call('POST', `/v1/client/${flow}`, { strategy, redirectUrl: CALLBACK, actionCompleteRedirectUrl: '/home' });
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  return flow === 'sign_ins'
    ? (reply.json.response as SignInJSON).firstFactorVerification!.externalVerificationRedirectURL!
    : (reply.json.response as SignUpJSON).verifications.externalAccount!.externalVerificationRedirectURL!;
}

/** What the app's callback page POSTs: the query the provider put on it. */
function callbackBody(landing: string) {
  const query = new URL(landing).searchParams;
  return { state: query.get('state'), code: query.get('code'), error: query.get('error'), errorDescription: query.get('error_description'), iss: query.get('iss') };
}

async function finish(browser: HttpClient, landing: string): Promise<HttpReply<OAuthCallbackJSON>> {
  return browser.call<OAuthCallbackJSON>('POST', '/v1/client/oauth_callback', callbackBody(landing));
}

async function socialSignIn(browser: HttpClient, strategy: string, flow: 'sign_ins' | 'sign_ups' = 'sign_ins') {
  return finish(browser, await visitProvider(await start(browser, strategy, flow), CALLBACK));
}

async function me(browser: HttpClient): Promise<UserJSON> {
  return (await browser.call('GET', '/v1/me')).json.response as UserJSON;
}

describe('social sign-in with a real OpenID provider', () => {
  it('signs up a new account (verified email), then signs it in again from another browser', async () => {
    const service = await startLatch();
    idp.loginAs({ sub: 'new-1', email: 'new@example.com', email_verified: true, given_name: 'Nia', family_name: 'Newcomer' });
    const first = service.client();
    const signedUp = await socialSignIn(first, 'oauth_idp');
    expect(signedUp.status, JSON.stringify(signedUp.json)).toBe(200);
    expect(signedUp.json.response).toMatchObject({ flow: 'sign_up', status: 'complete', redirectUrlComplete: '/home' });
    const user = await me(first);
    expect(user).toMatchObject({ firstName: 'Nia', lastName: 'Newcomer', passwordEnabled: false });
    expect(user.emailAddresses[0]!).toMatchObject({ emailAddress: 'new@example.com', verification: { status: 'verified' } });
    expect(user.externalAccounts).toMatchObject([{ provider: 'idp', providerUserId: 'new-1', emailAddress: 'new@example.com', verification: { status: 'verified', strategy: 'oauth_idp' } }]);

    const second = service.client();
    const signedIn = await socialSignIn(second, 'oauth_idp', 'sign_ups');
    // A sign-up that finds the account signs in instead.
    expect(signedIn.json.response).toMatchObject({ flow: 'sign_in', status: 'complete' });
    expect((await me(second)).id).toBe(user.id);
  });

  it('linking: trusted + verified links at once; untrusted needs the password first; unverified never links', async () => {
    const service = await startLatch();
    const owner = service.client();
    await owner.signUp({ emailAddress: 'ada@example.com', password }, (to) => latestCode(service.service.outbox, to));
    const adaId = (await me(owner)).id;

    idp.loginAs({ sub: 'ada-unverified', email: 'ada@example.com', email_verified: false });
    const refused = await socialSignIn(service.client(), 'oauth_idp');
    expect(errorCode(refused)).toBe('oauth_email_in_use');

    idp.loginAs({ sub: 'ada-at-idp', email: 'ada@example.com', email_verified: true });
    const untrusted = service.client();
    const pending = await socialSignIn(untrusted, 'oauth_idp-untrusted');
    expect(pending.json.response).toMatchObject({ flow: 'sign_in', status: 'needs_first_factor', createdSessionId: null });
    const signIn = ((await untrusted.call('GET', '/v1/client')).json.response as { signIn: SignInJSON }).signIn;
    expect(signIn.externalAccountToLink).toEqual({ provider: 'idp-untrusted', emailAddress: 'ada@example.com' });
    const proven = await untrusted.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password });
    expect((proven.json.response as SignInJSON).status).toBe('complete');
    expect((await me(untrusted)).externalAccounts!.map((account) => account.provider)).toEqual(['idp-untrusted']);

    const trusted = service.client();
    const linked = await socialSignIn(trusted, 'oauth_idp');
    expect(linked.json.response).toMatchObject({ flow: 'sign_in', status: 'complete' });
    const user = await me(trusted);
    expect(user.id).toBe(adaId);
    expect(user.externalAccounts!.map((account) => account.provider).sort()).toEqual(['idp', 'idp-untrusted']);
  });

  it('refuses a tampered state, a replayed callback and a replayed code', async () => {
    const service = await startLatch();
    idp.loginAs({ sub: 'replay-1', email: 'replay@example.com', email_verified: true });
    const browser = service.client();
    const landing = await visitProvider(await start(browser, 'oauth_idp'), CALLBACK);
    const body = callbackBody(landing);
    const tampered = await browser.call('POST', '/v1/client/oauth_callback', { ...body, state: `${body.state}x` });
    expect(errorCode(tampered)).toBe('oauth_state_invalid');
    expect((await finish(browser, landing)).json.response).toMatchObject({ status: 'complete' });
    expect(errorCode(await finish(browser, landing))).toBe('oauth_state_invalid');
    // The same code under a fresh state: the provider refuses it (used, and issued for another PKCE challenge).
    const other = service.client();
    const fresh = new URL(await visitProvider(await start(other, 'oauth_idp'), CALLBACK));
    const replayed = await other.call('POST', '/v1/client/oauth_callback', { ...callbackBody(fresh.href), code: body.code });
    expect(errorCode(replayed)).toBe('oauth_callback_invalid');
  });

  it('refuses a tampered PKCE challenge or nonce in the authorization request', async () => {
    const service = await startLatch();
    idp.loginAs({ sub: 'pkce-1', email: 'pkce@example.com', email_verified: true });
    const browser = service.client();
    const url = new URL(await start(browser, 'oauth_idp'));
    url.searchParams.set('code_challenge', 'A'.repeat(43));
    expect(errorCode(await finish(browser, await visitProvider(url.href, CALLBACK)))).toBe('oauth_callback_invalid');
    const again = new URL(await start(browser, 'oauth_idp'));
    again.searchParams.set('nonce', 'attacker-chosen-nonce');
    expect(errorCode(await finish(browser, await visitProvider(again.href, CALLBACK)))).toBe('oauth_callback_invalid');
    expect((await browser.call('GET', '/v1/client')).json.response).toMatchObject({ sessions: [] });
  });

  it.each([
    ['a wrong issuer', (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://evil.example.com' })],
    ['a wrong audience', (claims: Record<string, unknown>) => ({ ...claims, aud: 'someone-else' })],
    ['an expired ID token', (claims: Record<string, unknown>) => ({ ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
  ])('refuses %s (validly signed)', async (_name, tamper) => {
    const service = await startLatch();
    idp.loginAs({ sub: 'claims-1', email: 'claims@example.com', email_verified: true });
    idp.tamper = tamper;
    const browser = service.client();
    expect(errorCode(await socialSignIn(browser, 'oauth_idp'))).toBe('oauth_callback_invalid');
    expect((await browser.call('GET', '/v1/client')).json.response).toMatchObject({ sessions: [] });
  });

  it('a token re-signed unchanged with the provider key passes (the tampering above is what fails)', async () => {
    const service = await startLatch();
    idp.loginAs({ sub: 'resigned-1', email: 'resigned@example.com', email_verified: true });
    idp.tamper = (claims) => claims;
    expect((await socialSignIn(service.client(), 'oauth_idp')).json.response).toMatchObject({ status: 'complete' });
  });

  it('refuses an ID token signed with a key the provider never published', async () => {
    const service = await startLatch();
    idp.loginAs({ sub: 'sig-1', email: 'sig@example.com', email_verified: true });
    idp.tamper = (claims) => claims;
    idp.signWithStrangerKey = true;
    expect(errorCode(await socialSignIn(service.client(), 'oauth_idp'))).toBe('oauth_callback_invalid');
  });

  it('the provider down answers 503 oauth_provider_unavailable with Retry-After, and the retry works', async () => {
    const service = await startLatch();
    idp.loginAs({ sub: 'down-1', email: 'down@example.com', email_verified: true });
    const browser = service.client();
    idp.down = true;
    const startDown = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_idp', redirectUrl: CALLBACK });
    expect(startDown.status).toBe(503);
    expect(errorCode(startDown)).toBe('oauth_provider_unavailable');
    expect(startDown.headers.get('retry-after')).toBe('5');
    idp.down = false;
    const landing = await visitProvider(await start(browser, 'oauth_idp'), CALLBACK);
    idp.down = true;
    const exchangeDown = await finish(browser, landing);
    expect(exchangeDown.status).toBe(503);
    expect(errorCode(exchangeDown)).toBe('oauth_provider_unavailable');
    idp.down = false;
    // The same callback, retried once the provider is back: the attempt was kept for it.
    expect((await finish(browser, landing)).json.response).toMatchObject({ status: 'complete' });
    expect(errorCode(await finish(browser, landing))).toBe('oauth_state_invalid');
  });

  it('an attempt expires after 10 minutes', async () => {
    let now = Date.now();
    running = await startService({
      now: () => now,
      oauth: { callbackUrls: [APP], fetch: idp.fetch, providers: [{ id: 'idp', preset: 'oidc', issuer: idp.issuer, clientId: clients.trusted.client_id, clientSecret: clients.trusted.client_secret }] },
    });
    idp.loginAs({ sub: 'slow-1', email: 'slow@example.com', email_verified: true });
    const browser = running.client();
    const landing = await visitProvider(await start(browser, 'oauth_idp'), CALLBACK);
    now += 10 * 60 * 1000 + 1;
    expect(errorCode(await finish(browser, landing))).toBe('oauth_attempt_expired');
  });
});

describe('social sign-in with a GitHub-shaped plain OAuth provider', () => {
  it('signs up with the verified primary address from /user/emails, and links to an existing account only after its password', async () => {
    const service = await startLatch();
    github.loginAs({ id: 101, login: 'octo', name: 'Octo Cat', emails: [{ email: 'octo@example.com', primary: true, verified: true }] });
    const browser = service.client();
    const signedUp = await socialSignIn(browser, 'oauth_github');
    expect(signedUp.json.response).toMatchObject({ flow: 'sign_up', status: 'complete' });
    expect(await me(browser)).toMatchObject({ firstName: 'Octo', lastName: 'Cat', externalAccounts: [{ provider: 'github', providerUserId: '101', username: 'octo' }] });

    // A password account, and a GitHub account with its address: GitHub is not trusted for emails, so the password comes first.
    await service.client().signUp({ emailAddress: 'mary@example.com', password }, (to) => latestCode(service.service.outbox, to));
    github.loginAs({ id: 202, login: 'mary', name: 'Mary', emails: [{ email: 'mary@example.com', primary: true, verified: true }] });
    const third = service.client();
    expect((await socialSignIn(third, 'oauth_github')).json.response).toMatchObject({ status: 'needs_first_factor' });
  });

  it('a bad code (GitHub answers 200 with an error) is oauth_callback_invalid', async () => {
    const service = await startLatch();
    github.loginAs({ id: 303, login: 'eve', name: 'Eve', emails: [] });
    const browser = service.client();
    const landing = new URL(await visitProvider(await start(browser, 'oauth_github'), CALLBACK));
    landing.searchParams.set('code', 'forged');
    expect(errorCode(await finish(browser, landing.href))).toBe('oauth_callback_invalid');
  });
});
