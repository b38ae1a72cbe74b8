import { verify as nodeVerify, createPublicKey, type JsonWebKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, importJWK, jwtVerify, type JSONWebKeySet, type JWK } from 'jose';
import { verifyToken } from '@latch/backend';
import type { SessionClaims, TokenJSON } from '@latch/protocol';
import { generateSigningKey, joseSessionJwtSigner } from '../../src/core/crypto/signing-keys';
import { nodeCrypto } from '../../src/node/crypto/node-crypto';
import { ada, startService, type TestService } from './helpers';

// The Node service signs session JWTs with a synchronous `node:crypto` ES256
// signature, injected through the core's crypto interface: its tokens must be
// exactly what jose (and so @latch/backend, and any JOSE library) accepts.

const claims: SessionClaims = { iss: 'https://auth.example.com', sub: 'user_1', sid: 'sess_1', iat: 1_700_000_000, nbf: 1_700_000_000, exp: 1_700_000_060 };

function base64urlBytes(part: string): Buffer {
  return Buffer.from(part, 'base64url');
}

describe('the node:crypto session JWT signer', () => {
  it('makes ES256 JWTs that jose verifies, with the kid and typ jose would write', async () => {
    const key = await generateSigningKey(Date.now());
    const sign = await nodeCrypto.sessionJwtSigner!(key.privateJwk, key.id);
    const jwt = await sign(claims);
    const { payload, protectedHeader } = await jwtVerify(jwt, await importJWK(key.publicJwk as JWK, 'ES256'), {
      algorithms: ['ES256'],
      currentDate: new Date(claims.iat * 1000),
    });
    expect(payload).toEqual(claims);
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: key.id, typ: 'JWT' });
    // The same header, byte for byte, as jose's own signer writes.
    const joseJwt = await (await joseSessionJwtSigner(key.privateJwk, key.id))(claims);
    expect(jwt.split('.')[0]).toBe(joseJwt.split('.')[0]);
    expect(jwt.split('.')[1]).toBe(joseJwt.split('.')[1]);
  });

  it('writes the signature as raw r||s (64 bytes, JOSE), not DER', async () => {
    const key = await generateSigningKey(Date.now());
    const jwt = await (await nodeCrypto.sessionJwtSigner!(key.privateJwk, key.id))(claims);
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    const bytes = base64urlBytes(signature);
    expect(bytes).toHaveLength(64);
    const publicKey = createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' });
    const input = Buffer.from(`${header}.${payload}`);
    expect(nodeVerify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, bytes)).toBe(true);
    // Read as DER it is no signature at all.
    expect(() => nodeVerify('sha256', input, publicKey, bytes)).not.toThrow();
    expect(nodeVerify('sha256', input, publicKey, bytes)).toBe(false);
  });

  it('signs a token that verifies with another key: never', async () => {
    const [mine, theirs] = await Promise.all([generateSigningKey(Date.now()), generateSigningKey(Date.now())]);
    const jwt = await (await nodeCrypto.sessionJwtSigner!(mine.privateJwk, mine.id))(claims);
    await expect(jwtVerify(jwt, await importJWK(theirs.publicJwk as JWK, 'ES256'), { currentDate: new Date(claims.iat * 1000) })).rejects.toThrow();
  });

  it('refuses a key that is not P-256', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ed25519');
    await expect(nodeCrypto.sessionJwtSigner!(privateKey.export({ format: 'jwk' }) as Record<string, unknown>, 'key_x')).rejects.toThrow(/not an ES256/);
  });
});

describe('session JWTs from the Node service', () => {
  let test: TestService | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  it("verify with @latch/backend's verifyToken through the JWKS, before and after a key rotation", async () => {
    test = await startService();
    const { service } = test;
    await service.latch.admin.createUser(ada);
    const browser = test.client();
    const { createdSessionId } = await browser.signIn(ada.emailAddress, ada.password);
    const mint = async () => (await browser.call<TokenJSON>('POST', `/v1/client/sessions/${createdSessionId}/tokens`)).json.jwt;
    // A JWKS URL per key set: verifyToken caches what it fetched per URL.
    const verifyAt = (query: string, jwt: string) => verifyToken(jwt, { issuer: service.publicUrl, jwksUrl: `${service.url}/.well-known/jwks.json?${query}` });

    const before = await mint();
    const oldKid = decodeProtectedHeader(before).kid;
    await expect(verifyAt('first', before)).resolves.toMatchObject({ sessionId: createdSessionId });
    expect(base64urlBytes(before.split('.')[2] ?? '')).toHaveLength(64);

    // Rotating on this instance drops its parsed key at once: the next token is signed with the new one.
    const { current, previous } = await service.latch.admin.rotateSigningKeys();
    expect(previous).toBe(oldKid);
    const after = await mint();
    expect(decodeProtectedHeader(after)).toEqual({ alg: 'ES256', kid: current, typ: 'JWT' });
    await expect(verifyAt('rotated', after)).resolves.toMatchObject({ sessionId: createdSessionId });
    await expect(verifyAt('rotated', before)).resolves.toMatchObject({ sessionId: createdSessionId });

    // And a second rotation retires the first key: its tokens no longer verify.
    await service.latch.admin.rotateSigningKeys();
    const jwks = (await (await fetch(`${service.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    await expect(jwtVerify(before, createLocalJWKSet(jwks))).rejects.toThrow();
    await expect(jwtVerify(after, createLocalJWKSet(jwks))).resolves.toBeDefined();
  });
});
