import { describe, expect, it } from 'vitest';
import type { SignInJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, type TestServer } from './helpers';

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

  it('resets the count on success', async () => {
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

  it('evaluates at most 10 of 30 parallel guesses', async () => {
    const test = await withAda();
    const replies = await Promise.all(Array.from({ length: 30 }, () => guess(test, 'wrong-password!')));
    const codes = replies.map(errorCode);
    expect(codes.filter((c) => c === 'form_password_incorrect')).toHaveLength(10);
    expect(codes.filter((c) => c === 'user_locked')).toHaveLength(20);
    expect(errorCode(await guess(test, ada.password))).toBe('user_locked');
  });
});
