import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { SignInJSON, SignUpJSON, TokenJSON, TotpJSON, TotpVerifiedJSON } from '@latch/protocol';
import { kinds, type Store } from '@latch/server';
import { importEncryptionKey, open } from '../src/core/crypto/encryption';
import { generateSigningKey } from '../src/core/crypto/signing-keys';
import { ada, createTestServer, type TestBrowser, type TestServer } from './helpers';
import { createTestStore } from './stores/test-stores';

const key1 = randomBytes(32).toString('base64');
const key2 = randomBytes(32).toString('base64');
const secret = 'JBSWY3DPEHPK3PXP';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function totpAt(base32: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/** Every record of every kind, as a database dump would show them. */
async function dump(store: Store): Promise<string> {
  const rows = await Promise.all(kinds.map((kind) => store.scan(kind, null, 10_000)));
  return JSON.stringify(rows);
}

async function signInWithSecondFactor(test: TestServer, strategy: 'totp' | 'backup_code', code: string): Promise<{ browser: TestBrowser; status: number; signIn: SignInJSON }> {
  const browser = test.browser();
  const first = await browser.signInWithPassword(ada.emailAddress, ada.password);
  const reply = await browser.call('POST', `/v1/client/sign_ins/${first.id}/attempt_second_factor`, { strategy, code });
  return { browser, status: reply.status, signIn: reply.json.response as SignInJSON };
}

async function mint(browser: TestBrowser, sessionId: string): Promise<string> {
  const reply = await browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`);
  expect(reply.status).toBe(200);
  return reply.json.jwt;
}

const kidOf = (jwt: string) => (JSON.parse(atob(jwt.split('.')[0] ?? '')) as { kid: string }).kid;

describe('secrets at rest', () => {
  it('a dump of the database holds no TOTP secret, no private key and no SHA-256 of any code', async () => {
    const test = createTestServer({ encryptionKey: key1 });
    const browser = test.browser();
    const signedUp = await browser.signUp(test, ada);
    const userId = signedUp.createdUserId as string;
    const totp = (await browser.call('POST', '/v1/me/totp')).json.response as TotpJSON;
    const verified = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: totpAt(totp.secret, test.clock.now()) });
    const { backupCodes } = verified.json.response as TotpVerifiedJSON;
    expect(backupCodes).toHaveLength(10);
    await mint(browser, signedUp.createdSessionId as string);
    // A code waiting to be typed: another sign-up's email verification.
    const other = test.browser();
    const created = await other.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: 'another-long-password' });
    await other.call('POST', `/v1/client/sign_ups/${(created.json.response as SignUpJSON).id}/prepare_verification`, { strategy: 'email_code' });
    const emailCode = test.latestCode('grace@example.com');
    const [pending] = await test.server.store.scan('verifications', null, 10);

    const text = await dump(test.server.store);
    expect(text).not.toContain(totp.secret);
    for (const code of backupCodes) expect(text).not.toContain(sha256(`${userId}:${code}`));
    expect(pending).toBeDefined();
    expect(text).not.toContain(sha256(`${pending!.id}:${emailCode}`));
    const [signingKey] = await test.server.store.scan('signingKeys', null, 10);
    expect(Object.keys(signingKey!.privateJwk)).toEqual(['sealed']);
    const privateJwk = JSON.parse(await open([await importEncryptionKey(key1)], signingKey!.privateJwk.sealed as string, `signingKey:${signingKey!.id}`)) as { d: string };
    expect(privateJwk.d.length).toBeGreaterThan(20);
    expect(text).not.toContain(privateJwk.d);

    // Sealed, the secrets still do their work.
    expect((await signInWithSecondFactor(test, 'backup_code', backupCodes[0]!)).status).toBe(200);
    test.clock.advance(60_000);
    expect((await signInWithSecondFactor(test, 'totp', totpAt(totp.secret, test.clock.now()))).status).toBe(200);
  });

  it('rows from before encryption keep working and are sealed on use', async () => {
    const test = createTestServer({ encryptionKey: key1 });
    const user = await test.server.admin.createUser({ ...ada, totpSecret: secret });
    const { store } = test.server;
    // As an older version stored them: the TOTP secret in clear, codes as plain SHA-256, the private JWK as it is.
    await store.update('users', user.id, { totpSecret: secret });
    await store.insert('backupCodes', { id: 'bkp_legacy', userId: user.id, codeHash: sha256(`${user.id}:oldcode234`), createdAt: test.clock.now() });
    const legacyKey = await generateSigningKey(test.clock.now());
    await store.insert('signingKeys', legacyKey);

    const withTotp = await signInWithSecondFactor(test, 'totp', totpAt(secret, test.clock.now()));
    expect(withTotp.status).toBe(200);
    expect((await store.get('users', user.id))?.totpSecret).toMatch(/^enc1\./);
    expect(kidOf(await mint(withTotp.browser, withTotp.signIn.createdSessionId as string))).toBe(legacyKey.id);
    expect(Object.keys((await store.get('signingKeys', legacyKey.id))!.privateJwk)).toEqual(['sealed']);

    expect((await signInWithSecondFactor(test, 'backup_code', 'OLDCODE234')).status).toBe(200);
    expect(await dump(store)).not.toContain(secret);
  });

  it('rotation re-encrypts every secret with the new key; the old key is then not needed', async () => {
    const store = createTestStore();
    const before = createTestServer({ store, encryptionKey: key1 });
    await before.server.admin.createUser({ ...ada, totpSecret: secret, backupCodes: ['rotate2345'] });
    // A second user in the middle of TOTP enrollment: a pending secret.
    await before.server.admin.createUser({ emailAddress: 'grace@example.com', password: ada.password });
    const grace = before.browser();
    await grace.signInWithPassword('grace@example.com', ada.password);
    const pending = (await grace.call('POST', '/v1/me/totp')).json.response as TotpJSON;
    const signedIn = await signInWithSecondFactor(before, 'totp', totpAt(secret, before.clock.now()));
    const kid = kidOf(await mint(signedIn.browser, signedIn.signIn.createdSessionId as string));

    const rotating = createTestServer({ store, encryptionKey: key2, previousEncryptionKeys: [key1] });
    expect(await rotating.server.admin.resealSecrets()).toEqual({ users: 2, signingKeys: 1, codeKey: true });
    // Idempotent: nothing is left under the old key.
    expect(await rotating.server.admin.resealSecrets()).toEqual({ users: 0, signingKeys: 0, codeKey: false });

    const oldId = (await importEncryptionKey(key1)).id;
    const newId = (await importEncryptionKey(key2)).id;
    const sealed = (await dump(store)).match(/enc1\.[0-9a-f]+\./g) ?? [];
    expect(sealed.length).toBeGreaterThanOrEqual(4);
    expect(new Set(sealed)).toEqual(new Set([`enc1.${newId}.`]));
    expect(sealed).not.toContain(`enc1.${oldId}.`);

    const after = createTestServer({ store, encryptionKey: key2 });
    after.clock.advance(60_000);
    const withTotp = await signInWithSecondFactor(after, 'totp', totpAt(secret, after.clock.now()));
    expect(withTotp.status).toBe(200);
    expect(kidOf(await mint(withTotp.browser, withTotp.signIn.createdSessionId as string))).toBe(kid);
    expect((await signInWithSecondFactor(after, 'backup_code', 'rotate2345')).status).toBe(200);
    const graceAfter = after.browser();
    await graceAfter.signInWithPassword('grace@example.com', ada.password);
    const enrolled = await graceAfter.call('POST', '/v1/me/totp/attempt_verification', { code: totpAt(pending.secret, after.clock.now()) });
    expect(enrolled.status).toBe(200);
  });
});
