import { describe, expect, it } from 'vitest';
import type {
  DeletedJSON,
  PasskeyCreationOptionsJSON,
  PasskeyJSON,
  PasskeyRequestOptionsJSON,
  SignInJSON,
  UserJSON,
} from '@latch/protocol';
import { createLatchServer, type LatchServerOptions } from '@latch/server';
import { ada, API, createTestServer, errorCode, generousIpLimits, TestBrowser, type Reply } from './helpers';
import { iCloudKeychain, SoftwareAuthenticator, type CeremonyOptions } from './software-authenticator';
import { startReceiver } from './webhook-receiver';

/*
 * Passkeys through the public API, with a software authenticator standing in
 * for the browser and device: every rejection the issue names is a 4xx with
 * its code, and no error says what was expected (the origin, the RP ID).
 */

const origin = API; // https://latch.test: the default relying party is the issuer's host and origin.
const passkeysOn = { firstFactors: { passkey: true } };
const fiveMinutes = 5 * 60 * 1000;
const tenMinutes = 10 * 60 * 1000;

async function setup(options: Partial<LatchServerOptions> = {}) {
  const test = createTestServer({ rateLimits: generousIpLimits, ...options, settings: { ...passkeysOn, ...options.settings } });
  const user = await test.server.admin.createUser(ada);
  const browser = test.browser();
  await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { test, user, browser };
}

function creationOptions(browser: TestBrowser): Promise<Reply> {
  return browser.call('POST', '/v1/me/passkeys/options');
}

async function register(browser: TestBrowser, authenticator: SoftwareAuthenticator, ceremony: CeremonyOptions = { origin }, name?: string): Promise<Reply> {
  const options = await creationOptions(browser);
  expect(options.status).toBe(200);
  const credential = authenticator.register(options.json.response as PasskeyCreationOptionsJSON, ceremony);
  return browser.call('POST', '/v1/me/passkeys', { credential, ...(name === undefined ? {} : { name }) });
}

async function requestOptions(browser: TestBrowser, signInId?: string): Promise<PasskeyRequestOptionsJSON> {
  const reply = await browser.call('POST', '/v1/client/sign_ins/passkey_options', signInId ? { signInId } : {});
  expect(reply.status).toBe(200);
  return reply.json.response as PasskeyRequestOptionsJSON;
}

type Assertion = Partial<Parameters<SoftwareAuthenticator['authenticate']>[1]>;

/** The discoverable flow: a challenge, the authenticator's answer, a sign-in created with it. */
async function signInWithPasskey(browser: TestBrowser, authenticator: SoftwareAuthenticator, ceremony: Assertion = {}): Promise<Reply> {
  const credential = authenticator.authenticate(await requestOptions(browser), { origin, ...ceremony });
  return browser.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential });
}

/** Ada, signed in, with one passkey from `authenticator`; and a fresh browser to sign in with it. */
async function adaWithPasskey(authenticator = new SoftwareAuthenticator(), options: Partial<LatchServerOptions> = {}) {
  const scene = await setup(options);
  expect((await register(scene.browser, authenticator)).status).toBe(200);
  return { ...scene, authenticator, visitor: scene.test.browser() };
}

function expectRejected(reply: Reply, code: string, status = 422, hidden: RegExp = /latch\.test/) {
  expect(errorCode(reply)).toBe(code);
  expect(reply.status).toBe(status);
  // Nothing about what was expected: neither the origin nor the RP ID.
  expect(JSON.stringify(reply.json.errors)).not.toMatch(hidden);
}

async function me(browser: TestBrowser): Promise<UserJSON> {
  return (await browser.call('GET', '/v1/me')).json.response as UserJSON;
}

describe('registering a passkey from the profile', () => {
  it('adds a discoverable, user-verified passkey, named after its authenticator, and lists it on the user', async () => {
    const { test, browser } = await setup();
    const options = (await creationOptions(browser)).json.response as PasskeyCreationOptionsJSON;
    expect(options.rp).toEqual({ id: 'latch.test', name: 'Latch' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.user.name).toBe(ada.emailAddress);
    const created = await browser.call('POST', '/v1/me/passkeys', {
      credential: new SoftwareAuthenticator({ aaguid: iCloudKeychain }).register(options, { origin }),
      name: '  MacBook  ',
    });
    const passkey = created.json.response as PasskeyJSON;
    expect(passkey).toEqual({ id: expect.any(String), name: 'MacBook', createdAt: test.clock.now(), lastUsedAt: null, authenticatorName: 'iCloud Keychain' });
    expect((await me(browser)).passkeys).toEqual([passkey]);
    expect((await browser.client())?.sessions[0]?.user.passkeys).toEqual([passkey]);
  });

  it('gives an unknown authenticator no name, and an unnamed passkey a null name', async () => {
    const { browser } = await setup();
    const passkey = (await register(browser, new SoftwareAuthenticator())).json.response as PasskeyJSON;
    expect(passkey).toMatchObject({ name: null, authenticatorName: null });
  });

  it('needs a recent verification (step-up) to ask for a registration challenge', async () => {
    const { test, browser } = await setup();
    test.clock.advance(tenMinutes + 1);
    const stale = await creationOptions(browser);
    expect(stale.status).toBe(403);
    expect(errorCode(stale)).toBe('reverification_required');
    await browser.call('POST', '/v1/me/reverification/attempt', { strategy: 'password', password: ada.password });
    expect((await creationOptions(browser)).status).toBe(200);
  });

  it('excludes the passkeys the user has, and refuses a credential id registered already', async () => {
    const { test, browser } = await setup();
    const authenticator = new SoftwareAuthenticator();
    expect((await register(browser, authenticator)).status).toBe(200);
    const options = (await creationOptions(browser)).json.response as PasskeyCreationOptionsJSON;
    const taken = authenticator.credentials[0]!.id;
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([taken]);
    expectRejected(await register(browser, new SoftwareAuthenticator(), { origin, credentialId: taken }), 'passkey_already_registered');
    // Nor can another account claim it: credential ids are unique across the instance.
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'correct-horse-battery' });
    const grace = test.browser();
    await grace.signInWithPassword('grace@example.com', 'correct-horse-battery');
    expectRejected(await register(grace, new SoftwareAuthenticator(), { origin, credentialId: taken }), 'passkey_already_registered');
  });

  it('refuses a registration from another origin, for another RP ID, without user verification, or replayed', async () => {
    const { browser } = await setup();
    expectRejected(await register(browser, new SoftwareAuthenticator(), { origin: 'https://evil.example' }), 'passkey_origin_invalid');
    expectRejected(await register(browser, new SoftwareAuthenticator(), { origin, rpId: 'evil.example' }), 'passkey_rp_id_invalid');
    expectRejected(await register(browser, new SoftwareAuthenticator(), { origin, userVerified: false }), 'passkey_verification_failed');
    const options = (await creationOptions(browser)).json.response as PasskeyCreationOptionsJSON;
    const credential = new SoftwareAuthenticator().register(options, { origin });
    expect((await browser.call('POST', '/v1/me/passkeys', { credential })).status).toBe(200);
    expectRejected(await browser.call('POST', '/v1/me/passkeys', { credential }), 'passkey_challenge_invalid');
    expect((await me(browser)).passkeys).toHaveLength(1);
  });

  it('refuses a registration challenge answered after 5 minutes, or by another session', async () => {
    const { test, browser } = await setup();
    const options = (await creationOptions(browser)).json.response as PasskeyCreationOptionsJSON;
    test.clock.advance(fiveMinutes);
    expectRejected(await browser.call('POST', '/v1/me/passkeys', { credential: new SoftwareAuthenticator().register(options, { origin }) }), 'passkey_challenge_invalid');
    const other = test.browser();
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'correct-horse-battery' });
    await other.signInWithPassword('grace@example.com', 'correct-horse-battery');
    const graceOptions = (await creationOptions(other)).json.response as PasskeyCreationOptionsJSON;
    // Ada's browser answers Grace's challenge: not its client's.
    expectRejected(await browser.call('POST', '/v1/me/passkeys', { credential: new SoftwareAuthenticator().register(graceOptions, { origin }) }), 'passkey_challenge_invalid');
  });

  it('rejects malformed credentials with 400 and a code, never 500', async () => {
    const { browser } = await setup();
    const options = (await creationOptions(browser)).json.response as PasskeyCreationOptionsJSON;
    const good = new SoftwareAuthenticator().register(options, { origin });
    for (const credential of [undefined, 'x', { ...good, type: 'other' }, { ...good, rawId: 'different' }, { ...good, response: { ...good.response, attestationObject: '+/=' } }]) {
      const reply = await browser.call('POST', '/v1/me/passkeys', credential === undefined ? {} : { credential });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(['form_param_missing', 'form_param_format_invalid']).toContain(errorCode(reply));
    }
    const garbage = { ...good, response: { ...good.response, clientDataJSON: 'bm90IGpzb24' } };
    expectRejected(await browser.call('POST', '/v1/me/passkeys', { credential: garbage }), 'passkey_verification_failed');
  });

  it('is off unless the instance turns passkeys on', async () => {
    const { browser } = await setup({ settings: { firstFactors: { passkey: false } } });
    const reply = await creationOptions(browser);
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('feature_disabled');
    expect(errorCode(await browser.call('POST', '/v1/client/sign_ins/passkey_options', {}))).toBe('feature_disabled');
  });
});

describe('signing in with a passkey', () => {
  it('signs in at once with a discoverable passkey (usernameless), both factors included', async () => {
    const { test, authenticator, visitor } = await adaWithPasskey(new SoftwareAuthenticator(), {});
    const options = await requestOptions(visitor);
    expect(options).toMatchObject({ rpId: 'latch.test', userVerification: 'required', allowCredentials: [] });
    test.clock.advance(1000);
    const reply = await visitor.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential: authenticator.authenticate(options, { origin }) });
    const signIn = reply.json.response as SignInJSON;
    expect(signIn.status).toBe('complete');
    expect(signIn.identifier).toBe(ada.emailAddress);
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'verified', strategy: 'passkey' });
    const user = (await visitor.client())!.sessions[0]!.user;
    expect(user.passkeys?.[0]?.lastUsedAt).toBe(test.clock.now());
  });

  it('skips the second factor: a user-verified passkey is both', async () => {
    const { test, user, authenticator, visitor } = await adaWithPasskey();
    // Two-step verification on (only its presence matters to the sign-in's steps).
    await test.server.store.update('users', user.id, { totpSecret: 'sealed-for-this-test' });
    expect((await test.browser().signInWithPassword(ada.emailAddress, ada.password)).status).toBe('needs_second_factor');
    expect(((await signInWithPasskey(visitor, authenticator)).json.response as SignInJSON).status).toBe('complete');
  });

  it('after an identifier, lists the account’s passkeys (without enumeration protection) and completes the sign-in', async () => {
    const { authenticator, visitor } = await adaWithPasskey(new SoftwareAuthenticator(), { settings: { enumerationProtection: false } });
    const started = (await visitor.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as SignInJSON;
    expect(started.supportedFirstFactors).toContainEqual({ strategy: 'passkey' });
    const options = await requestOptions(visitor, started.id);
    expect(options.allowCredentials).toEqual([{ id: authenticator.credentials[0]!.id, type: 'public-key', transports: ['internal', 'hybrid'] }]);
    const credential = authenticator.authenticate(options, { origin });
    const reply = await visitor.call('POST', `/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'passkey', credential });
    expect((reply.json.response as SignInJSON).status).toBe('complete');
  });

  it('after an identifier with enumeration protection, lists nothing but still only accepts that account’s passkey', async () => {
    const { test, authenticator, visitor } = await adaWithPasskey();
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'correct-horse-battery' });
    for (const identifier of ['grace@example.com', 'nobody@example.com']) {
      const started = (await visitor.call('POST', '/v1/client/sign_ins', { identifier })).json.response as SignInJSON;
      expect(started.supportedFirstFactors).toContainEqual({ strategy: 'passkey' });
      const options = await requestOptions(visitor, started.id);
      expect(options.allowCredentials).toEqual([]);
      const reply = await visitor.call('POST', `/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'passkey', credential: authenticator.authenticate(options, { origin }) });
      expectRejected(reply, 'passkey_not_found');
    }
    const started = (await visitor.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as SignInJSON;
    const options = await requestOptions(visitor, started.id);
    const reply = await visitor.call('POST', `/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'passkey', credential: authenticator.authenticate(options, { origin }) });
    expect((reply.json.response as SignInJSON).status).toBe('complete');
  });

  it('refuses an answer from another origin, and says nothing of the expected ones', async () => {
    const { authenticator, visitor } = await adaWithPasskey(new SoftwareAuthenticator(), {
      passkeys: { rpId: 'latch.test', origins: [origin, 'https://app.latch.test'] },
    });
    expectRejected(await signInWithPasskey(visitor, authenticator, { origin: 'https://evil.example' }), 'passkey_origin_invalid');
    expect(((await signInWithPasskey(visitor, authenticator, { origin: 'https://app.latch.test' })).json.response as SignInJSON).status).toBe('complete');
  });

  it('refuses a passkey signed for another RP ID', async () => {
    const { authenticator, visitor } = await adaWithPasskey();
    expectRejected(await signInWithPasskey(visitor, authenticator, { rpId: 'evil.example' }), 'passkey_rp_id_invalid');
  });

  it('refuses a replayed answer: each challenge works once', async () => {
    const { authenticator, visitor } = await adaWithPasskey();
    const credential = authenticator.authenticate(await requestOptions(visitor), { origin });
    expect((await visitor.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential })).status).toBe(200);
    await visitor.call('DELETE', '/v1/client');
    expectRejected(await visitor.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential }), 'passkey_challenge_invalid');
  });

  it('lets one of two parallel uses of one answer through, never both', async () => {
    const { test, authenticator, visitor } = await adaWithPasskey();
    const credential = authenticator.authenticate(await requestOptions(visitor), { origin });
    const twin = new TestBrowser(test.server);
    twin.token = visitor.token;
    const replies = await Promise.all([visitor, twin].map((browser) => browser.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential })));
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 422]);
    expect(replies.map(errorCode)).toContain('passkey_challenge_invalid');
  });

  it('refuses a challenge answered after 5 minutes', async () => {
    const { test, authenticator, visitor } = await adaWithPasskey();
    const options = await requestOptions(visitor);
    test.clock.advance(fiveMinutes);
    const reply = await visitor.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential: authenticator.authenticate(options, { origin }) });
    expectRejected(reply, 'passkey_challenge_invalid');
  });

  it('refuses a challenge made for another client (browser)', async () => {
    const { test, authenticator, visitor } = await adaWithPasskey();
    const credential = authenticator.authenticate(await requestOptions(test.browser()), { origin });
    expectRejected(await visitor.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', credential }), 'passkey_challenge_invalid');
  });

  it('refuses an unknown credential (an authenticator whose passkey this instance never saw)', async () => {
    const { visitor } = await adaWithPasskey();
    // A passkey for the same site, registered on another instance: well formed, unknown here.
    const { authenticator: stranger } = await adaWithPasskey();
    expectRejected(await signInWithPasskey(visitor, stranger), 'passkey_not_found');
  });

  it('refuses a counter that goes back (a cloned authenticator), keeps the passkey and its counter, and goes on with the real one', async () => {
    const { test, user, authenticator, visitor } = await adaWithPasskey(new SoftwareAuthenticator({ counts: true, backedUp: false }));
    expect(((await signInWithPasskey(visitor, authenticator, { counter: 5 })).json.response as SignInJSON).status).toBe('complete');
    await visitor.call('DELETE', '/v1/client');
    expectRejected(await signInWithPasskey(visitor, authenticator, { counter: 5 }), 'passkey_counter_invalid');
    expectRejected(await signInWithPasskey(visitor, authenticator, { counter: 3 }), 'passkey_counter_invalid');
    const [stored] = await test.server.store.listBy('passkeys', 'userId', user.id);
    expect(stored?.counter).toBe(5);
    expect(((await signInWithPasskey(visitor, authenticator, { counter: 6 })).json.response as SignInJSON).status).toBe('complete');
  });

  it('refuses an answer without user verification, or with a bad signature', async () => {
    const { authenticator, visitor } = await adaWithPasskey();
    expectRejected(await signInWithPasskey(visitor, authenticator, { userVerified: false }), 'passkey_verification_failed');
    expectRejected(await signInWithPasskey(visitor, authenticator, { tamper: true }), 'passkey_verification_failed');
  });

  it('does not skip the account lockout: a locked account gets 429 as for passwords', async () => {
    const { test, authenticator, visitor } = await adaWithPasskey();
    for (let i = 0; i < 10; i++) await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: `wrong-${i}-password` });
    const locked = await signInWithPasskey(visitor, authenticator);
    expect(locked.status).toBe(429);
    expect(errorCode(locked)).toBe('user_locked');
    expect(locked.headers.get('retry-after')).toBe('3600');
  });

  it('counts failed verifications toward the lockout', async () => {
    const { authenticator, visitor } = await adaWithPasskey();
    for (let i = 0; i < 10; i++) expect(errorCode(await signInWithPasskey(visitor, authenticator, { tamper: true }))).toBe('passkey_verification_failed');
    expect(errorCode(await signInWithPasskey(visitor, authenticator))).toBe('user_locked');
  });

  it('does not skip a ban', async () => {
    const { test, user, authenticator, visitor } = await adaWithPasskey();
    await test.server.store.update('users', user.id, { banned: true });
    const reply = await signInWithPasskey(visitor, authenticator);
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('user_banned');
    expect(await visitor.client()).toMatchObject({ sessions: [] });
  });

  it('rejects malformed answers with 4xx and a code, never 500', async () => {
    const { authenticator, visitor } = await adaWithPasskey();
    const good = authenticator.authenticate(await requestOptions(visitor), { origin });
    const bad = [
      {},
      { credential: null },
      { credential: { ...good, response: 'x' } },
      { credential: { ...good, response: { ...good.response, signature: 42 } } },
      { credential: { ...good, id: 'a'.repeat(2000), rawId: 'a'.repeat(2000) } },
      { credential: { ...good, response: { ...good.response, clientDataJSON: '' } } },
      { credential: { ...good, response: { ...good.response, authenticatorData: 'AAAA' } } },
    ];
    for (const body of bad) {
      const reply = await visitor.call('POST', '/v1/client/sign_ins', { strategy: 'passkey', ...body });
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(errorCode(reply)).toBeTruthy();
    }
  });
});

describe('managing passkeys', () => {
  it('renames one of the user’s passkeys, and no one else’s', async () => {
    const { test, browser } = await adaWithPasskey();
    const [passkey] = (await me(browser)).passkeys!;
    const renamed = await browser.call('PATCH', `/v1/me/passkeys/${passkey!.id}`, { name: 'Phone' });
    expect((renamed.json.response as PasskeyJSON).name).toBe('Phone');
    expect(errorCode(await browser.call('PATCH', `/v1/me/passkeys/${passkey!.id}`, { name: '  ' }))).toBe('form_param_missing');
    expect(errorCode(await browser.call('PATCH', `/v1/me/passkeys/${passkey!.id}`, { name: 'x'.repeat(65) }))).toBe('form_param_too_long');
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'correct-horse-battery' });
    const grace = test.browser();
    await grace.signInWithPassword('grace@example.com', 'correct-horse-battery');
    const theirs = await grace.call('PATCH', `/v1/me/passkeys/${passkey!.id}`, { name: 'Mine now' });
    expect(theirs.status).toBe(404);
    expect(errorCode(theirs)).toBe('passkey_not_found');
    expect(errorCode(await grace.call('DELETE', `/v1/me/passkeys/${passkey!.id}`))).toBe('passkey_not_found');
  });

  it('removes a passkey only after a recent verification; it then signs in no more', async () => {
    const { test, browser, authenticator, visitor } = await adaWithPasskey();
    const [passkey] = (await me(browser)).passkeys!;
    test.clock.advance(tenMinutes + 1);
    const stale = await browser.call('DELETE', `/v1/me/passkeys/${passkey!.id}`);
    expect(stale.status).toBe(403);
    expect(errorCode(stale)).toBe('reverification_required');
    await browser.call('POST', '/v1/me/reverification/attempt', { strategy: 'password', password: ada.password });
    const deleted = await browser.call('DELETE', `/v1/me/passkeys/${passkey!.id}`);
    expect(deleted.json.response as DeletedJSON).toEqual({ id: passkey!.id, deleted: true });
    expect((await me(browser)).passkeys).toEqual([]);
    expectRejected(await signInWithPasskey(visitor, authenticator), 'passkey_not_found');
  });

  it('goes with the user: a deleted account’s passkey is unknown', async () => {
    const { browser, authenticator, visitor } = await adaWithPasskey();
    expect((await browser.call('DELETE', '/v1/me')).status).toBe(200);
    expectRejected(await signInWithPasskey(visitor, authenticator), 'passkey_not_found');
  });

  it('reports adding, renaming and removing a passkey as user.updated webhooks, carrying the list', async () => {
    const { test, user, browser } = await setup({ webhooks: { allowLocalhost: true } });
    const receiver = await startReceiver();
    await test.server.webhooks.add({ url: receiver.url, events: ['user.updated'] });
    const passkey = (await register(browser, new SoftwareAuthenticator(), { origin }, 'Laptop')).json.response as PasskeyJSON;
    await browser.call('PATCH', `/v1/me/passkeys/${passkey.id}`, { name: 'Phone' });
    await browser.call('DELETE', `/v1/me/passkeys/${passkey.id}`);
    for (let round = 0; round < 10 && (await test.server.webhooks.createWorker().runOnce()) > 0; round++);
    expect(receiver.received.map((webhook) => webhook.payload)).toMatchObject([
      { type: 'user.updated', data: { id: user.id, passkeys: [{ id: passkey.id, name: 'Laptop' }] } },
      { type: 'user.updated', data: { id: user.id, passkeys: [{ id: passkey.id, name: 'Phone' }] } },
      { type: 'user.updated', data: { id: user.id, passkeys: [] } },
    ]);
    // Public keys and credential ids stay in the database.
    for (const webhook of receiver.received) expect(webhook.body).not.toMatch(/publicKey|credentialId/);
  });

  it('sweeps expired challenges with the retention job', async () => {
    const { test, visitor } = await adaWithPasskey();
    await requestOptions(visitor);
    test.clock.advance(fiveMinutes + 24 * 60 * 60 * 1000);
    const report = await test.server.admin.purgeExpired();
    // The registration's challenge was consumed; the sign-in's expired unanswered.
    expect(report.passkeyChallenges).toBe(1);
  });
});

describe('the relying party', () => {
  const base = { issuer: 'https://auth.example.com', settings: passkeysOn };

  it('is derived from the issuer and allowed origins by default', () => {
    expect(() => createLatchServer({ ...base, allowedOrigins: ['https://app.example.com'] })).toThrow(/RP ID auth\.example\.com/);
    expect(() => createLatchServer({ ...base, passkeys: { rpId: 'example.com' }, allowedOrigins: ['https://app.example.com'] })).not.toThrow();
  });

  it('refuses an origin off the RP ID, plain http off localhost, and an IP address as RP ID', () => {
    expect(() => createLatchServer({ ...base, passkeys: { rpId: 'example.com', origins: ['https://example.org'] } })).toThrow(/not on the RP ID/);
    expect(() => createLatchServer({ ...base, passkeys: { rpId: 'example.com', origins: ['http://example.com'] } })).toThrow(/https/);
    expect(() => createLatchServer({ ...base, passkeys: { rpId: '127.0.0.1', origins: ['http://127.0.0.1:5173'] } })).toThrow(/domain/);
    expect(() => createLatchServer({ ...base, passkeys: { rpId: 'localhost', origins: ['http://localhost:5173'] } })).not.toThrow();
  });
});

