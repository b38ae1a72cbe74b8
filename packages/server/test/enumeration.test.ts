import { describe, expect, it } from 'vitest';
import type { SignInJSON } from '@latch/protocol';
import { devOnlyFastHashing, type PasswordHashing } from '@latch/server';
import { ada, createTestServer, errorCode, type TestBrowser } from './helpers';

/** Fast hashing that counts what it hashes and verifies. */
function countingHashing(): PasswordHashing & { calls: number } {
  const counting = {
    calls: 0,
    hash(password: string) {
      counting.calls++;
      return devOnlyFastHashing.hash(password);
    },
    verify(password: string, stored: string) {
      counting.calls++;
      return devOnlyFastHashing.verify(password, stored);
    },
  };
  return counting;
}

/** The JSON with every value replaced by its type: two answers of one shape compare equal. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  return value === null ? null : typeof value;
}

async function withAda(options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer(options);
  await test.server.admin.createUser({ ...ada, username: 'ada' });
  return test;
}

function start(browser: TestBrowser, identifier: string, password?: string) {
  return browser.call('POST', '/v1/client/sign_ins', password === undefined ? { identifier } : { identifier, password });
}

function emailFactor(signIn: SignInJSON, strategy: 'email_code' | 'reset_password_email_code') {
  const factor = signIn.supportedFirstFactors.find((f) => f.strategy === strategy);
  if (!factor || !('emailAddressId' in factor)) throw new Error(`no ${strategy} factor`);
  return factor;
}

describe('enumeration protection (on by default)', () => {
  it('a known and an unknown email with a wrong password: same status, same shape, one hash each', async () => {
    const hashing = countingHashing();
    const test = await withAda({ hashing });
    // The dummy hash is made once per server, on first use; do that before counting.
    await start(test.browser(), 'warm-up@example.com', 'whatever-it-is');
    const replies = [];
    for (const identifier of ['ada@example.com', 'nobody@example.com']) {
      hashing.calls = 0;
      const reply = await start(test.browser(), identifier, 'not-the-password');
      replies.push({ status: reply.status, shape: shapeOf(reply.json), code: errorCode(reply), hashes: hashing.calls });
    }
    expect(replies[0]).toEqual({ status: 422, shape: replies[1]?.shape, code: 'form_password_incorrect', hashes: 1 });
    expect(replies[1]).toMatchObject({ status: 422, code: 'form_password_incorrect', hashes: 1 });
  });

  it('a known and an unknown identifier without a password: the same sign-in, masked, with nothing about the account', async () => {
    const test = await withAda({ settings: { identifiers: { username: true } } });
    const known = await start(test.browser(), 'Ada@Example.com');
    const unknown = await start(test.browser(), 'Nobody@Example.com');
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(shapeOf(known.json)).toEqual(shapeOf(unknown.json));
    for (const [reply, masked] of [
      [known, 'a***@example.com'],
      [unknown, 'n***@example.com'],
    ] as const) {
      const signIn = reply.json.response as SignInJSON;
      expect(signIn).toMatchObject({ status: 'needs_first_factor', identifier: masked, userData: null, supportedSecondFactors: [] });
      expect(signIn.supportedFirstFactors.map((f) => f.strategy)).toEqual(['password', 'email_code', 'reset_password_email_code']);
      expect(emailFactor(signIn, 'email_code')).toMatchObject({ safeIdentifier: masked, emailAddressId: expect.stringMatching(/^idn_/) });
      const text = JSON.stringify(reply.json);
      expect(text).not.toMatch(/ada@example\.com|nobody@example\.com|Ada|Lovelace|imageUrl":"/i);
    }
    // Typed as a username: the address behind it stays hidden, domain too.
    const byUsername = (await start(test.browser(), 'ada')).json.response as SignInJSON;
    const byUnknownUsername = (await start(test.browser(), 'nobody')).json.response as SignInJSON;
    expect(emailFactor(byUsername, 'email_code').safeIdentifier).toBe('a***@***');
    expect(emailFactor(byUnknownUsername, 'email_code').safeIdentifier).toBe('n***@***');
    expect(shapeOf(byUsername)).toEqual(shapeOf(byUnknownUsername));
  });

  it('an unknown email: the code is "sent" to nobody, and every code attempt fails like a wrong one', async () => {
    const test = await withAda();
    const browser = test.browser();
    const signIn = (await start(browser, 'nobody@example.com')).json.response as SignInJSON;
    const factor = emailFactor(signIn, 'email_code');
    const prepared = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_code', emailAddressId: factor.emailAddressId });
    expect(prepared.status).toBe(200);
    expect((prepared.json.response as SignInJSON).firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    expect(test.outbox).toEqual([]);
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code: String(i).repeat(6) });
      codes.push(errorCode(reply));
    }
    // As for a real code: 5 wrong tries, then the code is dead.
    expect(codes).toEqual([...Array(5).fill('form_code_incorrect'), 'verification_failed']);
  });

  it('a known email: the code goes to the account, and only to it', async () => {
    const test = await withAda();
    const browser = test.browser();
    const signIn = (await start(browser, 'ada@example.com')).json.response as SignInJSON;
    const factor = emailFactor(signIn, 'email_code');
    await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_code', emailAddressId: factor.emailAddressId });
    expect(test.outbox.map((email) => email.to)).toEqual(['ada@example.com']);
    const done = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code: test.latestCode('ada@example.com') });
    expect((done.json.response as SignInJSON).status).toBe('complete');
  });

  it('after the first factor, the sign-in shows what the second-factor step needs', async () => {
    const test = createTestServer();
    await test.server.admin.createUser({ ...ada, totpSecret: 'JBSWY3DPEHPK3PXP' });
    const signIn = await test.browser().signInWithPassword(ada.emailAddress, ada.password);
    expect(signIn).toMatchObject({
      status: 'needs_second_factor',
      identifier: ada.emailAddress,
      userData: { firstName: 'Ada', lastName: 'Lovelace', imageUrl: null },
      supportedSecondFactors: [{ strategy: 'totp' }],
    });
  });

  it('an account without a password answers a password like a wrong one, after one hash', async () => {
    const hashing = countingHashing();
    const test = createTestServer({ hashing });
    await test.server.admin.createUser({ emailAddress: 'grace@example.com' });
    await start(test.browser(), 'warm-up@example.com', 'whatever-it-is');
    hashing.calls = 0;
    const reply = await start(test.browser(), 'grace@example.com', 'any-password-at-all');
    expect(errorCode(reply)).toBe('form_password_incorrect');
    expect(hashing.calls).toBe(1);
  });

  it('is a setting: off, an unknown identifier is form_identifier_not_found and the account shows its factors', async () => {
    const test = await withAda({ settings: { enumerationProtection: false } });
    expect(errorCode(await start(test.browser(), 'nobody@example.com'))).toBe('form_identifier_not_found');
    const signIn = (await start(test.browser(), 'ada@example.com')).json.response as SignInJSON;
    expect(signIn.userData?.firstName).toBe('Ada');
    expect(emailFactor(signIn, 'email_code').safeIdentifier).toBe('ada@example.com');
    expect(test.server.environment().enumerationProtection).toBe(false);
    expect(createTestServer().server.environment().enumerationProtection).toBe(true);
  });
});

