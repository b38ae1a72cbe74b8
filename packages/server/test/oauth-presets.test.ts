import { describe, expect, it } from 'vitest';
import type { EnvironmentJSON, PendingExternalAccountJSON, SignInJSON } from '@latch/protocol';
import { oauthPresets } from '@latch/server';
import { isAllowedCallbackUrl, resolveOAuth } from '../src/core/oauth/config';
import { createTestServer, errorCode } from './helpers';

const unusedFetch = (() => Promise.reject(new TypeError('no network in this test'))) as typeof fetch;

describe('OAuth presets: endpoints, scopes and profile mapping', () => {
  it('Google: OIDC by discovery, openid email profile, email trusted when verified', () => {
    const google = oauthPresets.google;
    expect(google).toMatchObject({ protocol: 'oidc', issuer: 'https://accounts.google.com', scopes: ['openid', 'email', 'profile'] });
    const profile = google.profile({ sub: '1', email: 'ada@gmail.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace', picture: 'https://x/p.png' }, {});
    expect(profile).toEqual({ providerUserId: '1', emailAddress: 'ada@gmail.com', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace', username: null, imageUrl: 'https://x/p.png' });
    expect(google.trustsEmail(profile, {})).toBe(true);
    expect(google.trustsEmail({ ...profile, emailVerified: false }, {})).toBe(false);
  });

  it('Microsoft: common-tenant endpoints, tenant-templated issuer, trusted only for its own consumer domains', () => {
    const microsoft = oauthPresets.microsoft;
    expect(microsoft.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    expect(microsoft.endpoints).toMatchObject({
      authorization: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      token: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      jwks: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
    const consumer = { sub: 's', tid: '9188040d-6c67-4c5b-b112-36a304b66dad', email: 'ada@outlook.com' };
    const personal = microsoft.profile(consumer, {});
    expect(personal.emailVerified).toBe(true);
    expect(microsoft.trustsEmail(personal, consumer)).toBe(true);
    // An organisation's tenant may put any address in `email`: neither verified nor trusted, unless it proves domain ownership.
    const org = { sub: 's', tid: '72f988bf-86f1-41af-91ab-2d7cd011db47', email: 'ada@outlook.com' };
    expect(microsoft.profile(org, {}).emailVerified).toBe(false);
    expect(microsoft.trustsEmail(microsoft.profile(org, {}), org)).toBe(false);
    const owned = { ...org, email: 'ada@contoso.com', xms_edov: true };
    expect(microsoft.profile(owned, {}).emailVerified).toBe(true);
    expect(microsoft.trustsEmail(microsoft.profile(owned, {}), owned)).toBe(false);
  });

  it('Apple: form_post, name only from the first login\'s `user` field, email_verified as a string', () => {
    const apple = oauthPresets.apple;
    expect(apple).toMatchObject({ protocol: 'oidc', issuer: 'https://appleid.apple.com', responseMode: 'form_post', scopes: ['openid', 'email', 'name'] });
    const claims = { sub: '001.abc', email: 'x@privaterelay.appleid.com', email_verified: 'true' };
    const first = apple.profile(claims, { formPostUser: JSON.stringify({ name: { firstName: 'Ada', lastName: 'Lovelace' } }) });
    expect(first).toMatchObject({ providerUserId: '001.abc', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace' });
    const later = apple.profile(claims, {});
    expect(later).toMatchObject({ firstName: null, lastName: null, emailVerified: true });
    expect(apple.profile({ ...claims, email_verified: 'false' }, {}).emailVerified).toBe(false);
    expect(apple.profile(claims, { formPostUser: 'not json' }).firstName).toBeNull();
    expect(apple.trustsEmail(first, claims)).toBe(true);
  });

  it('GitHub: plain OAuth, the verified primary address from /user/emails, never trusted', () => {
    const github = oauthPresets.github;
    expect(github).toMatchObject({ protocol: 'oauth2', scopes: ['read:user', 'user:email'], emailsUrl: 'https://api.github.com/user/emails' });
    expect(github.endpoints).toEqual({
      authorization: 'https://github.com/login/oauth/authorize',
      token: 'https://github.com/login/oauth/access_token',
      userinfo: 'https://api.github.com/user',
    });
    const user = { id: 583231, login: 'octocat', name: 'The Octocat', email: 'public@example.com', avatar_url: 'https://a/o.png' };
    const emails = [
      { email: 'other@example.com', primary: false, verified: true },
      { email: 'octo@example.com', primary: true, verified: true },
    ];
    const profile = github.profile(user, { emails });
    expect(profile).toEqual({ providerUserId: '583231', emailAddress: 'octo@example.com', emailVerified: true, firstName: 'The', lastName: 'Octocat', username: 'octocat', imageUrl: 'https://a/o.png' });
    expect(github.profile(user, { emails: [{ email: 'octo@example.com', primary: true, verified: false }] }).emailVerified).toBe(false);
    // Without the email list, the public address is not vouched for.
    expect(github.profile(user, {})).toMatchObject({ emailAddress: 'public@example.com', emailVerified: false });
    expect(github.trustsEmail(profile, user)).toBe(false);
  });

  it('Discord and GitLab: their fields, never trusted', () => {
    const discord = oauthPresets.discord.profile({ id: '80351110224678912', username: 'nelly', global_name: 'Nelly', email: 'n@example.com', verified: true, avatar: 'abc' }, {});
    expect(discord).toEqual({
      providerUserId: '80351110224678912',
      emailAddress: 'n@example.com',
      emailVerified: true,
      firstName: 'Nelly',
      lastName: null,
      username: 'nelly',
      imageUrl: 'https://cdn.discordapp.com/avatars/80351110224678912/abc.png',
    });
    expect(oauthPresets.discord.trustsEmail(discord, {})).toBe(false);
    expect(oauthPresets.discord.scopes).toEqual(['identify', 'email']);
    expect(oauthPresets.gitlab).toMatchObject({ protocol: 'oidc', issuer: 'https://gitlab.com', scopes: ['openid', 'email', 'profile'] });
    expect(oauthPresets.gitlab.trustsEmail(oauthPresets.gitlab.profile({ sub: '1', email: 'a@b.co', email_verified: true }, {}), {})).toBe(false);
  });
});

describe('OAuth configuration', () => {
  it('refuses a bad config at start-up', () => {
    expect(() => resolveOAuth({ providers: [{ id: 'Google!', clientId: 'x' }], callbackUrls: [] })).toThrow(/provider id/);
    expect(() => resolveOAuth({ providers: [{ id: 'nope', clientId: 'x' }], callbackUrls: [] })).toThrow(/unknown preset/);
    expect(() => resolveOAuth({ providers: [{ id: 'google', clientId: '' }], callbackUrls: [] })).toThrow(/clientId/);
    expect(() => resolveOAuth({ providers: [], callbackUrls: ['javascript:alert(1)'] })).toThrow(/callbackUrls/);
    // The provider's code travels in the callback URL: plain http only where it never crosses a network.
    expect(() => resolveOAuth({ providers: [], callbackUrls: ['http://app.example.com/sso-callback'] })).toThrow(/must use https \(plain http only on localhost\)/);
    for (const local of ['http://localhost:5173', 'http://127.0.0.1:3000/sso-callback', 'http://app.localhost', 'http://[::1]:8080']) {
      expect(resolveOAuth({ providers: [], callbackUrls: [local] })!.callbackUrls).toEqual([local]);
    }
    expect(resolveOAuth({ providers: [], callbackUrls: ['http://192.168.1.20:5173'], allowHttpCallbacks: true })!.callbackUrls).toEqual(['http://192.168.1.20:5173']);
  });

  it('callback allowlist: exact URLs (query aside) or whole origins', () => {
    const oauth = resolveOAuth({ providers: [], callbackUrls: ['https://app.example.com/sign-in/sso-callback', 'http://localhost:3000'] })!;
    expect(isAllowedCallbackUrl(oauth, 'https://app.example.com/sign-in/sso-callback')).toBe(true);
    expect(isAllowedCallbackUrl(oauth, 'https://app.example.com/sign-in/sso-callback?x=1')).toBe(true);
    expect(isAllowedCallbackUrl(oauth, 'https://app.example.com/other')).toBe(false);
    expect(isAllowedCallbackUrl(oauth, 'https://evil.example.com/sign-in/sso-callback')).toBe(false);
    expect(isAllowedCallbackUrl(oauth, 'http://localhost:3000/anything')).toBe(true);
    expect(isAllowedCallbackUrl(oauth, 'http://user@localhost:3000/anything')).toBe(false);
    expect(isAllowedCallbackUrl(oauth, 'javascript:alert(1)')).toBe(false);
  });

  it('the environment lists providers by id, name and icon, never a client secret', async () => {
    const test = createTestServer({
      oauth: {
        providers: [
          { id: 'google', clientId: 'g-id', clientSecret: 'g-secret-value' },
          { id: 'acme', preset: 'oidc', issuer: 'https://idp.acme.test', clientId: 'a-id', clientSecret: 'a-secret-value', name: 'Acme SSO', iconUrl: 'https://acme.test/i.svg', signUp: false },
        ],
        callbackUrls: ['https://app.example.com'],
        fetch: unusedFetch,
      },
    });
    const reply = await test.browser().call('GET', '/v1/environment');
    const environment = reply.json.response as EnvironmentJSON;
    expect(environment.oauthProviders).toEqual([
      { id: 'google', strategy: 'oauth_google', name: 'Google', icon: 'google', iconUrl: null, signIn: true, signUp: true },
      { id: 'acme', strategy: 'oauth_acme', name: 'Acme SSO', icon: null, iconUrl: 'https://acme.test/i.svg', signIn: true, signUp: false },
    ]);
    expect(JSON.stringify(reply.json)).not.toMatch(/secret-value|g-id|a-id/);
  });

  it('builds the authorization URL: code + PKCE S256, state, nonce, scopes, redirect_uri; refuses redirects off the allowlist', async () => {
    const test = createTestServer({
      oauth: { providers: [{ id: 'github', clientId: 'gh-client', clientSecret: 's' }], callbackUrls: ['https://app.example.com/sso-callback'], fetch: unusedFetch },
    });
    const browser = test.browser();
    const started = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_github', redirectUrl: 'https://app.example.com/sso-callback', actionCompleteRedirectUrl: '/dashboard' });
    expect(started.status).toBe(200);
    const signIn = started.json.response as SignInJSON;
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'oauth_github' });
    const url = new URL(signIn.firstFactorVerification!.externalVerificationRedirectURL!);
    expect(url.origin + url.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'gh-client',
      redirect_uri: 'https://app.example.com/sso-callback',
      scope: 'read:user user:email',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(22);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Plain OAuth: no nonce (that is OIDC's).
    expect(url.searchParams.has('nonce')).toBe(false);
    // The stored client shows the sign-in, but the state travels only in this one answer.
    const client = await browser.client();
    expect(JSON.stringify(client)).not.toContain(url.searchParams.get('state')!);

    for (const redirectUrl of ['https://evil.example.com/sso-callback', '/sso-callback', 'javascript:alert(1)', 'https://app.example.com@evil.example.com/sso-callback']) {
      const refused = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_github', redirectUrl });
      expect(errorCode(refused), redirectUrl).toBe('oauth_redirect_url_invalid');
    }
    const offsite = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_github', redirectUrl: 'https://app.example.com/sso-callback', actionCompleteRedirectUrl: 'https://evil.example.com' });
    expect(errorCode(offsite)).toBe('oauth_redirect_url_invalid');
    const unknown = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_myspace', redirectUrl: 'https://app.example.com/sso-callback' });
    expect(errorCode(unknown)).toBe('oauth_provider_disabled');
  });

  it('a provider that cannot be reached answers 503 oauth_provider_unavailable with Retry-After', async () => {
    const test = createTestServer({
      oauth: { providers: [{ id: 'google', clientId: 'g', clientSecret: 's' }], callbackUrls: ['https://app.example.com'], fetch: unusedFetch },
    });
    const reply = await test.browser().call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirectUrl: 'https://app.example.com/cb' });
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('oauth_provider_unavailable');
    expect(reply.headers.get('retry-after')).toBe('5');
  });

  it('connecting needs a recent verification like other sensitive changes', async () => {
    const test = createTestServer({
      oauth: { providers: [{ id: 'github', clientId: 'g', clientSecret: 's' }], callbackUrls: ['https://app.example.com'], fetch: unusedFetch },
    });
    const browser = test.browser();
    await test.server.admin.createUser({ emailAddress: 'ada@example.com', password: 'correct-horse-battery' });
    await browser.signInWithPassword('ada@example.com', 'correct-horse-battery');
    const fresh = await browser.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_github', redirectUrl: 'https://app.example.com/cb' });
    expect(fresh.status).toBe(200);
    expect((fresh.json.response as PendingExternalAccountJSON).verification.externalVerificationRedirectURL).toMatch(/^https:\/\/github\.com\/login\/oauth\/authorize\?/);
    test.clock.advance(11 * 60 * 1000);
    const stale = await browser.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_github', redirectUrl: 'https://app.example.com/cb' });
    expect(errorCode(stale)).toBe('reverification_required');
  });
});
