import { CompactSign, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyToken } from '@latch/backend';
import { issuer, makeKey, nowSeconds, segment, serveJwks, sessionClaims, sign, type TestKey } from './helpers';

let key: TestKey;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
beforeAll(async () => {
  key = await makeKey('key_1');
  jwks = await serveJwks([key]);
});
afterAll(() => jwks.close());
afterEach(() => vi.useRealTimers());

const viaJwks = () => ({ jwksUrl: jwks.url, issuer });
const viaPem = () => ({ publicKey: key.publicPem, issuer });
const viaJwk = () => ({ publicKey: key.publicJwk, issuer });

describe('verifyToken accepts', () => {
  it('a token signed like the server signs them, and says who is calling', async () => {
    const verified = await verifyToken(await sign(key), viaJwks());
    expect(verified.userId).toBe('user_ada');
    expect(verified.sessionId).toBe('sess_1');
    expect(verified.claims).toMatchObject({ iss: issuer, sub: 'user_ada', sid: 'sess_1' });
  });

  it('with the public key as a PEM or as a JWK instead of a JWKS URL', async () => {
    const token = await sign(key);
    expect((await verifyToken(token, viaPem())).sessionId).toBe('sess_1');
    expect((await verifyToken(token, viaJwk())).sessionId).toBe('sess_1');
  });

  it('EdDSA (Ed25519) tokens as well as ES256', async () => {
    const edKey = await makeKey('key_ed', 'EdDSA');
    const token = await sign(edKey);
    expect((await verifyToken(token, { publicKey: edKey.publicPem, issuer })).userId).toBe('user_ada');
    expect((await verifyToken(token, { publicKey: edKey.publicJwk, issuer })).userId).toBe('user_ada');
  });

  it('fetching the JWKS once for many standalone calls with one URL', async () => {
    const own = await serveJwks([key]);
    try {
      for (let i = 0; i < 3; i++) await verifyToken(await sign(key), { jwksUrl: own.url, issuer });
      expect(own.state.fetches).toBe(1);
    } finally {
      await own.close();
    }
  });
});

describe('verifyToken refuses (SECURITY.md)', () => {
  it('alg: none', async () => {
    const token = new UnsecuredJWT(sessionClaims()).encode();
    expect(token.endsWith('.')).toBe(true);
    await expect(verifyToken(token, viaJwks())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
    await expect(verifyToken(token, viaPem())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
    // The same with a kid the set knows, and with the `alg` spelled oddly.
    const withKid = `${segment({ alg: 'none', kid: key.kid })}.${segment(sessionClaims())}.`;
    await expect(verifyToken(withKid, viaJwks())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
    const shouting = `${segment({ alg: 'NONE', kid: key.kid })}.${segment(sessionClaims())}.`;
    await expect(verifyToken(shouting, viaJwks())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
  });

  it('HS256 signed with the public key as the HMAC secret', async () => {
    const secrets = [key.publicPem, JSON.stringify(key.publicJwk)].map((text) => new TextEncoder().encode(text));
    for (const secret of secrets) {
      const token = await new SignJWT(sessionClaims()).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(secret);
      await expect(verifyToken(token, viaJwks())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
      await expect(verifyToken(token, viaPem())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
      await expect(verifyToken(token, viaJwk())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
    }
  });

  it('RS256 and other algorithms off the allow-list', async () => {
    const rsa = await generateKeyPair('RS256');
    const token = await new SignJWT(sessionClaims()).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(rsa.privateKey);
    await expect(verifyToken(token, viaJwks())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
  });

  it('an allowed algorithm that is not the configured key’s', async () => {
    const edKey = await makeKey('key_ed', 'EdDSA');
    await expect(verifyToken(await sign(edKey), viaPem())).rejects.toMatchObject({ reason: 'token_wrong_algorithm' });
  });

  it('an unknown kid', async () => {
    const stranger = await makeKey('key_unknown');
    await expect(verifyToken(await sign(stranger), viaJwks())).rejects.toMatchObject({ reason: 'token_unknown_kid' });
    await expect(verifyToken(await sign(stranger), viaJwk())).rejects.toMatchObject({ reason: 'token_unknown_kid' });
  });

  it('a signature by another key under a known kid, and a payload changed after signing', async () => {
    const impostor = { ...(await makeKey('key_x')), kid: key.kid };
    await expect(verifyToken(await sign(impostor), viaJwks())).rejects.toMatchObject({ reason: 'token_invalid_signature' });

    const [header, , signature] = (await sign(key)).split('.');
    const tampered = `${header}.${segment(sessionClaims({ sub: 'user_admin' }))}.${signature}`;
    await expect(verifyToken(tampered, viaJwks())).rejects.toMatchObject({ reason: 'token_invalid_signature' });
    await expect(verifyToken(tampered, viaPem())).rejects.toMatchObject({ reason: 'token_invalid_signature' });
  });

  it('a wrong or missing iss', async () => {
    await expect(verifyToken(await sign(key, sessionClaims({ iss: 'https://evil.example' })), viaJwks())).rejects.toMatchObject({
      reason: 'token_wrong_issuer',
    });
    // One trailing slash is another issuer: the comparison is exact.
    await expect(verifyToken(await sign(key, sessionClaims({ iss: `${issuer}/` })), viaPem())).rejects.toMatchObject({
      reason: 'token_wrong_issuer',
    });
    await expect(verifyToken(await sign(key, sessionClaims({ iss: undefined })), viaPem())).rejects.toMatchObject({
      reason: 'token_wrong_issuer',
    });
  });

  it('a header typ other than JWT (another kind of object signed with the same key)', async () => {
    for (const typ of ['at+jwt', 'dpop+jwt', 'JOSE']) {
      await expect(verifyToken(await sign(key, sessionClaims(), { typ }), viaJwks()), typ).rejects.toMatchObject({ reason: 'token_wrong_type' });
    }
    await expect(verifyToken(await sign(key, sessionClaims(), { typ: undefined }), viaPem())).rejects.toMatchObject({ reason: 'token_wrong_type' });
  });

  it('a wrong or missing aud when an audience is configured, and any aud when none is', async () => {
    const forApi = { ...viaPem(), audience: 'https://api.example.com' };
    expect((await verifyToken(await sign(key, sessionClaims({ aud: 'https://api.example.com' })), forApi)).userId).toBe('user_ada');
    await expect(verifyToken(await sign(key, sessionClaims({ aud: 'https://other.example.com' })), forApi)).rejects.toMatchObject({
      reason: 'token_wrong_audience',
    });
    await expect(verifyToken(await sign(key), forApi)).rejects.toMatchObject({ reason: 'token_wrong_audience' });
    expect((await verifyToken(await sign(key, sessionClaims({ aud: 'anything' })), viaPem())).userId).toBe('user_ada');
  });

  it('a token that lives longer than 10 minutes (exp - iat), unless configured otherwise', async () => {
    const now = nowSeconds();
    expect((await verifyToken(await sign(key, sessionClaims({ exp: now + 600 })), viaPem())).userId).toBe('user_ada');
    await expect(verifyToken(await sign(key, sessionClaims({ exp: now + 601 })), viaPem())).rejects.toMatchObject({
      reason: 'token_lifetime_too_long',
    });
    // A forged year-long token, backdated so that it is not expired either.
    const forged = sessionClaims({ iat: now - 86_400, nbf: now - 86_400, exp: now + 365 * 86_400 });
    await expect(verifyToken(await sign(key, forged), viaJwks())).rejects.toMatchObject({ reason: 'token_lifetime_too_long' });
    const relaxed = { ...viaPem(), maxTokenLifetimeInSeconds: 3600 };
    expect((await verifyToken(await sign(key, sessionClaims({ exp: now + 3600 })), relaxed)).userId).toBe('user_ada');
  });

  it('a token without the claims of a Latch session', async () => {
    for (const missing of ['sub', 'sid', 'exp', 'nbf', 'iat']) {
      const token = await sign(key, sessionClaims({ [missing]: undefined }));
      await expect(verifyToken(token, viaPem()), missing).rejects.toMatchObject({ reason: 'token_invalid_claims' });
    }
    await expect(verifyToken(await sign(key, sessionClaims({ sid: 42 })), viaPem())).rejects.toMatchObject({ reason: 'token_invalid_claims' });
    await expect(verifyToken(await sign(key, sessionClaims({ exp: 'never' as never })), viaPem())).rejects.toMatchObject({ reason: 'token_invalid_claims' });
  });

  it('no token at all', async () => {
    for (const token of ['', null, undefined]) {
      await expect(verifyToken(token, viaPem())).rejects.toMatchObject({ reason: 'token_missing' });
    }
  });

  it('malformed strings', async () => {
    const claims = segment(sessionClaims());
    const header = segment({ alg: 'ES256', kid: key.kid });
    const malformed = [
      'not-a-jwt',
      'a.b',
      'a.b.c.d',
      '...',
      `${header}.${claims}`,
      `${header}.${claims}.!!!`,
      `${segment('not json')}.${claims}.sig`,
      `${segment([1, 2])}.${claims}.sig`,
      'x'.repeat(9000),
    ];
    for (const token of malformed) {
      await expect(verifyToken(token, viaPem()), token.slice(0, 60)).rejects.toMatchObject({ reason: 'token_malformed' });
    }
  });

  it('a validly signed payload that is not a JSON object', async () => {
    for (const payload of ['not json', '[1,2]', '"text"']) {
      const token = await new CompactSign(new TextEncoder().encode(payload))
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .sign(key.privateKey);
      await expect(verifyToken(token, viaJwks()), payload).rejects.toMatchObject({ reason: 'token_malformed' });
    }
  });

  it('checks the signature before it reads the payload', async () => {
    const unsignedGarbage = `${segment({ alg: 'ES256', kid: key.kid })}.${segment('not json')}.${segment('sig')}`;
    await expect(verifyToken(unsignedGarbage, viaPem())).rejects.toMatchObject({ reason: 'token_invalid_signature' });
  });
});

describe('clock skew', () => {
  // Date only: jose reads the clock through it, and the timers fetch needs keep running.
  const frozen = () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00.250Z'));
  };

  it('accepts a token 4 s past exp and refuses one 6 s past (5 s allowed)', async () => {
    frozen();
    const now = nowSeconds();
    expect((await verifyToken(await sign(key, sessionClaims({ exp: now - 4 })), viaPem())).userId).toBe('user_ada');
    await expect(verifyToken(await sign(key, sessionClaims({ exp: now - 6 })), viaPem())).rejects.toMatchObject({ reason: 'token_expired' });
    await expect(verifyToken(await sign(key, sessionClaims({ exp: now - 3600 })), viaPem())).rejects.toMatchObject({ reason: 'token_expired' });
  });

  it('accepts a token whose nbf is 4 s ahead and refuses one 6 s ahead', async () => {
    frozen();
    const now = nowSeconds();
    expect((await verifyToken(await sign(key, sessionClaims({ nbf: now + 4 })), viaPem())).userId).toBe('user_ada');
    await expect(verifyToken(await sign(key, sessionClaims({ nbf: now + 6 })), viaPem())).rejects.toMatchObject({
      reason: 'token_not_active_yet',
    });
  });

  it('follows clockSkewInSeconds when set', async () => {
    frozen();
    const token = await sign(key, sessionClaims({ exp: nowSeconds() - 1 }));
    await expect(verifyToken(token, { ...viaPem(), clockSkewInSeconds: 0 })).rejects.toMatchObject({ reason: 'token_expired' });
    expect((await verifyToken(token, { ...viaPem(), clockSkewInSeconds: 2 })).userId).toBe('user_ada');
  });
});

describe('configuration mistakes throw a TypeError naming the option', () => {
  it.each([
    ['no key source', { issuer }, /jwksUrl/],
    ['both key sources', { issuer, jwksUrl: 'https://a.example/jwks', publicKey: 'x' }, /not both/],
    ['a relative JWKS URL', { issuer, jwksUrl: '/.well-known/jwks.json' }, /jwksUrl/],
    ['no issuer', { jwksUrl: 'https://a.example/jwks' }, /issuer/],
    ['a negative skew', { issuer, jwksUrl: 'https://a.example/jwks', clockSkewInSeconds: -1 }, /clockSkewInSeconds/],
    ['a zero lifetime', { issuer, jwksUrl: 'https://a.example/jwks', maxTokenLifetimeInSeconds: 0 }, /maxTokenLifetimeInSeconds/],
  ])('%s', async (_name, options, message) => {
    // @ts-expect-error -- deliberately wrong options, as plain JavaScript could pass them
    await expect(verifyToken('a.b.c', options)).rejects.toThrow(message);
  });

  it('a public key that is not one: garbage, a private JWK, an RSA key', async () => {
    const token = await sign(key);
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = await exportJWK(key.privateKey);
    for (const publicKey of ['not a pem', privateJwk, await exportJWK(rsa.publicKey)]) {
      await expect(verifyToken(token, { publicKey, issuer })).rejects.toThrow(/publicKey/);
    }
  });
});
