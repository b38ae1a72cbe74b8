import { describe, expect, it } from 'vitest';
import type { AdminSessionJSON, AdminSignInTokenJSON, AdminUserJSON, EmailAddressJSON, PageJSON, SignInJSON, TokenJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, generousIpLimits, TestBrowser, type TestServer } from './helpers';

/** A server with one admin key, and a "browser" that sends that key as its bearer token. */
async function withAdmin(options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer({ rateLimits: generousIpLimits, ...options });
  const { key } = await test.server.admin.secretKeys.create('ci');
  const admin = test.browser();
  admin.token = key;
  return { test, admin, key };
}

async function createUser(admin: TestBrowser, body: Record<string, unknown>): Promise<AdminUserJSON> {
  const reply = await admin.call<AdminUserJSON>('POST', '/v1/admin/users', body);
  if (reply.status !== 200) throw new Error(`create failed: ${JSON.stringify(reply.json)}`);
  return reply.json as AdminUserJSON;
}

async function signedInBrowser(test: TestServer, email = ada.emailAddress, password = ada.password) {
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(email, password);
  return { browser, sessionId: signIn.createdSessionId ?? '' };
}

describe('admin API authorisation', () => {
  it('refuses no key, a wrong key, a revoked key, a client token and a session JWT, all alike', async () => {
    const { test, admin } = await withAdmin();
    await test.server.admin.createUser(ada);
    expect((await admin.call('GET', '/v1/admin/users')).status).toBe(200);

    const anonymous = test.browser();
    expect((await anonymous.call('GET', '/v1/admin/users')).status).toBe(401);
    const wrong = test.browser();
    wrong.token = 'sk_live_' + 'A'.repeat(43);
    expect(errorCode(await wrong.call('GET', '/v1/admin/users'))).toBe('authentication_invalid');

    // A signed-in browser's client token and its session JWT, in the same header.
    const { browser, sessionId } = await signedInBrowser(test);
    expect(errorCode(await browser.call('GET', '/v1/admin/users'))).toBe('authentication_invalid');
    const jwt = ((await browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`)).json as TokenJSON).jwt;
    const withJwt = test.browser();
    withJwt.token = jwt;
    expect((await withJwt.call('GET', '/v1/admin/users')).status).toBe(401);

    const [info] = await test.server.admin.secretKeys.list();
    expect(info).toMatchObject({ name: 'ci', revokedAt: null });
    expect(JSON.stringify(info)).not.toContain(admin.token?.slice(8));
    await test.server.admin.secretKeys.revoke(info?.id ?? '');
    expect((await admin.call('GET', '/v1/admin/users')).status).toBe(401);
  });

  it('is not told which paths exist without a key, and a key reaches only /v1/admin', async () => {
    const { test, admin } = await withAdmin();
    expect((await test.browser().call('GET', '/v1/admin/nothing_here')).status).toBe(401);
    expect((await admin.call('GET', '/v1/admin/nothing_here')).status).toBe(404);
    // The secret key is not a client token: /v1/me does not know it.
    expect((await admin.call('GET', '/v1/me')).status).toBe(401);
  });

  it('never answers with CORS, even for an allowed origin, and refuses the preflight', async () => {
    const origin = 'https://app.example';
    const { admin } = await withAdmin({ allowedOrigins: [origin] });
    const reply = await admin.call('GET', '/v1/admin/users', undefined, { origin });
    expect(reply.status).toBe(200);
    expect([...reply.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const preflight = await admin.call('OPTIONS', '/v1/admin/users', undefined, {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    expect(preflight.status).toBe(405);
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    // The frontend API still gets CORS for that origin.
    const frontend = await admin.call('GET', '/v1/environment', undefined, { origin });
    expect(frontend.headers.get('access-control-allow-origin')).toBe(origin);
  });
});

describe('admin users', () => {
  it('creates with a password (verified or not), a Latch hash or none; refuses a foreign hash', async () => {
    const { test, admin } = await withAdmin();
    const created = await createUser(admin, { emailAddress: 'Ada@Example.com', password: ada.password, firstName: 'Ada', externalId: 'legacy-1' });
    expect(created).toMatchObject({ firstName: 'Ada', passwordEnabled: true, banned: false, externalId: 'legacy-1', privateMetadata: {} });
    expect(created.emailAddresses[0]).toMatchObject({ emailAddress: 'ada@example.com', verification: { status: 'verified' } });
    await signedInBrowser(test);

    const unverified = await createUser(admin, { emailAddress: 'bob@example.com', emailAddressVerified: false });
    expect(unverified.emailAddresses[0]?.verification.status).toBe('unverified');
    expect(unverified.passwordEnabled).toBe(false);

    const hash = await test.server.admin.createUser({ emailAddress: 'tmp@example.com', password: 'another-long-password' });
    const fromHash = await createUser(admin, { emailAddress: 'cy@example.com', passwordHash: hash.passwordHash });
    expect(fromHash.passwordEnabled).toBe(true);
    await signedInBrowser(test, 'cy@example.com', 'another-long-password');

    const foreign = await admin.call('POST', '/v1/admin/users', { emailAddress: 'dee@example.com', passwordHash: '$2b$10$abcdefghijklmnopqrstuv' });
    expect(errorCode(foreign)).toBe('form_param_format_invalid');
    const taken = await admin.call('POST', '/v1/admin/users', { emailAddress: 'ada@example.com' });
    expect(errorCode(taken)).toBe('form_identifier_exists');
    // The instance's password policy holds for the backend too.
    expect(errorCode(await admin.call('POST', '/v1/admin/users', { emailAddress: 'eve@example.com', password: 'short' }))).toBe('form_password_length_too_short');
    expect(errorCode(await admin.call('POST', '/v1/admin/users', { emailAddress: 'eve@example.com', password: 'password123' }))).toBe('form_password_pwned');
    expect(await test.server.store.findBy('emailAddresses', 'verifiedEmail', 'eve@example.com')).toBeNull();
  });

  it('gets, updates names and username, and deletes', async () => {
    const { admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: 'ada@example.com' });
    const updated = await admin.call<AdminUserJSON>('PATCH', `/v1/admin/users/${user.id}`, { firstName: 'Ada', lastName: 'Lovelace', username: 'Ada_L' });
    expect(updated.json).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', username: 'ada_l' });
    expect((await admin.call<AdminUserJSON>('GET', `/v1/admin/users/${user.id}`)).json).toMatchObject({ username: 'ada_l' });
    expect((await admin.call('DELETE', `/v1/admin/users/${user.id}`)).json).toEqual({ id: user.id, deleted: true });
    expect((await admin.call('GET', `/v1/admin/users/${user.id}`)).status).toBe(404);
  });

  it('pages with a cursor that neither repeats nor skips anyone while users are created concurrently', async () => {
    const { test, admin } = await withAdmin();
    const before = new Set<string>();
    for (let index = 0; index < 12; index++) {
      before.add((await createUser(admin, { emailAddress: `user${index}@example.com` })).id);
      test.clock.advance(index % 3 === 0 ? 0 : 1000); // some share a creation time: the id breaks the tie
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/v1/admin/users?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const [page] = await Promise.all([
        admin.call<PageJSON<AdminUserJSON>>('GET', query),
        createUser(admin, { emailAddress: `late${pages}@example.com` }),
      ]);
      const body = page.json as PageJSON<AdminUserJSON>;
      seen.push(...body.data.map((user) => user.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });

  it('filters by email address, username and id, searches, and orders by creation or last sign-in', async () => {
    const { test, admin } = await withAdmin();
    const first = await createUser(admin, { emailAddress: 'ada@example.com', password: ada.password, username: 'countess', lastName: 'Lovelace' });
    test.clock.advance(1000);
    const second = await createUser(admin, { emailAddress: 'grace@example.com', lastName: 'Hopper' });
    test.clock.advance(1000);
    const list = async (query: string) => ((await admin.call<PageJSON<AdminUserJSON>>('GET', `/v1/admin/users?${query}`)).json as PageJSON<AdminUserJSON>).data.map((user) => user.id);
    expect(await list('email_address=GRACE@example.com')).toEqual([second.id]);
    expect(await list('username=countess')).toEqual([first.id]);
    expect(await list(`user_id=${first.id}&user_id=${second.id}`)).toEqual([second.id, first.id]);
    expect(await list('query=hopp')).toEqual([second.id]);
    expect(await list('query=example.com&order_by=created_at')).toEqual([first.id, second.id]);
    await signedInBrowser(test);
    expect(await list('order_by=-last_sign_in_at')).toEqual([first.id, second.id]);
    expect(errorCode(await admin.call('GET', '/v1/admin/users?order_by=name'))).toBe('form_param_format_invalid');
    expect(errorCode(await admin.call('GET', '/v1/admin/users?limit=1000'))).toBe('form_param_format_invalid');
    expect(errorCode(await admin.call('GET', '/v1/admin/users?cursor=not-a-cursor'))).toBe('form_param_format_invalid');
  });
});

describe('bans', () => {
  it('revoke every session, block the next sign-in with user_banned, and lift on unban', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress, password: ada.password });
    const { browser, sessionId } = await signedInBrowser(test);

    const banned = await admin.call<AdminUserJSON>('POST', `/v1/admin/users/${user.id}/ban`);
    expect((banned.json as AdminUserJSON).banned).toBe(true);
    expect((await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(404);
    const sessions = (await admin.call<PageJSON<AdminSessionJSON>>('GET', `/v1/admin/sessions?user_id=${user.id}`)).json as PageJSON<AdminSessionJSON>;
    expect(sessions.data.map((session) => session.status)).toEqual(['revoked']);

    const again = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(again.status).toBe(403);
    expect(errorCode(again)).toBe('user_banned');
    // A wrong password still says only that: the ban is told to whoever proves the factors.
    const guess = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: 'wrong-password-here' });
    expect(errorCode(guess)).toBe('form_password_incorrect');

    await admin.call('POST', `/v1/admin/users/${user.id}/unban`);
    await signedInBrowser(test);
  });

  it('can be set through PATCH too', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress, password: ada.password });
    await admin.call('PATCH', `/v1/admin/users/${user.id}`, { banned: true });
    expect(errorCode(await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password }))).toBe('user_banned');
  });
});

describe('admin email addresses and sessions', () => {
  it('adds, verifies and removes an address; the primary one stays', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress, password: ada.password });
    const added = (await admin.call<EmailAddressJSON>('POST', '/v1/admin/email_addresses', { userId: user.id, emailAddress: 'ada@work.example' })).json as EmailAddressJSON;
    expect(added.verification.status).toBe('unverified');
    // Not verified yet: it is not a way in.
    expect((await test.browser().call('POST', '/v1/client/sign_ins', { identifier: 'ada@work.example', password: ada.password })).status).not.toBe(200);
    const verified = await admin.call<EmailAddressJSON>('POST', `/v1/admin/email_addresses/${added.id}/verify`);
    expect((verified.json as EmailAddressJSON).verification.status).toBe('verified');
    await signedInBrowser(test, 'ada@work.example');
    expect(errorCode(await admin.call('DELETE', `/v1/admin/email_addresses/${user.primaryEmailAddressId}`))).toBe('email_address_is_primary');
    expect((await admin.call('DELETE', `/v1/admin/email_addresses/${added.id}`)).json).toEqual({ id: added.id, deleted: true });
    expect(errorCode(await admin.call('POST', '/v1/admin/email_addresses', { userId: 'user_nobody', emailAddress: 'x@example.com' }))).toBe('resource_not_found');
  });

  it('lists a user’s sessions and revokes one: it mints no more tokens', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress, password: ada.password });
    const { browser, sessionId } = await signedInBrowser(test);
    const listed = (await admin.call<PageJSON<AdminSessionJSON>>('GET', `/v1/admin/sessions?user_id=${user.id}&status=active`)).json as PageJSON<AdminSessionJSON>;
    expect(listed.data).toEqual([expect.objectContaining({ id: sessionId, userId: user.id, status: 'active' })]);
    const revoked = await admin.call<AdminSessionJSON>('POST', `/v1/admin/sessions/${sessionId}/revoke`);
    expect((revoked.json as AdminSessionJSON).status).toBe('revoked');
    expect((await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(404);
    expect(errorCode(await admin.call('GET', '/v1/admin/sessions'))).toBe('form_param_missing');
  });
});

describe('sign-in tokens', () => {
  async function tokenFor(admin: TestBrowser, userId: string, expiresInSeconds?: number): Promise<AdminSignInTokenJSON> {
    return (await admin.call<AdminSignInTokenJSON>('POST', '/v1/admin/sign_in_tokens', { userId, expiresInSeconds })).json as AdminSignInTokenJSON;
  }

  it('sign in once with strategy ticket, are stored hashed, and fail alike when used, unknown or expired', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress });
    const { token } = await tokenFor(admin, user.id);
    expect(token).toMatch(/^sit_/);
    const stored = await test.server.store.listBy('signInTokens', 'userId', user.id);
    expect(JSON.stringify(stored)).not.toContain(token);

    const browser = test.browser();
    const signIn = await browser.call<SignInJSON>('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: token });
    expect(signIn.status).toBe(200);
    expect(signIn.json.response).toMatchObject({ status: 'complete' });
    expect((await browser.client())?.sessions[0]?.user.id).toBe(user.id);

    const replay = await test.browser().call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: token });
    expect(errorCode(replay)).toBe('sign_in_token_invalid');
    expect(errorCode(await test.browser().call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: 'sit_nope' }))).toBe('sign_in_token_invalid');

    const short = await tokenFor(admin, user.id, 60);
    test.clock.advance(61_000);
    expect(errorCode(await test.browser().call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: short.token }))).toBe('sign_in_token_invalid');
  });

  it('work once when two browsers race with the same token', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress });
    const { token } = await tokenFor(admin, user.id);
    const replies = await Promise.all([0, 1, 2].map(() => test.browser().call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: token })));
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
  });

  it('do not sign in a banned user', async () => {
    const { test, admin } = await withAdmin();
    const user = await createUser(admin, { emailAddress: ada.emailAddress });
    const { token } = await tokenFor(admin, user.id);
    await admin.call('POST', `/v1/admin/users/${user.id}/ban`);
    expect(errorCode(await test.browser().call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: token }))).toBe('user_banned');
  });
});
