import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenJSON } from '@latch/protocol';
import { main } from '../../src/node/index';
import { ada, startService, tempDir, testEncryptionKey, type TestService } from './helpers';

describe('signing key rotation', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('rotate-keys: JWKS serves both keys, old tokens verify, every instance signs with the new key within 30 s', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const database = join(dir.path, 'latch.db');
    let time = Date.UTC(2025, 0, 6, 9, 0, 0);
    const test: TestService = await startService({ database, now: () => time });
    cleanups.push(() => test.close());
    await test.service.latch.admin.createUser(ada);
    const browser = test.client();
    const { createdSessionId } = await browser.signIn(ada.emailAddress, ada.password);
    const mint = async () => (await browser.call<TokenJSON>('POST', `/v1/client/sessions/${createdSessionId}/tokens`)).json.jwt;
    const jwks = async () => (await (await fetch(`${test.service.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const verify = async (jwt: string) =>
      jwtVerify(jwt, createLocalJWKSet(await jwks()), { issuer: test.service.publicUrl, currentDate: new Date(time) });

    const before = await mint();
    const oldKid = decodeProtectedHeader(before).kid;

    // The command runs beside the server, on its own connection to the database.
    let output = '';
    expect(await main(['rotate-keys', '--database', database, '--encryption-key', testEncryptionKey], {}, { stdout: (text) => (output += text) })).toBe(0);
    const newKid = /New signing key (key_\w+)/.exec(output)?.[1];
    expect(output).toContain(`${oldKid} stays published as the previous key`);
    expect((await jwks()).keys.map((key) => key.kid)).toEqual([oldKid, newKid]);
    await expect(verify(before)).resolves.toMatchObject({ protectedHeader: { kid: oldKid } });

    // The running instance still signs with the key it read, until its cache expires.
    expect(decodeProtectedHeader(await mint()).kid).toBe(oldKid);
    time += 30_000;
    const after = await mint();
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    await expect(verify(after)).resolves.toMatchObject({ payload: { sid: createdSessionId } });

    // A second rotation drops the oldest key: tokens it signed stop verifying.
    const { current } = await test.service.latch.admin.rotateSigningKeys();
    expect((await jwks()).keys.map((key) => key.kid)).toEqual([newKid, current]);
    await expect(verify(before)).rejects.toThrow();
    await expect(verify(after)).resolves.toBeDefined();
  });
});
