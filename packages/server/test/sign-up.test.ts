import { describe, expect, it } from 'vitest';
import type { SignUpJSON, UserJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, paramName } from './helpers';

const grace = { emailAddress: 'Grace@Example.com', password: 'a-long-unusual-phrase', firstName: 'Grace', lastName: 'Hopper' };

describe('sign-up', () => {
  it('creates the user and the session only once the email is verified', async () => {
    const test = createTestServer();
    const browser = test.browser();
    const created = await browser.call('POST', '/v1/client/sign_ups', grace);
    const signUp = created.json.response as SignUpJSON;
    expect(signUp).toMatchObject({
      status: 'missing_requirements',
      emailAddress: 'grace@example.com',
      firstName: 'Grace',
      passwordEnabled: true,
      requiredFields: ['emailAddress', 'password'],
      optionalFields: ['firstName', 'lastName'],
      missingFields: [],
      unverifiedFields: ['emailAddress'],
      createdUserId: null,
    });
    expect((await browser.call('GET', `/v1/client/sign_ups/${signUp.id}`)).json.response).toEqual(signUp);
    const early = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: 'grace@example.com', password: grace.password });
    expect(errorCode(early)).toBe('form_password_incorrect');

    await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    expect(test.outbox[0]).toMatchObject({ to: 'grace@example.com', kind: 'sign_up_code' });
    const tokenBefore = browser.token;
    const done = await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/attempt_verification`, { code: test.latestCode('grace@example.com') });
    const complete = done.json.response as SignUpJSON;
    expect(complete.status).toBe('complete');
    expect(complete.createdUserId).toMatch(/^user_/);
    expect(browser.token).not.toBe(tokenBefore);

    const client = done.json.client;
    expect(client?.lastActiveSessionId).toBe(complete.createdSessionId);
    expect(client?.signUp).toBeNull();
    const user = (await browser.call('GET', '/v1/me')).json.response as UserJSON;
    expect(user).toMatchObject({ id: complete.createdUserId, firstName: 'Grace', passwordEnabled: true });
    expect(user.emailAddresses[0]).toMatchObject({ emailAddress: 'grace@example.com', verification: { status: 'verified' } });
    expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]?.id);
    expect((await test.browser().signInWithPassword('grace@example.com', grace.password)).status).toBe('complete');
  });

  it('refuses an email that is taken, at creation', async () => {
    const test = createTestServer();
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    const reply = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'ADA@example.com', password: 'a-long-unusual-phrase' });
    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe('form_identifier_exists');
    expect(paramName(reply)).toBe('emailAddress');
    expect(browser.token).toBeNull();
  });

  it('refuses an email taken in the meantime, at completion', async () => {
    const test = createTestServer();
    const browser = test.browser();
    const signUp = (await browser.call('POST', '/v1/client/sign_ups', grace)).json.response as SignUpJSON;
    await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    const code = test.latestCode('grace@example.com');
    await test.browser().signUp(test, grace);
    const reply = await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/attempt_verification`, { code });
    expect(errorCode(reply)).toBe('form_identifier_exists');
    expect(paramName(reply)).toBe('emailAddress');
    expect((await browser.client())?.sessions).toEqual([]);
  });

  it('lets exactly one of many parallel sign-ups with one email succeed', async () => {
    // Eight emails to one address in a burst: above the default per-address email limit.
    const test = createTestServer({ rateLimits: { emailsPerAddress: { max: 8, windowMs: 60_000 } } });
    // One after another, so each browser takes the code its own prepare mailed; the race is in the attempts.
    const pending = [];
    for (let i = 0; i < 8; i++) {
      const browser = test.browser();
      const signUp = (await browser.call('POST', '/v1/client/sign_ups', grace)).json.response as SignUpJSON;
      await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
      pending.push({ browser, id: signUp.id, code: test.latestCode('grace@example.com') });
    }
    const replies = await Promise.all(
      pending.map(({ browser, id, code }) => browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => errorCode(r) === 'form_identifier_exists')).toHaveLength(7);
  });

  it('waits for required fields, then completes on update', async () => {
    const test = createTestServer({ settings: { signUp: { fields: { firstName: 'required', username: 'optional' } } } });
    const browser = test.browser();
    const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: grace.password });
    const signUp = created.json.response as SignUpJSON;
    expect(signUp.missingFields).toEqual(['firstName']);
    await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    const verified = await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/attempt_verification`, { code: test.latestCode('grace@example.com') });
    expect(verified.json.response).toMatchObject({ status: 'missing_requirements', unverifiedFields: [], missingFields: ['firstName'] });
    const done = await browser.call('PATCH', `/v1/client/sign_ups/${signUp.id}`, { firstName: 'Grace', username: 'Grace_H' });
    expect(done.json.response).toMatchObject({ status: 'complete', firstName: 'Grace', username: 'grace_h' });
  });

  it('checks usernames: format and uniqueness', async () => {
    const test = createTestServer({ settings: { signUp: { fields: { username: 'optional' } } } });
    await test.server.admin.createUser({ ...ada, username: 'ada' });
    const browser = test.browser();
    const taken = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'g@example.com', username: 'ADA' });
    expect(errorCode(taken)).toBe('form_username_exists');
    for (const username of ['ab', 'has space', 'x'.repeat(65), 'émile']) {
      const reply = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'g@example.com', username });
      expect(errorCode(reply)).toBe('form_param_format_invalid');
      expect(paramName(reply)).toBe('username');
    }
  });

  it('refuses a malformed email address', async () => {
    const test = createTestServer();
    for (const emailAddress of ['no-at-sign', 'two@@example.com', 'spaces in@example.com', 'a@b']) {
      const reply = await test.browser().call('POST', '/v1/client/sign_ups', { emailAddress });
      expect(errorCode(reply)).toBe('form_param_format_invalid');
    }
  });

  it('changing the email address asks for a new verification', async () => {
    const test = createTestServer();
    const browser = test.browser();
    const signUp = (await browser.call('POST', '/v1/client/sign_ups', grace)).json.response as SignUpJSON;
    await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    const code = test.latestCode('grace@example.com');
    await browser.call('PATCH', `/v1/client/sign_ups/${signUp.id}`, { emailAddress: 'hopper@example.com' });
    const reply = await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/attempt_verification`, { code });
    expect(errorCode(reply)).toBe('verification_missing');
  });

  it('can be turned off', async () => {
    const test = createTestServer({ settings: { signUp: { enabled: false } } });
    const reply = await test.browser().call('POST', '/v1/client/sign_ups', grace);
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('feature_disabled');
  });

  it('single-session: a signed-in browser cannot start a sign-up', async () => {
    const test = createTestServer();
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    expect(errorCode(await browser.call('POST', '/v1/client/sign_ups', grace))).toBe('identifier_already_signed_in');
  });
});
