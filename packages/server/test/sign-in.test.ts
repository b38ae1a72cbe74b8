import { describe, expect, it } from 'vitest';
import type { SignInJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, paramName, type TestBrowser, type TestServer } from './helpers';

async function withAda(options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer(options);
  await test.server.admin.createUser({ ...ada, username: 'ada' });
  return test;
}

function emailFactor(signIn: SignInJSON, strategy: 'email_code' | 'reset_password_email_code') {
  const factor = signIn.supportedFirstFactors.find((f) => f.strategy === strategy);
  if (!factor || !('emailAddressId' in factor)) throw new Error(`no ${strategy} factor`);
  return factor;
}

async function startSignIn(browser: TestBrowser, identifier = ada.emailAddress): Promise<SignInJSON> {
  const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier });
  expect(reply.status).toBe(200);
  return reply.json.response as SignInJSON;
}

async function signInWithCode(test: TestServer, browser: TestBrowser, strategy: 'email_code' | 'reset_password_email_code') {
  const signIn = await startSignIn(browser);
  const factor = emailFactor(signIn, strategy);
  await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy, emailAddressId: factor.emailAddressId });
  const code = test.latestCode(ada.emailAddress);
  const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy, code });
  return { signIn, reply, response: reply.json.response as SignInJSON };
}

describe('sign-in with a password', () => {
  it('completes, creates the session and makes it active', async () => {
    const test = await withAda();
    const browser = test.browser();
    const signIn = await browser.signInWithPassword('Ada@Example.COM', ada.password);
    expect(signIn.status).toBe('complete');
    const client = await browser.client();
    expect(client?.lastActiveSessionId).toBe(signIn.createdSessionId);
    expect(client?.sessions.map((s) => s.id)).toEqual([signIn.createdSessionId]);
    expect(client?.sessions[0]?.user.lastSignInAt).toBe(test.clock.now());
    expect(client?.signIn).toBeNull();
  });

  it('with enumeration protection off, lists the factors and the profile of the account before any proof', async () => {
    const test = await withAda({ settings: { enumerationProtection: false } });
    const signIn = await startSignIn(test.browser());
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.userData).toEqual({ firstName: 'Ada', lastName: 'Lovelace', imageUrl: null });
    expect(signIn.supportedFirstFactors.map((f) => f.strategy)).toEqual(['password', 'email_code', 'reset_password_email_code']);
    expect(emailFactor(signIn, 'email_code').safeIdentifier).toBe('ada@example.com');
  });

  it('accepts a username when the instance allows it', async () => {
    const test = await withAda({ settings: { identifiers: { username: true } } });
    expect((await test.browser().signInWithPassword('ADA', ada.password)).status).toBe('complete');
    const off = await withAda({ settings: { enumerationProtection: false } });
    const reply = await off.browser().call('POST', '/v1/client/sign_ins', { identifier: 'ada' });
    expect(errorCode(reply)).toBe('form_identifier_not_found');
  });

  it('with enumeration protection off, an unknown identifier → 422 form_identifier_not_found, and no client is created', async () => {
    const test = await withAda({ settings: { enumerationProtection: false } });
    const browser = test.browser();
    const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier: 'nobody@example.com', password: 'whatever-it-is' });
    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe('form_identifier_not_found');
    expect(paramName(reply)).toBe('identifier');
    expect(browser.token).toBeNull();
  });

  it('a wrong password → 422, and the browser keeps its new client and sign-in', async () => {
    const test = await withAda();
    const browser = test.browser();
    const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: 'not-the-password' });
    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe('form_password_incorrect');
    expect(paramName(reply)).toBe('password');
    expect(browser.token).not.toBeNull();
    const client = await browser.client();
    expect(client?.signIn?.status).toBe('needs_first_factor');
    const retry = await browser.call('POST', `/v1/client/sign_ins/${client?.signIn?.id}/attempt_first_factor`, {
      strategy: 'password',
      password: ada.password,
    });
    expect((retry.json.response as SignInJSON).status).toBe('complete');
  });

  it('rotates the client token on completion and stores only its hash', async () => {
    const test = await withAda();
    const store = test.server.store;
    const browser = test.browser();
    const signIn = await startSignIn(browser);
    const before = browser.token ?? '';
    expect(before.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password: ada.password });
    const after = browser.token ?? '';
    expect(after).not.toBe(before);
    const clientId = (await browser.client())?.id ?? '';
    const record = await store.get('clients', clientId);
    expect(record?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain(after);
    // The pre-sign-in token is worthless now.
    browser.token = before;
    expect(await browser.client()).toBeNull();
  });

  it('a sign-in belongs to its client', async () => {
    const test = await withAda();
    const owner = test.browser();
    const signIn = await startSignIn(owner);
    const own = await owner.call('GET', `/v1/client/sign_ins/${signIn.id}`);
    expect(own.json.response).toEqual(signIn);
    const stranger = test.browser();
    await startSignIn(stranger);
    const reply = await stranger.call('GET', `/v1/client/sign_ins/${signIn.id}`);
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('sign_in_not_found');
  });
});

describe('sign-in with an email code', () => {
  it('sends a 6-digit code and completes with it', async () => {
    const test = await withAda();
    const browser = test.browser();
    const { response } = await signInWithCode(test, browser, 'email_code');
    expect(response.status).toBe('complete');
    expect(test.outbox).toHaveLength(1);
    expect(test.outbox[0]).toMatchObject({ to: 'ada@example.com', kind: 'sign_in_code' });
    expect(test.outbox[0]?.code).toMatch(/^\d{6}$/);
    expect(test.outbox[0]?.text).toContain(test.outbox[0]?.code);
  });

  it('is not offered when the instance turns it off', async () => {
    const test = await withAda({ settings: { firstFactors: { emailCode: false } } });
    const signIn = await startSignIn(test.browser());
    expect(signIn.supportedFirstFactors.map((f) => f.strategy)).toEqual(['password', 'reset_password_email_code']);
  });

  it('refuses an email address that is not one of the offered factors', async () => {
    const test = await withAda();
    const browser = test.browser();
    const signIn = await startSignIn(browser);
    const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_code', emailAddressId: 'idn_other' });
    expect(errorCode(reply)).toBe('strategy_for_user_invalid');
    expect(test.outbox).toHaveLength(0);
  });
});

describe('password reset', () => {
  async function reset(signOutOfOtherSessions?: boolean) {
    const test = await withAda();
    const laptop = test.browser();
    const laptopSignIn = await laptop.signInWithPassword(ada.emailAddress, ada.password);
    const phone = test.browser();
    const { signIn, response } = await signInWithCode(test, phone, 'reset_password_email_code');
    expect(response.status).toBe('needs_new_password');
    expect(test.outbox[0]?.kind).toBe('reset_password_code');
    const body = signOutOfOtherSessions === undefined ? { password: 'a-brand-new-passphrase' } : { password: 'a-brand-new-passphrase', signOutOfOtherSessions };
    const done = await phone.call('POST', `/v1/client/sign_ins/${signIn.id}/reset_password`, body);
    expect((done.json.response as SignInJSON).status).toBe('complete');
    const laptopToken = await laptop.call('POST', `/v1/client/sessions/${laptopSignIn.createdSessionId}/tokens`);
    return { test, laptopToken };
  }

  it('sets the new password and signs in', async () => {
    const { test } = await reset();
    const old = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(errorCode(old)).toBe('form_password_incorrect');
    expect((await test.browser().signInWithPassword(ada.emailAddress, 'a-brand-new-passphrase')).status).toBe('complete');
  });

  it('signs out every other session by default', async () => {
    const { laptopToken } = await reset();
    expect(laptopToken.status).toBe(404);
    expect(errorCode(laptopToken)).toBe('session_not_found');
  });

  it('keeps the other sessions when the user opts out', async () => {
    const { laptopToken } = await reset(false);
    expect(laptopToken.status).toBe(200);
  });

  it('rotates the client token, even when a second factor is still to come', async () => {
    const test = createTestServer();
    await test.server.admin.createUser({ ...ada, totpSecret: 'JBSWY3DPEHPK3PXP' });
    const browser = test.browser();
    const { signIn } = await signInWithCode(test, browser, 'reset_password_email_code');
    const before = browser.token;
    const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/reset_password`, { password: 'a-brand-new-passphrase' });
    expect((reply.json.response as SignInJSON).status).toBe('needs_second_factor');
    expect(browser.token).not.toBe(before);
    const stale = test.browser();
    stale.token = before;
    expect(await stale.client()).toBeNull();
  });

  it('applies the password policy', async () => {
    const test = await withAda();
    const browser = test.browser();
    const { signIn } = await signInWithCode(test, browser, 'reset_password_email_code');
    const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/reset_password`, { password: 'short' });
    expect(errorCode(reply)).toBe('form_password_length_too_short');
  });

  it('cannot be skipped: reset_password needs a verified code first', async () => {
    const test = await withAda();
    const browser = test.browser();
    const signIn = await startSignIn(browser);
    const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/reset_password`, { password: 'a-brand-new-passphrase' });
    expect(errorCode(reply)).toBe('flow_state_invalid');
  });
});

describe('signed-in browsers', () => {
  it('single-session: a second sign-in on the same browser → identifier_already_signed_in', async () => {
    const test = await withAda();
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'another-fine-password' });
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier: 'grace@example.com' });
    expect(errorCode(reply)).toBe('identifier_already_signed_in');
  });

  it('multi-session: another account may sign in, the same one may not', async () => {
    const test = await withAda({ settings: { multiSession: true } });
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', password: 'another-fine-password' });
    const browser = test.browser();
    const first = await browser.signInWithPassword(ada.emailAddress, ada.password);
    const second = await browser.signInWithPassword('grace@example.com', 'another-fine-password');
    const client = await browser.client();
    expect(client?.sessions.map((s) => s.id)).toEqual([first.createdSessionId, second.createdSessionId]);
    expect(client?.lastActiveSessionId).toBe(second.createdSessionId);
    const again = await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress });
    expect(errorCode(again)).toBe('identifier_already_signed_in');
  });
});
