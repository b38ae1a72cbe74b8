import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { BackupCodesJSON, EmailAddressJSON, SignInJSON, UserJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, paramName, TestBrowser, type Reply, type TestServer } from './helpers';

const secret = 'JBSWY3DPEHPK3PXP';
const tenMinutes = 10 * 60 * 1000;

function totpAt(timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

async function passwordUser(options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer(options);
  await test.server.admin.createUser(ada);
  const browser = test.browser();
  await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { test, browser };
}

async function totpUser() {
  const test = createTestServer();
  await test.server.admin.createUser({ ...ada, totpSecret: secret, backupCodes: ['11111111', '22222222'] });
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  const done = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'totp', code: totpAt(test.clock.now()) });
  expect((done.json.response as SignInJSON).status).toBe('complete');
  return { test, browser };
}

async function passwordlessUser() {
  const test = createTestServer();
  await test.server.admin.createUser({ emailAddress: ada.emailAddress });
  const browser = test.browser();
  const signIn = (await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as SignInJSON;
  const factor = signIn.supportedFirstFactors.find((offered) => offered.strategy === 'email_code');
  if (!factor || !('emailAddressId' in factor)) throw new Error('no email_code factor');
  await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_code', emailAddressId: factor.emailAddressId });
  const code = test.latestCode(ada.emailAddress);
  await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code });
  return { test, browser };
}

/** Another browser holding the same client token: what an attacker who stole it has. */
function stolen(test: TestServer, victim: TestBrowser): TestBrowser {
  const attacker = new TestBrowser(test.server);
  attacker.token = victim.token;
  return attacker;
}

async function addVerified(test: TestServer, browser: TestBrowser, address: string): Promise<EmailAddressJSON> {
  const added = (await browser.call('POST', '/v1/me/email_addresses', { emailAddress: address })).json.response as EmailAddressJSON;
  await browser.call('POST', `/v1/me/email_addresses/${added.id}/prepare_verification`);
  const code = test.latestCode(address);
  return (await browser.call('POST', `/v1/me/email_addresses/${added.id}/attempt_verification`, { code })).json.response as EmailAddressJSON;
}

async function me(browser: TestBrowser): Promise<UserJSON> {
  return (await browser.call('GET', '/v1/me')).json.response as UserJSON;
}

function reverify(browser: TestBrowser, body: Record<string, string>) {
  return browser.call('POST', '/v1/me/reverification/attempt', body);
}

function expectReverificationRequired(reply: Reply, strategies: string[]) {
  expect(reply.status).toBe(403);
  expect(errorCode(reply)).toBe('reverification_required');
  expect(reply.json.errors?.[0]?.meta?.strategies).toEqual(strategies);
}

describe('step-up verification of sensitive actions', () => {
  it('refuses every step of the stolen-token takeover on a stale session', async () => {
    const { test, browser } = await totpUser();
    const work = await addVerified(test, browser, 'ada@work.example');
    const victim = await me(browser);
    test.clock.advance(tenMinutes + 1);
    const attacker = stolen(test, browser);
    const strategies = ['totp', 'backup_code'];

    expectReverificationRequired(await attacker.call('POST', '/v1/me/email_addresses', { emailAddress: 'mallory@evil.example' }), strategies);
    expectReverificationRequired(await attacker.call('POST', `/v1/me/email_addresses/${work.id}/make_primary`), strategies);
    expectReverificationRequired(await attacker.call('DELETE', `/v1/me/email_addresses/${work.id}`), strategies);
    expectReverificationRequired(await attacker.call('DELETE', '/v1/me/totp'), strategies);
    expectReverificationRequired(await attacker.call('POST', '/v1/me/backup_codes'), strategies);
    expectReverificationRequired(await attacker.call('POST', '/v1/me/totp'), strategies);
    expectReverificationRequired(await attacker.call('DELETE', '/v1/me'), strategies);
    // Even knowing the password: with TOTP on, a password alone proves too little.
    const change = { currentPassword: ada.password, newPassword: 'mallory-was-here-123' };
    expectReverificationRequired(await attacker.call('POST', '/v1/me/change_password', change), strategies);
    const byPassword = await reverify(attacker, { strategy: 'password', password: ada.password });
    expect(errorCode(byPassword)).toBe('strategy_for_user_invalid');

    // The last step, a password reset, has no attacker's address to send its code to.
    // (Enumeration protection answers with a decoy sign-in: its reset code goes to nobody.)
    const resetter = new TestBrowser(test.server);
    const reset = (await resetter.call('POST', '/v1/client/sign_ins', { identifier: 'mallory@evil.example' })).json.response as SignInJSON;
    const factor = reset.supportedFirstFactors.find((offered) => offered.strategy === 'reset_password_email_code');
    const emailAddressId = factor && 'emailAddressId' in factor ? factor.emailAddressId : '';
    await resetter.call('POST', `/v1/client/sign_ins/${reset.id}/prepare_first_factor`, { strategy: 'reset_password_email_code', emailAddressId });
    expect(test.outbox.filter((email) => email.to === 'mallory@evil.example')).toEqual([]);
    expect(await test.server.store.findBy('emailAddresses', 'verifiedEmail', 'mallory@evil.example')).toBeNull();
    const after = await me(browser);
    expect(after.emailAddresses.map((email) => email.emailAddress)).toEqual(victim.emailAddresses.map((email) => email.emailAddress));
    expect(after).toMatchObject({ primaryEmailAddressId: victim.primaryEmailAddressId, totpEnabled: true, backupCodeEnabled: true });
    expect((await test.browser().signInWithPassword(ada.emailAddress, ada.password)).status).toBe('needs_second_factor');
  });

  it('allows sensitive actions for 10 minutes after sign-in, then asks again', async () => {
    const { test, browser } = await passwordUser();
    expect((await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'one@example.com' })).status).toBe(200);
    test.clock.advance(tenMinutes);
    expect((await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'two@example.com' })).status).toBe(200);
    test.clock.advance(1);
    expectReverificationRequired(await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'three@example.com' }), ['password']);
    expect((await me(browser)).emailAddresses.map((email) => email.emailAddress)).not.toContain('three@example.com');
  });

  it('takes its window from the server options', async () => {
    const { test, browser } = await passwordUser({ reverificationMaxAgeMs: 60_000 });
    test.clock.advance(60_001);
    expectReverificationRequired(await browser.call('DELETE', '/v1/me'), ['password']);
  });

  it('a password reverification opens a new window on this session only', async () => {
    const { test, browser } = await passwordUser();
    const other = test.browser();
    await other.signInWithPassword(ada.emailAddress, ada.password);
    test.clock.advance(tenMinutes + 1);
    const wrong = await reverify(browser, { strategy: 'password', password: 'not-the-password' });
    expect(errorCode(wrong)).toBe('form_password_incorrect');
    expect(paramName(wrong)).toBe('password');
    const verified = await reverify(browser, { strategy: 'password', password: ada.password });
    expect(verified.status).toBe(200);
    expect((await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'new@example.com' })).status).toBe(200);
    expectReverificationRequired(await other.call('POST', '/v1/me/email_addresses', { emailAddress: 'other@example.com' }), ['password']);
    test.clock.advance(tenMinutes + 1);
    expectReverificationRequired(await browser.call('DELETE', '/v1/me'), ['password']);
  });

  it('a TOTP user reverifies with a TOTP code or a backup code, each good once', async () => {
    const { test, browser } = await totpUser();
    test.clock.advance(tenMinutes + 1);
    const code = totpAt(test.clock.now());
    expect((await reverify(browser, { strategy: 'totp', code })).status).toBe(200);
    const regenerated = await browser.call('POST', '/v1/me/backup_codes');
    expect(regenerated.status).toBe(200);
    const [backupCode = ''] = (regenerated.json.response as BackupCodesJSON).codes;

    test.clock.advance(tenMinutes + 1);
    expect(errorCode(await reverify(browser, { strategy: 'totp', code }))).toBe('form_code_incorrect');
    expect(errorCode(await reverify(browser, { strategy: 'backup_code', code: '11111111' }))).toBe('form_code_incorrect');
    expect((await reverify(browser, { strategy: 'backup_code', code: backupCode })).status).toBe(200);
    expect((await browser.call('DELETE', '/v1/me/totp')).status).toBe(200);
    test.clock.advance(tenMinutes + 1);
    expect(errorCode(await reverify(browser, { strategy: 'backup_code', code: backupCode }))).toBe('strategy_for_user_invalid');
  });

  it('a user without a password reverifies with a code sent to the primary address', async () => {
    const { test, browser } = await passwordlessUser();
    test.clock.advance(tenMinutes + 1);
    expectReverificationRequired(await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'new@example.com' }), ['email_code']);
    expect(errorCode(await reverify(browser, { strategy: 'email_code', code: '000000' }))).toBe('verification_missing');
    expect(errorCode(await reverify(browser, { strategy: 'password', password: 'anything-at-all' }))).toBe('strategy_for_user_invalid');

    const sent = test.outbox.length;
    const prepared = await browser.call('POST', '/v1/me/reverification/prepare', { strategy: 'email_code' });
    expect(prepared.json.response).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    expect(test.outbox.slice(sent)).toEqual([expect.objectContaining({ to: ada.emailAddress, kind: 'reverification_code' })]);
    const code = test.latestCode(ada.emailAddress);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(errorCode(await reverify(browser, { strategy: 'email_code', code: wrong }))).toBe('form_code_incorrect');
    expect((await reverify(browser, { strategy: 'email_code', code })).status).toBe(200);
    expect(errorCode(await reverify(browser, { strategy: 'email_code', code }))).toBe('verification_missing');
    expect((await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'new@example.com' })).status).toBe(200);
  });

  it('a correct current password is the verification for a password change, a wrong one counts', async () => {
    const { test, browser } = await passwordUser();
    test.clock.advance(tenMinutes + 1);
    const wrong = await browser.call('POST', '/v1/me/change_password', { currentPassword: 'not-it', newPassword: 'a-brand-new-passphrase' });
    expect(errorCode(wrong)).toBe('form_password_incorrect');
    const changed = await browser.call('POST', '/v1/me/change_password', { currentPassword: ada.password, newPassword: 'a-brand-new-passphrase' });
    expect(changed.status).toBe(200);
    // It proves the password for this one change, not for the next sensitive action.
    expectReverificationRequired(await browser.call('DELETE', '/v1/me'), ['password']);
  });

  it('wrong reverification attempts lock the account, sign-in included', async () => {
    const { test, browser } = await passwordUser();
    test.clock.advance(tenMinutes + 1);
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(errorCode(await reverify(browser, { strategy: 'password', password: `wrong-${attempt}` }))).toBe('form_password_incorrect');
    }
    const locked = await reverify(browser, { strategy: 'password', password: ada.password });
    expect(locked.status).toBe(429);
    expect(errorCode(locked)).toBe('user_locked');
    const signIn = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(errorCode(signIn)).toBe('user_locked');
  });

  it('needs a signed-in session', async () => {
    const test = createTestServer();
    const reply = await test.browser().call('POST', '/v1/me/reverification/attempt', { strategy: 'password', password: ada.password });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('authentication_invalid');
  });
});
