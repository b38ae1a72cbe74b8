import { describe, expect, it } from 'vitest';
import type { SignUpJSON } from '@latch/protocol';
import { devOnlyFastHashing, type PasswordHashing } from '@latch/server';
import { ada, createTestServer, errorCode, paramName } from './helpers';
import { createTestStore } from './stores/test-stores';

/** Counts hash() calls, so a test can prove a password was refused before hashing. */
function countingHashing(): PasswordHashing & { hashed: number } {
  return {
    hashed: 0,
    hash(password) {
      this.hashed++;
      return devOnlyFastHashing.hash(password);
    },
    verify: (password, stored) => devOnlyFastHashing.verify(password, stored),
  };
}

async function trySignUp(password: string, emailAddress = 'grace@example.com') {
  const hashing = countingHashing();
  const test = createTestServer({ hashing });
  const reply = await test.browser().call('POST', '/v1/client/sign_ups', { emailAddress, password });
  return { reply, hashed: hashing.hashed };
}

describe('password policy at sign-up', () => {
  it.each([
    [7, 'form_password_length_too_short'],
    [8, null],
    [256, null],
    [257, 'form_password_length_too_long'],
  ])('a password of %i characters → %s', async (length, code) => {
    const password = 'xq'.repeat(200).slice(0, length - 1) + '!';
    const { reply } = await trySignUp(password);
    if (code === null) {
      expect(reply.status).toBe(200);
      expect((reply.json.response as SignUpJSON).passwordEnabled).toBe(true);
    } else {
      expect(reply.status).toBe(422);
      expect(errorCode(reply)).toBe(code);
      expect(paramName(reply)).toBe('password');
    }
  });

  it('counts code points, not UTF-16 units', async () => {
    const { reply } = await trySignUp('😀'.repeat(8));
    expect(reply.status).toBe(200);
  });

  it('refuses an oversize password without hashing it', async () => {
    const { reply, hashed } = await trySignUp('p'.repeat(90_000));
    expect(errorCode(reply)).toBe('form_password_length_too_long');
    expect(hashed).toBe(0);
  });

  it('refuses a 1 MB password at the body limit', async () => {
    const { reply, hashed } = await trySignUp('p'.repeat(1024 * 1024));
    expect(reply.status).toBe(413);
    expect(hashed).toBe(0);
  });

  it('refuses common passwords, in any case', async () => {
    for (const password of ['password123', 'Sunshine1', 'QWERTYUIOP']) {
      const { reply, hashed } = await trySignUp(password);
      expect(errorCode(reply)).toBe('form_password_pwned');
      expect(hashed).toBe(0);
    }
  });

  it("refuses the email address's local part", async () => {
    const { reply } = await trySignUp('Grace.Hopper1906', 'grace.hopper1906@example.com');
    expect(errorCode(reply)).toBe('form_password_matches_identifier');
  });

  it('can be relaxed by settings', async () => {
    const test = createTestServer({ settings: { passwordPolicy: { rejectCommon: false, minLength: 4 } } });
    const reply = await test.browser().call('POST', '/v1/client/sign_ups', { emailAddress: 'g@example.com', password: 'password' });
    expect(reply.status).toBe(200);
  });
});

describe("the password may not be the email's local part, whichever arrives first", () => {
  it('sign-up: password first, then the address by PATCH (lowercase or capitalized)', async () => {
    for (const password of ['grace.hopper1906', 'Grace.hopper1906']) {
      const test = createTestServer();
      const browser = test.browser();
      const created = await browser.call('POST', '/v1/client/sign_ups', { password });
      const id = (created.json.response as SignUpJSON).id;
      const reply = await browser.call('PATCH', `/v1/client/sign_ups/${id}`, { emailAddress: 'Grace.Hopper1906@example.com' });
      expect(reply.status).toBe(422);
      expect(errorCode(reply)).toBe('form_password_matches_identifier');
      expect(paramName(reply)).toBe('emailAddress');
      expect((await browser.client())?.signUp?.emailAddress).toBeNull();
      expect(test.outbox).toEqual([]);
    }
  });

  it('sign-up: the address first, then the password by PATCH', async () => {
    const test = createTestServer();
    const browser = test.browser();
    const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace.hopper1906@example.com' });
    const id = (created.json.response as SignUpJSON).id;
    const reply = await browser.call('PATCH', `/v1/client/sign_ups/${id}`, { password: 'GRACE.HOPPER1906' });
    expect(errorCode(reply)).toBe('form_password_matches_identifier');
    expect(paramName(reply)).toBe('password');
  });

  async function signedInWithSecondAddress() {
    const test = createTestServer();
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    const added = await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'countess.of.lovelace@example.com' });
    const emailId = (added.json.response as { id: string }).id;
    await browser.call('POST', `/v1/me/email_addresses/${emailId}/prepare_verification`, { strategy: 'email_code' });
    const code = test.latestCode('countess.of.lovelace@example.com');
    expect((await browser.call('POST', `/v1/me/email_addresses/${emailId}/attempt_verification`, { code })).status).toBe(200);
    return { test, browser };
  }

  it('profile: a new password is checked against every verified address, not only the primary', async () => {
    const { browser } = await signedInWithSecondAddress();
    const reply = await browser.call('POST', '/v1/me/change_password', { currentPassword: ada.password, newPassword: 'Countess.Of.Lovelace' });
    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe('form_password_matches_identifier');
    expect(paramName(reply)).toBe('newPassword');
  });

  it('password reset: the same check against every verified address', async () => {
    const { test } = await signedInWithSecondAddress();
    const browser = test.browser();
    const signIn = (await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as {
      id: string;
      supportedFirstFactors: { strategy: string; emailAddressId?: string }[];
    };
    const factor = signIn.supportedFirstFactors.find((f) => f.strategy === 'reset_password_email_code');
    await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'reset_password_email_code', emailAddressId: factor?.emailAddressId });
    const code = test.latestCode(ada.emailAddress);
    await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code });
    const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/reset_password`, { password: 'countess.of.lovelace' });
    expect(errorCode(reply)).toBe('form_password_matches_identifier');
  });

  it('profile: an added address whose local part is the password is refused', async () => {
    const test = createTestServer();
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    const reply = await browser.call('POST', '/v1/me/email_addresses', { emailAddress: `${ada.password}@example.org` });
    expect(errorCode(reply)).toBe('form_password_matches_identifier');
    expect(paramName(reply)).toBe('emailAddress');
  });
});

describe('password sign-in', () => {
  it('treats NFC and NFD forms of a password as the same password', async () => {
    const test = createTestServer();
    const nfc = 'crème brûlée à la café'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    await test.server.admin.createUser({ emailAddress: 'chef@example.com', password: nfc });
    await test.browser().signInWithPassword('chef@example.com', nfd);
    await test.browser().signInWithPassword('chef@example.com', nfc);
  });

  it('answers an oversize password as incorrect, without hashing', async () => {
    const hashing = countingHashing();
    const test = createTestServer({ hashing });
    await test.server.admin.createUser(ada);
    hashing.verify = () => Promise.reject(new Error('must not hash'));
    const reply = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: 'p'.repeat(300) });
    expect(errorCode(reply)).toBe('form_password_incorrect');
  });
});

describe('default hashing', () => {
  it('is PBKDF2-SHA256 with at least 600,000 iterations', async () => {
    const { createLatchServer } = await import('@latch/server');
    const store = createTestStore();
    const server = createLatchServer({ issuer: 'https://latch.test', store });
    const user = await server.admin.createUser(ada);
    const [scheme, iterations, salt, hash] = (await store.get('users', user.id))?.passwordHash?.split('$') ?? [];
    expect(scheme).toBe('pbkdf2-sha256');
    expect(Number(iterations)).toBeGreaterThanOrEqual(600_000);
    expect(salt).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('the dev-only hashing is clearly not the default', async () => {
    const stored = await devOnlyFastHashing.hash('something');
    expect(stored.split('$')[1]).toBe('1000');
    expect(await devOnlyFastHashing.verify('something', stored)).toBe(true);
    expect(await devOnlyFastHashing.verify('something else', stored)).toBe(false);
  });
});
