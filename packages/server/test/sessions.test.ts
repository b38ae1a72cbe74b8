import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { ActiveSessionJSON, ClientJSON, SessionJSON, TokenJSON, UserJSON } from '@latch/protocol';
import { API, ada, createTestServer, errorCode, type TestBrowser } from './helpers';

const day = 24 * 60 * 60 * 1000;
const chromeOnMac =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

async function signedIn(options: Parameters<typeof createTestServer>[0] = {}, userAgent?: string) {
  const test = createTestServer(options);
  await test.server.admin.createUser(ada);
  const browser = test.browser({ userAgent });
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { test, browser, sessionId: signIn.createdSessionId ?? '' };
}

function mint(browser: TestBrowser, sessionId: string) {
  return browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`);
}

describe('session JWTs', () => {
  it('are ES256 with a kid, live 60 s and verify against the JWKS route', async () => {
    const { test, browser, sessionId } = await signedIn();
    const minted = await mint(browser, sessionId);
    expect(minted.status).toBe(200);
    expect(Object.keys(minted.json)).toEqual(['jwt']);
    const jwks = (await browser.call<JSONWebKeySet>('GET', '/.well-known/jwks.json')).json;
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const header = decodeProtectedHeader(minted.json.jwt);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(header.kid).toBe(jwks.keys[0]?.kid);
    const { payload, protectedHeader } = await jwtVerify(minted.json.jwt, createLocalJWKSet(jwks), {
      issuer: API,
      algorithms: ['ES256'],
      currentDate: new Date(test.clock.now()),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.sub).toBe(((await browser.call('GET', '/v1/me')).json.response as UserJSON).id);
    expect(payload.sid).toBe(sessionId);
    expect(payload.iat).toBe(Math.floor(test.clock.now() / 1000));
    expect(payload.nbf).toBe(payload.iat);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
  });

  it('are signed by one key that survives across tokens', async () => {
    const { browser, sessionId } = await signedIn();
    const kids = await Promise.all([mint(browser, sessionId), mint(browser, sessionId)]);
    const headers = kids.map((k) => decodeProtectedHeader(k.json.jwt).kid);
    expect(headers[0]).toBe(headers[1]);
    expect((await browser.call<JSONWebKeySet>('GET', '/.well-known/jwks.json')).json.keys).toHaveLength(1);
  });

  it('cannot be minted for a session of another client', async () => {
    const { test, sessionId } = await signedIn();
    const stranger = test.browser();
    await stranger.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress });
    const reply = await mint(stranger, sessionId);
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('session_not_found');
  });
});

describe('session lifetime', () => {
  it('ends after 7 idle days', async () => {
    const { test, browser, sessionId } = await signedIn();
    test.clock.advance(7 * day - 1);
    expect((await browser.client())?.sessions).toHaveLength(1);
    test.clock.advance(1);
    const client = await browser.client();
    expect(client?.sessions).toEqual([]);
    expect(client?.lastActiveSessionId).toBeNull();
    expect(errorCode(await mint(browser, sessionId))).toBe('session_not_found');
    expect((await browser.call('GET', '/v1/me')).status).toBe(401);
  });

  it('stays alive while used, but no longer than 30 days', async () => {
    const { test, browser, sessionId } = await signedIn();
    for (let week = 0; week < 4; week++) {
      test.clock.advance(6 * day);
      expect((await mint(browser, sessionId)).status).toBe(200);
    }
    const session = (await browser.client())?.sessions[0];
    expect(session?.abandonAt).toBe(session ? session.createdAt + 30 * day : 0);
    test.clock.set((session?.abandonAt ?? 0) - 1);
    expect((await mint(browser, sessionId)).status).toBe(200);
    test.clock.advance(1);
    expect(errorCode(await mint(browser, sessionId))).toBe('session_not_found');
  });
});

describe('signing out', () => {
  it('/end ends one session; a revoked or ended session cannot mint a token', async () => {
    const { browser, sessionId } = await signedIn();
    const ended = await browser.call('POST', `/v1/client/sessions/${sessionId}/end`);
    expect((ended.json.response as SessionJSON).status).toBe('ended');
    expect(ended.json.client?.sessions).toEqual([]);
    expect(errorCode(await mint(browser, sessionId))).toBe('session_not_found');
  });

  it('DELETE /v1/client signs out every session of the browser', async () => {
    const { test, browser } = await signedIn({ settings: { multiSession: true } });
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'another-fine-password' });
    await browser.signInWithPassword('grace@example.com', 'another-fine-password');
    expect((await browser.client())?.sessions).toHaveLength(2);
    const reply = await browser.call<{ response: ClientJSON }>('DELETE', '/v1/client');
    expect((reply.json.response as ClientJSON).sessions).toEqual([]);
    expect((reply.json.response as ClientJSON).lastActiveSessionId).toBeNull();
  });

  it('multi-session: touch switches the active session, and ending it falls back to the other', async () => {
    const { test, browser, sessionId: adaSession } = await signedIn({ settings: { multiSession: true } });
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'another-fine-password' });
    const graceSession = (await browser.signInWithPassword('grace@example.com', 'another-fine-password')).createdSessionId ?? '';
    const touched = await browser.call('POST', `/v1/client/sessions/${adaSession}/touch`);
    expect(touched.json.client?.lastActiveSessionId).toBe(adaSession);
    expect(((await browser.call('GET', '/v1/me')).json.response as UserJSON).primaryEmailAddressId).toBeTruthy();
    const asGrace = await browser.call('GET', '/v1/me', undefined, { 'latch-session-id': graceSession });
    expect((asGrace.json.response as UserJSON).emailAddresses[0]?.emailAddress).toBe('grace@example.com');
    const ended = await browser.call('POST', `/v1/client/sessions/${adaSession}/end`);
    expect(ended.json.client?.lastActiveSessionId).toBe(graceSession);
  });
});

describe('/v1/me/sessions', () => {
  it("lists the user's devices with the browser parsed, marking the current one", async () => {
    const { test, browser, sessionId } = await signedIn({}, chromeOnMac);
    const phone = test.browser({ userAgent: safariOnIphone });
    const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId;
    const list = (await browser.call('GET', '/v1/me/sessions')).json.response as ActiveSessionJSON[];
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      id: sessionId,
      isCurrent: true,
      status: 'active',
      device: { browserName: 'Chrome', browserVersion: '124.0.0.0', osName: 'macOS', deviceType: 'desktop' },
    });
    expect(list[1]).toMatchObject({ id: phoneSession, isCurrent: false, device: { browserName: 'Safari', osName: 'iOS', deviceType: 'mobile' } });
  });

  it('revokes another device: it can no longer mint tokens', async () => {
    const { test, browser } = await signedIn();
    const phone = test.browser();
    const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId ?? '';
    const revoked = await browser.call('POST', `/v1/me/sessions/${phoneSession}/revoke`);
    expect((revoked.json.response as ActiveSessionJSON).status).toBe('revoked');
    expect(errorCode(await mint(phone, phoneSession))).toBe('session_not_found');
    expect((await phone.call('GET', '/v1/me')).status).toBe(401);
    expect(errorCode(await browser.call('POST', `/v1/me/sessions/${phoneSession}/revoke`))).toBe('session_not_found');
  });

  it('cannot revoke a session of another user', async () => {
    const { test, browser } = await signedIn();
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'another-fine-password' });
    const grace = test.browser();
    const graceSession = (await grace.signInWithPassword('grace@example.com', 'another-fine-password')).createdSessionId;
    expect(errorCode(await browser.call('POST', `/v1/me/sessions/${graceSession}/revoke`))).toBe('session_not_found');
  });

  it('needs a signed-in session', async () => {
    const test = createTestServer();
    const reply = await test.browser().call('GET', '/v1/me/sessions');
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('authentication_invalid');
  });
});

describe('POST /v1/sessions/status (for app servers that verify tokens themselves)', () => {
  const status = (test: ReturnType<typeof createTestServer>, token: unknown) =>
    test.browser().call<{ active: boolean }>('POST', '/v1/sessions/status', { token });

  it('says active for a live session, and not once it is revoked from another device, with no client token sent', async () => {
    const { test, browser } = await signedIn();
    const phone = test.browser();
    const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId ?? '';
    const jwt = (await mint(phone, phoneSession)).json.jwt;
    expect(await status(test, jwt)).toMatchObject({ status: 200, json: { active: true } });
    expect(await test.server.admin.isSessionActive(phoneSession)).toBe(true);

    await browser.call('POST', `/v1/me/sessions/${phoneSession}/revoke`);
    // The same, still unexpired, token: its session is gone.
    expect((await status(test, jwt)).json).toEqual({ active: false });
    expect(await test.server.admin.isSessionActive(phoneSession)).toBe(false);
  });

  it('says not active for an ended session, an expired, forged or foreign token, and refuses a missing one', async () => {
    const { test, browser, sessionId } = await signedIn();
    const jwt = (await mint(browser, sessionId)).json.jwt;
    const [header, claims, signature] = jwt.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims!, 'base64url').toString()), sid: 'sess_other' })).toString('base64url');
    expect((await status(test, `${header}.${forgedClaims}.${signature}`)).json).toEqual({ active: false });
    const other = await signedIn();
    expect((await status(test, (await mint(other.browser, other.sessionId)).json.jwt)).json).toEqual({ active: false });
    expect(errorCode(await status(test, undefined))).toBe('form_param_missing');

    test.clock.advance(66_000); // past exp and the 5 s skew
    expect((await status(test, jwt)).json).toEqual({ active: false });
    const fresh = (await mint(browser, sessionId)).json.jwt;
    expect((await status(test, fresh)).json).toEqual({ active: true });
    await browser.call('POST', `/v1/client/sessions/${sessionId}/end`);
    expect((await status(test, fresh)).json).toEqual({ active: false });
  });
});
