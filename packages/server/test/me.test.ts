import { describe, expect, it } from 'vitest';
import type { EmailAddressJSON, UserJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, paramName, type TestBrowser, type TestServer } from './helpers';

const tinyPng = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function pngOfSize(bytes: number): string {
  const data = new Uint8Array(bytes);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return `data:image/png;base64,${Buffer.from(data).toString('base64')}`;
}

async function signedIn(options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer(options);
  await test.server.admin.createUser(ada);
  const browser = test.browser();
  const sessionId = (await browser.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId ?? '';
  return { test, browser, sessionId };
}

async function me(browser: TestBrowser): Promise<UserJSON> {
  return (await browser.call('GET', '/v1/me')).json.response as UserJSON;
}

describe('profile', () => {
  it('reads and updates names; null clears', async () => {
    const { browser } = await signedIn();
    expect(await me(browser)).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', passwordEnabled: true });
    const updated = await browser.call('PATCH', '/v1/me', { firstName: '  Augusta ', lastName: null });
    expect(updated.json.response).toMatchObject({ firstName: 'Augusta', lastName: null });
    expect(updated.json.client?.sessions[0]?.user.firstName).toBe('Augusta');
  });

  it('sets a unique, well-formed username', async () => {
    const { test, browser } = await signedIn();
    await test.server.admin.createUser({ emailAddress: 'grace@example.com', username: 'grace' });
    expect((await browser.call('PATCH', '/v1/me', { username: 'Ada.L' })).json.response).toMatchObject({ username: 'ada.l' });
    const taken = await browser.call('PATCH', '/v1/me', { username: 'GRACE' });
    expect(errorCode(taken)).toBe('form_username_exists');
    expect(paramName(taken)).toBe('username');
    expect(errorCode(await browser.call('PATCH', '/v1/me', { username: 'a!' }))).toBe('form_param_format_invalid');
    expect((await browser.call('PATCH', '/v1/me', { username: null })).json.response).toMatchObject({ username: null });
  });

  it('sets and removes a profile image', async () => {
    const { browser } = await signedIn();
    expect(((await browser.call('PATCH', '/v1/me', { imageUrl: tinyPng })).json.response as UserJSON).imageUrl).toBe(tinyPng);
    const big = pngOfSize(512 * 1024);
    expect(((await browser.call('PATCH', '/v1/me', { imageUrl: big })).json.response as UserJSON).imageUrl).toBe(big);
    expect(((await browser.call('PATCH', '/v1/me', { imageUrl: null })).json.response as UserJSON).imageUrl).toBeNull();
  });

  it('refuses images that are too large, of another type, or not what they claim', async () => {
    const { browser } = await signedIn();
    const tooBig = await browser.call('PATCH', '/v1/me', { imageUrl: pngOfSize(512 * 1024 + 1) });
    expect(tooBig.status).toBe(422);
    expect(errorCode(tooBig)).toBe('form_param_too_long');
    expect(paramName(tooBig)).toBe('imageUrl');
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`;
    const disguised = `data:image/png;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}`;
    for (const imageUrl of [svg, disguised, 'https://example.com/a.png', 'data:image/png;base64,%%%']) {
      const reply = await browser.call('PATCH', '/v1/me', { imageUrl });
      expect(reply.status).toBe(422);
      expect(errorCode(reply)).toBe('form_param_format_invalid');
      expect(paramName(reply)).toBe('imageUrl');
    }
    expect((await me(browser)).imageUrl).toBeNull();
  });
});

describe('email addresses', () => {
  async function addVerified(test: TestServer, browser: TestBrowser, address: string): Promise<EmailAddressJSON> {
    const added = (await browser.call('POST', '/v1/me/email_addresses', { emailAddress: address })).json.response as EmailAddressJSON;
    await browser.call('POST', `/v1/me/email_addresses/${added.id}/prepare_verification`);
    const code = test.latestCode(address.toLowerCase());
    return (await browser.call('POST', `/v1/me/email_addresses/${added.id}/attempt_verification`, { code })).json.response as EmailAddressJSON;
  }

  it('adds, verifies, makes primary and removes', async () => {
    const { test, browser } = await signedIn();
    const original = (await me(browser)).primaryEmailAddressId;
    const added = await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'Augusta@Example.com' });
    const email = added.json.response as EmailAddressJSON;
    expect(email).toMatchObject({ emailAddress: 'augusta@example.com', verification: { status: 'unverified' } });
    expect(errorCode(await browser.call('POST', `/v1/me/email_addresses/${email.id}/make_primary`))).toBe('email_address_not_verified');

    const prepared = await browser.call('POST', `/v1/me/email_addresses/${email.id}/prepare_verification`);
    expect((prepared.json.response as EmailAddressJSON).verification.strategy).toBe('email_code');
    expect(test.outbox.at(-1)).toMatchObject({ to: 'augusta@example.com', kind: 'verify_email_code' });
    const wrong = await browser.call('POST', `/v1/me/email_addresses/${email.id}/attempt_verification`, { code: 'abcdef' });
    expect(errorCode(wrong)).toBe('form_code_incorrect');
    const verified = await browser.call('POST', `/v1/me/email_addresses/${email.id}/attempt_verification`, {
      code: test.latestCode('augusta@example.com'),
    });
    expect((verified.json.response as EmailAddressJSON).verification.status).toBe('verified');

    const primary = await browser.call('POST', `/v1/me/email_addresses/${email.id}/make_primary`);
    expect((primary.json.response as UserJSON).primaryEmailAddressId).toBe(email.id);
    const removed = await browser.call('DELETE', `/v1/me/email_addresses/${original}`);
    expect(removed.json.response).toEqual({ id: original, deleted: true });
    expect((await me(browser)).emailAddresses.map((e) => e.emailAddress)).toEqual(['augusta@example.com']);
    expect((await test.browser().signInWithPassword('augusta@example.com', ada.password)).status).toBe('complete');
  });

  it('never removes the last verified address, nor the primary one', async () => {
    const { test, browser } = await signedIn();
    const primaryId = (await me(browser)).primaryEmailAddressId;
    const last = await browser.call('DELETE', `/v1/me/email_addresses/${primaryId}`);
    expect(last.status).toBe(422);
    expect(errorCode(last)).toBe('last_verified_email_address');
    await addVerified(test, browser, 'second@example.com');
    expect(errorCode(await browser.call('DELETE', `/v1/me/email_addresses/${primaryId}`))).toBe('email_address_is_primary');
  });

  it('refuses an address someone has verified, and one the user already has', async () => {
    const { test, browser } = await signedIn();
    await test.server.admin.createUser({ emailAddress: 'grace@example.com' });
    expect(errorCode(await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'grace@example.com' }))).toBe('form_identifier_exists');
    await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'new@example.com' });
    expect(errorCode(await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'NEW@example.com' }))).toBe('form_identifier_exists');
  });

  it("cannot touch another user's address", async () => {
    const { test, browser } = await signedIn();
    const grace = await test.server.admin.createUser({ emailAddress: 'grace@example.com' });
    const reply = await browser.call('DELETE', `/v1/me/email_addresses/${grace.primaryEmailAddressId}`);
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('email_address_not_found');
  });
});

describe('change password', () => {
  it('needs the current password', async () => {
    const { browser } = await signedIn();
    const wrong = await browser.call('POST', '/v1/me/change_password', { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-passphrase' });
    expect(errorCode(wrong)).toBe('form_password_incorrect');
    expect(paramName(wrong)).toBe('currentPassword');
    const missing = await browser.call('POST', '/v1/me/change_password', { newPassword: 'a-brand-new-passphrase' });
    expect(paramName(missing)).toBe('currentPassword');
  });

  it('applies the policy to the new password', async () => {
    const { browser } = await signedIn();
    const reply = await browser.call('POST', '/v1/me/change_password', { currentPassword: ada.password, newPassword: 'password1' });
    expect(errorCode(reply)).toBe('form_password_pwned');
    expect(paramName(reply)).toBe('newPassword');
  });

  it('changes it and, by default, signs out the other sessions but not this one, whose token is rotated', async () => {
    const { test, browser, sessionId } = await signedIn();
    const phone = test.browser();
    const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId;
    const before = browser.token;
    const changed = await browser.call('POST', '/v1/me/change_password', { currentPassword: ada.password, newPassword: 'a-brand-new-passphrase' });
    expect(changed.status).toBe(200);
    expect(browser.token).not.toBe(before);
    expect((await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(200);
    expect((await phone.call('POST', `/v1/client/sessions/${phoneSession}/tokens`)).status).toBe(404);
    const stale = test.browser();
    stale.token = before;
    expect((await stale.call('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(401);
    expect((await test.browser().signInWithPassword(ada.emailAddress, 'a-brand-new-passphrase')).status).toBe('complete');
  });

  it('keeps the other sessions when the user opts out', async () => {
    const { test, browser } = await signedIn();
    const phone = test.browser();
    const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId;
    const changed = await browser.call('POST', '/v1/me/change_password', {
      currentPassword: ada.password,
      newPassword: 'a-brand-new-passphrase',
      signOutOfOtherSessions: false,
    });
    expect(changed.status).toBe(200);
    expect((await phone.call('POST', `/v1/client/sessions/${phoneSession}/tokens`)).status).toBe(200);
  });
});

describe('delete account', () => {
  it('removes the user, its addresses and sessions', async () => {
    const { test, browser, sessionId } = await signedIn();
    const userId = (await me(browser)).id;
    const reply = await browser.call('DELETE', '/v1/me');
    expect(reply.json.response).toEqual({ id: userId, deleted: true });
    expect(reply.json.client?.sessions).toEqual([]);
    expect(await test.server.store.get('users', userId)).toBeNull();
    expect(await test.server.store.listBy('emailAddresses', 'userId', userId)).toEqual([]);
    expect(await test.server.store.get('sessions', sessionId)).toBeNull();
    expect((await browser.call('GET', '/v1/me')).status).toBe(401);
    const again = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(errorCode(again)).toBe('form_password_incorrect');
    // The address is free for a new account.
    expect((await test.browser().signUp(test, { emailAddress: ada.emailAddress, password: 'a-brand-new-passphrase' })).status).toBe('complete');
  });
});
