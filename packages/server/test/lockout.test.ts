import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { SignInJSON } from '@latch/protocol';
import { devOnlyFastHashing, type PasswordHashing } from '@latch/server';
import { ada, createTestServer, errorCode, type TestBrowser, type TestServer } from './helpers';

const hour = 60 * 60 * 1000;

async function withAda() {
  const test = createTestServer();
  await test.server.admin.createUser(ada);
  return test;
}

/** Each guess from a fresh browser: the lock is per account, not per client or IP. */
function guess(test: TestServer, password: string) {
  return test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password });
}

describe('account lockout', () => {
  it('locks after 10 wrong passwords: the 11th try is 429 with Retry-After, even with the right password', async () => {
    const test = await withAda();
    for (let i = 0; i < 10; i++) expect(errorCode(await guess(test, `wrong-${i}-password`))).toBe('form_password_incorrect');
    const locked = await guess(test, ada.password);
    expect(locked.status).toBe(429);
    expect(errorCode(locked)).toBe('user_locked');
    expect(locked.headers.get('retry-after')).toBe('3600');
    expect(locked.json.errors?.[0]?.meta?.retryAfterSeconds).toBe(3600);
  });

  it('ends after one hour', async () => {
    const test = await withAda();
    for (let i = 0; i < 10; i++) await guess(test, 'wrong-password!');
    test.clock.advance(hour - 60_000);
    const stillLocked = await guess(test, ada.password);
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.headers.get('retry-after')).toBe('60');
    test.clock.advance(60_000);
    const reply = await guess(test, ada.password);
    expect((reply.json.response as SignInJSON).status).toBe('complete');
  });

  it('gives a fresh 10 tries after the lock ends', async () => {
    const test = await withAda();
    for (let i = 0; i < 10; i++) await guess(test, 'wrong-password!');
    test.clock.advance(hour);
    for (let i = 0; i < 9; i++) expect(errorCode(await guess(test, 'wrong-password!'))).toBe('form_password_incorrect');
    expect((await guess(test, ada.password)).status).toBe(200);
  });

  it('resets the count on a completed sign-in', async () => {
    const test = await withAda();
    for (let i = 0; i < 9; i++) await guess(test, 'wrong-password!');
    expect((await guess(test, ada.password)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect(errorCode(await guess(test, 'wrong-password!'))).toBe('form_password_incorrect');
    expect((await guess(test, ada.password)).status).toBe(200);
  });

  it('counts password and email-code failures together', async () => {
    const test = await withAda();
    for (let i = 0; i < 5; i++) await guess(test, 'wrong-password!');
    const browser = test.browser();
    const signIn = (await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as SignInJSON;
    const factor = signIn.supportedFirstFactors.find((f) => f.strategy === 'email_code');
    const emailAddressId = factor && 'emailAddressId' in factor ? factor.emailAddressId : '';
    await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_code', emailAddressId });
    const code = test.latestCode(ada.emailAddress);
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code: wrongCode });
      expect(errorCode(reply)).toBe('form_code_incorrect');
    }
    expect(errorCode(await guess(test, ada.password))).toBe('user_locked');
  });

  it('sends no email while the account is locked: no sign-in code, no reset code', async () => {
    const test = await withAda();
    for (let i = 0; i < 10; i++) await guess(test, 'wrong-password!');
    const browser = test.browser();
    const signIn = (await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as SignInJSON;
    for (const strategy of ['email_code', 'reset_password_email_code'] as const) {
      const factor = signIn.supportedFirstFactors.find((f) => f.strategy === strategy);
      const emailAddressId = factor && 'emailAddressId' in factor ? factor.emailAddressId : '';
      const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy, emailAddressId });
      expect(reply.status).toBe(429);
      expect(errorCode(reply)).toBe('user_locked');
    }
    expect(test.outbox).toEqual([]);
  });

  it('evaluates at most 10 of 30 parallel guesses', async () => {
    const test = await withAda();
    const replies = await Promise.all(Array.from({ length: 30 }, () => guess(test, 'wrong-password!')));
    const codes = replies.map(errorCode);
    expect(codes.filter((c) => c === 'form_password_incorrect')).toHaveLength(10);
    expect(codes.filter((c) => c === 'user_locked')).toHaveLength(20);
    expect(errorCode(await guess(test, ada.password))).toBe('user_locked');
  });
});

const totpSecret = 'JBSWY3DPEHPK3PXP';

function totpAt(timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(totpSecret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/** A TOTP code that is wrong now and for the steps either side. */
function wrongTotp(test: TestServer): string {
  const now = test.clock.now();
  const valid = new Set([totpAt(now - 30_000), totpAt(now), totpAt(now + 30_000)]);
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Password right, then a second factor: the attacker who knows the password. */
async function passwordRound(test: TestServer): Promise<{ browser: TestBrowser; signIn: SignInJSON }> {
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  expect(signIn.status).toBe('needs_second_factor');
  return { browser, signIn };
}

function secondFactor(browser: TestBrowser, signIn: SignInJSON, strategy: 'totp' | 'backup_code', code: string) {
  return browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy, code });
}

describe('one lockout for every factor', () => {
  async function withTotpAda() {
    const test = createTestServer();
    await test.server.admin.createUser({ ...ada, totpSecret, backupCodes: ['11111111'] });
    return test;
  }

  for (const strategy of ['totp', 'backup_code'] as const) {
    it(`a known password does not reset the count: 10 wrong ${strategy} codes over 4 rounds lock the account`, async () => {
      const test = await withTotpAda();
      const wrong = strategy === 'totp' ? wrongTotp(test) : '99999999';
      for (let round = 0; round < 4; round++) {
        const { browser, signIn } = await passwordRound(test);
        for (let i = 0; i < 3 && round * 3 + i < 10; i++) {
          expect(errorCode(await secondFactor(browser, signIn, strategy, wrong))).toBe('form_code_incorrect');
        }
      }
      const locked = await guess(test, ada.password);
      expect(locked.status).toBe(429);
      expect(errorCode(locked)).toBe('user_locked');
      expect(locked.headers.get('retry-after')).toBe('3600');
    });
  }

  it('a second factor that is locked mid-round stays locked, even with the right code, until the hour is over', async () => {
    const test = await withTotpAda();
    const { browser, signIn } = await passwordRound(test);
    for (let i = 0; i < 9; i++) await guess(test, 'wrong-password!');
    expect(errorCode(await secondFactor(browser, signIn, 'totp', wrongTotp(test)))).toBe('form_code_incorrect');
    const refused = await secondFactor(browser, signIn, 'totp', totpAt(test.clock.now()));
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('user_locked');
    test.clock.advance(hour);
    const next = await passwordRound(test);
    expect((await secondFactor(next.browser, next.signIn, 'totp', totpAt(test.clock.now()))).status).toBe(200);
  });

  it('a completed sign-in with both factors resets the count', async () => {
    const test = await withTotpAda();
    for (let i = 0; i < 9; i++) await guess(test, 'wrong-password!');
    const { browser, signIn } = await passwordRound(test);
    expect((await secondFactor(browser, signIn, 'totp', totpAt(test.clock.now()))).status).toBe(200);
    for (let i = 0; i < 9; i++) expect(errorCode(await guess(test, 'wrong-password!'))).toBe('form_password_incorrect');
    expect((await passwordRound(test)).signIn.status).toBe('needs_second_factor');
  });

  it('wrong current passwords on the password change count toward the lock', async () => {
    const test = await withAda();
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    for (let i = 0; i < 10; i++) {
      const reply = await browser.call('POST', '/v1/me/change_password', { currentPassword: 'wrong-password!', newPassword: 'a-new-long-password' });
      expect(errorCode(reply)).toBe('form_password_incorrect');
    }
    expect(errorCode(await guess(test, ada.password))).toBe('user_locked');
  });
});

describe('parallel checks', () => {
  /** Fast hashing that counts the passwords it compares. */
  function countingHashing(): PasswordHashing & { verified: number } {
    const counting = {
      verified: 0,
      hash: (password: string) => devOnlyFastHashing.hash(password),
      async verify(password: string, stored: string) {
        counting.verified++;
        return devOnlyFastHashing.verify(password, stored);
      },
    };
    return counting;
  }

  it('evaluates at most 10 of 50 parallel wrong passwords', async () => {
    const hashing = countingHashing();
    const test = createTestServer({ hashing });
    await test.server.admin.createUser(ada);
    const replies = await Promise.all(Array.from({ length: 50 }, () => guess(test, 'wrong-password!')));
    expect(hashing.verified).toBe(10);
    expect(replies.map(errorCode).filter((code) => code === 'form_password_incorrect')).toHaveLength(10);
    expect(replies.filter((reply) => reply.status === 429)).toHaveLength(40);
    expect(errorCode(await guess(test, ada.password))).toBe('user_locked');
  });

  it('lets 12 concurrent correct sign-ins to one account all succeed', async () => {
    const test = await withAda();
    const replies = await Promise.all(Array.from({ length: 12 }, () => guess(test, ada.password)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(12).fill(200));
    expect(replies.map((reply) => (reply.json.response as SignInJSON).status)).toEqual(Array(12).fill('complete'));
  });
});
