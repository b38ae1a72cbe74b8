import { describe, expect, it } from 'vitest';
import type { SignUpJSON } from '@latch/protocol';
import { createTestServer, errorCode, type TestBrowser, type TestServer } from './helpers';

const grace = { emailAddress: 'grace@example.com', password: 'a-long-unusual-phrase' };

/** A sign-up waiting for its code: no account lockout applies, so only the code rules are at work. */
async function pendingSignUp(test: TestServer): Promise<{ browser: TestBrowser; id: string; code: string }> {
  const browser = test.browser();
  const created = await browser.call('POST', '/v1/client/sign_ups', grace);
  const id = (created.json.response as SignUpJSON).id;
  await prepare(browser, id);
  return { browser, id, code: test.latestCode(grace.emailAddress) };
}

function prepare(browser: TestBrowser, id: string) {
  return browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
}

function attempt(browser: TestBrowser, id: string, code: string) {
  return browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code });
}

function wrong(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

describe('email codes', () => {
  it('are 6 digits, mailed once, and stored only as a hash', async () => {
    const test = createTestServer();
    const store = test.server.store;
    const { browser, id, code } = await pendingSignUp(test);
    expect(code).toMatch(/^\d{6}$/);
    const signUp = (await browser.client())?.signUp;
    expect(signUp?.verifications.emailAddress).toMatchObject({ status: 'unverified', strategy: 'email_code', attempts: 0 });
    expect(signUp?.verifications.emailAddress?.expireAt).toBe(test.clock.now() + 10 * 60 * 1000);
    const record = await store.get('signUps', id);
    const stored = await store.get('verifications', record?.emailVerification?.codeId ?? '');
    expect(stored?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it('expire after 10 minutes', async () => {
    const test = createTestServer();
    const { browser, id, code } = await pendingSignUp(test);
    test.clock.advance(10 * 60 * 1000);
    const reply = await attempt(browser, id, code);
    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe('verification_expired');
    expect((await browser.client())?.signUp?.verifications.emailAddress?.status).toBe('expired');
  });

  it('work just before expiry', async () => {
    const test = createTestServer();
    const { browser, id, code } = await pendingSignUp(test);
    test.clock.advance(10 * 60 * 1000 - 1);
    expect(((await attempt(browser, id, code)).json.response as SignUpJSON).status).toBe('complete');
  });

  it('work once, even when sent twice at the same instant', async () => {
    const test = createTestServer({ settings: { multiSession: true } });
    const { browser, id, code } = await pendingSignUp(test);
    const replies = await Promise.all([attempt(browser, id, code), attempt(browser, id, code)]);
    const [won, lost] = replies.map((r) => r.status).sort();
    expect(won).toBe(200);
    // The loser finds the code used (422), or, when the winner has already rotated the
    // client token (a SQL store lets the two interleave that way), no client at all (401).
    expect([401, 422]).toContain(lost);
  });

  it('die after 5 wrong tries: the right code then fails too', async () => {
    const test = createTestServer();
    const { browser, id, code } = await pendingSignUp(test);
    for (let i = 0; i < 5; i++) expect(errorCode(await attempt(browser, id, wrong(code)))).toBe('form_code_incorrect');
    expect((await browser.client())?.signUp?.verifications.emailAddress).toMatchObject({ status: 'failed', attempts: 5 });
    const reply = await attempt(browser, id, code);
    expect(errorCode(reply)).toBe('verification_failed');
  });

  it('keep the failure count across a resend', async () => {
    const test = createTestServer();
    const { browser, id, code } = await pendingSignUp(test);
    for (let i = 0; i < 3; i++) await attempt(browser, id, wrong(code));
    await prepare(browser, id);
    const fresh = test.latestCode(grace.emailAddress);
    // The old code was replaced: it is now just a wrong code, the 4th; a 5th wrong one kills the fresh code.
    if (code !== fresh) expect(errorCode(await attempt(browser, id, code))).toBe('form_code_incorrect');
    else await attempt(browser, id, wrong(fresh));
    expect(errorCode(await attempt(browser, id, wrong(fresh)))).toBe('form_code_incorrect');
    expect(errorCode(await attempt(browser, id, fresh))).toBe('verification_failed');
  });

  it('evaluate at most 5 of 50 parallel wrong guesses', async () => {
    const test = createTestServer();
    const { browser, id, code } = await pendingSignUp(test);
    const replies = await Promise.all(Array.from({ length: 50 }, () => attempt(browser, id, wrong(code))));
    const codes = replies.map(errorCode);
    expect(codes.filter((c) => c === 'form_code_incorrect')).toHaveLength(5);
    expect(codes.filter((c) => c === 'verification_failed')).toHaveLength(45);
    expect(replies.every((r) => r.status === 422)).toBe(true);
    expect(errorCode(await attempt(browser, id, code))).toBe('verification_failed');
  });

  it('must be requested before they can be attempted', async () => {
    const test = createTestServer();
    const browser = test.browser();
    const created = await browser.call('POST', '/v1/client/sign_ups', grace);
    const reply = await attempt(browser, (created.json.response as SignUpJSON).id, '123456');
    expect(errorCode(reply)).toBe('verification_missing');
  });
});
