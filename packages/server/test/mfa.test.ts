import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { SignInJSON, TotpJSON, UserJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, type TestBrowser, type TestServer } from './helpers';

const secret = 'JBSWY3DPEHPK3PXP';

function totpAt(base32: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

async function withTotpUser() {
  const test = createTestServer();
  await test.server.admin.createUser({ ...ada, totpSecret: secret, backupCodes: ['11111111', 'abcde-fghij'] });
  return test;
}

async function passwordStep(test: TestServer, browser = test.browser()): Promise<{ browser: TestBrowser; signIn: SignInJSON }> {
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { browser, signIn };
}

function secondFactor(browser: TestBrowser, signIn: SignInJSON, strategy: 'totp' | 'backup_code', code: string) {
  return browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy, code });
}

describe('TOTP at sign-in', () => {
  it('asks for a second factor after the password, then completes', async () => {
    const test = await withTotpUser();
    const { browser, signIn } = await passwordStep(test);
    expect(signIn.status).toBe('needs_second_factor');
    expect(signIn.supportedSecondFactors).toEqual([{ strategy: 'totp' }, { strategy: 'backup_code' }]);
    expect(signIn.createdSessionId).toBeNull();
    expect((await browser.client())?.sessions).toEqual([]);
    const prepared = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_second_factor`, { strategy: 'totp' });
    expect((prepared.json.response as SignInJSON).secondFactorVerification?.status).toBe('unverified');
    const done = await secondFactor(browser, signIn, 'totp', totpAt(secret, test.clock.now()));
    expect((done.json.response as SignInJSON).status).toBe('complete');
    expect((await browser.client())?.sessions).toHaveLength(1);
  });

  it('accepts a code one step early or late, not two', async () => {
    const test = await withTotpUser();
    const early = await passwordStep(test);
    expect((await secondFactor(early.browser, early.signIn, 'totp', totpAt(secret, test.clock.now() - 30_000))).status).toBe(200);
    const late = await passwordStep(test);
    expect((await secondFactor(late.browser, late.signIn, 'totp', totpAt(secret, test.clock.now() + 30_000))).status).toBe(200);
    const stale = await passwordStep(test);
    const reply = await secondFactor(stale.browser, stale.signIn, 'totp', totpAt(secret, test.clock.now() - 90_000));
    expect(errorCode(reply)).toBe('form_code_incorrect');
  });

  it('refuses the same code twice', async () => {
    const test = await withTotpUser();
    const code = totpAt(secret, test.clock.now());
    const first = await passwordStep(test);
    expect((await secondFactor(first.browser, first.signIn, 'totp', code)).status).toBe(200);
    const second = await passwordStep(test);
    const replay = await secondFactor(second.browser, second.signIn, 'totp', code);
    expect(errorCode(replay)).toBe('form_code_incorrect');
  });

  it('refuses an older code once a newer one was used: step N, then step N-1', async () => {
    const test = await withTotpUser();
    const first = await passwordStep(test);
    expect((await secondFactor(first.browser, first.signIn, 'totp', totpAt(secret, test.clock.now()))).status).toBe(200);
    const second = await passwordStep(test);
    const older = await secondFactor(second.browser, second.signIn, 'totp', totpAt(secret, test.clock.now() - 30_000));
    expect(errorCode(older)).toBe('form_code_incorrect');
    // The next step's code still works.
    test.clock.advance(30_000);
    expect((await secondFactor(second.browser, second.signIn, 'totp', totpAt(secret, test.clock.now()))).status).toBe(200);
  });

  it('after a code one step early, refuses the current and the previous step', async () => {
    const test = await withTotpUser();
    const early = await passwordStep(test);
    expect((await secondFactor(early.browser, early.signIn, 'totp', totpAt(secret, test.clock.now() + 30_000))).status).toBe(200);
    for (const offset of [0, -30_000]) {
      const { browser, signIn } = await passwordStep(test);
      expect(errorCode(await secondFactor(browser, signIn, 'totp', totpAt(secret, test.clock.now() + offset)))).toBe('form_code_incorrect');
    }
  });

  it('accepts a backup code once, typed in any case or with dashes', async () => {
    const test = await withTotpUser();
    const first = await passwordStep(test);
    expect((await secondFactor(first.browser, first.signIn, 'backup_code', 'ABCDE-FGHIJ')).status).toBe(200);
    const second = await passwordStep(test);
    expect(errorCode(await secondFactor(second.browser, second.signIn, 'backup_code', 'abcdefghij'))).toBe('form_code_incorrect');
    expect((await secondFactor(second.browser, second.signIn, 'backup_code', '11111111')).status).toBe(200);
  });

  it('does not offer backup codes once none are left', async () => {
    const test = createTestServer();
    await test.server.admin.createUser({ ...ada, totpSecret: secret });
    const { browser, signIn } = await passwordStep(test);
    expect(signIn.supportedSecondFactors).toEqual([{ strategy: 'totp' }]);
    const reply = await secondFactor(browser, signIn, 'backup_code', '11111111');
    expect(errorCode(reply)).toBe('strategy_for_user_invalid');
  });
});

describe('TOTP enrollment on /v1/me', () => {
  async function signedIn(test: TestServer) {
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    return browser;
  }

  it('creates a secret, turns on with a first code, hands out backup codes, and turns off', async () => {
    const test = createTestServer({ settings: { applicationName: 'Acme' } });
    const browser = await signedIn(test);
    const created = (await browser.call('POST', '/v1/me/totp')).json.response as TotpJSON;
    expect(created.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(created.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Acme:ada@example.com');
    expect(uri.searchParams.get('issuer')).toBe('Acme');
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('period')).toBe('30');

    expect(((await browser.call('GET', '/v1/me')).json.response as UserJSON).totpEnabled).toBe(false);
    const current = totpAt(created.secret, test.clock.now());
    const wrong = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: current === '000000' ? '111111' : '000000' });
    expect(errorCode(wrong)).toBe('form_code_incorrect');

    const verified = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: current });
    const { backupCodes } = verified.json.response as { backupCodes: string[] };
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    const user = (await browser.call('GET', '/v1/me')).json.response as UserJSON;
    expect(user).toMatchObject({ totpEnabled: true, backupCodeEnabled: true, twoFactorEnabled: true });
    expect(JSON.stringify(user)).not.toContain(created.secret);
    expect(errorCode(await browser.call('POST', '/v1/me/totp'))).toBe('totp_already_enabled');

    const { browser: other, signIn } = await passwordStep(test);
    expect(signIn.status).toBe('needs_second_factor');
    expect((await secondFactor(other, signIn, 'backup_code', backupCodes[0] ?? '')).status).toBe(200);

    const off = await browser.call('DELETE', '/v1/me/totp');
    expect(off.json.response as UserJSON).toMatchObject({ totpEnabled: false, backupCodeEnabled: false });
    expect(errorCode(await browser.call('DELETE', '/v1/me/totp'))).toBe('totp_not_enabled');
    expect((await test.browser().signInWithPassword(ada.emailAddress, ada.password)).status).toBe('complete');
  });

  it('the code that turned TOTP on, and any older one, cannot sign in', async () => {
    const test = createTestServer();
    const browser = await signedIn(test);
    const created = (await browser.call('POST', '/v1/me/totp')).json.response as TotpJSON;
    const verified = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: totpAt(created.secret, test.clock.now()) });
    expect(verified.status).toBe(200);
    for (const offset of [0, -30_000]) {
      const { browser: other, signIn } = await passwordStep(test);
      const reply = await secondFactor(other, signIn, 'totp', totpAt(created.secret, test.clock.now() + offset));
      expect(errorCode(reply)).toBe('form_code_incorrect');
    }
  });

  it('regenerates backup codes: the old ones stop working', async () => {
    const test = createTestServer();
    await test.server.admin.createUser({ ...ada, totpSecret: secret, backupCodes: ['11111111'] });
    const browser = test.browser();
    const { signIn } = await passwordStep(test, browser);
    await secondFactor(browser, signIn, 'totp', totpAt(secret, test.clock.now()));
    const { codes } = (await browser.call('POST', '/v1/me/backup_codes')).json.response as { codes: string[] };
    expect(codes).toHaveLength(10);
    const old = await passwordStep(test);
    expect(errorCode(await secondFactor(old.browser, old.signIn, 'backup_code', '11111111'))).toBe('form_code_incorrect');
    expect((await secondFactor(old.browser, old.signIn, 'backup_code', codes[3] ?? '')).status).toBe(200);
  });

  it('backup codes need TOTP on, and the feature can be turned off', async () => {
    const test = createTestServer();
    const browser = await signedIn(test);
    expect(errorCode(await browser.call('POST', '/v1/me/backup_codes'))).toBe('totp_not_enabled');
    const off = createTestServer({ settings: { mfa: { enabled: false } } });
    const offBrowser = await signedIn(off);
    const reply = await offBrowser.call('POST', '/v1/me/totp');
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('feature_disabled');
  });
});
