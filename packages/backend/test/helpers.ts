import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTHeaderParameters, type JWTPayload } from 'jose';

export const issuer = 'https://auth.example.com';

export interface TestKey {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  privateKey: CryptoKey;
  publicJwk: JWK;
  publicPem: string;
}

/** A signing key like the server's: a key pair, its public JWK with `kid`, and its PEM. */
export async function makeKey(kid: string, alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
    publicPem: await exportSPKI(publicKey),
  };
}

/** Seconds since the epoch, as JWT claims count them. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims of a fresh Latch session token; override any of them. */
export function sessionClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return { iss: issuer, sub: 'user_ada', sid: 'sess_1', iat: now, nbf: now, exp: now + 60, ...overrides };
}

/** Signs `claims` with `key` the way the server does (header: alg, kid, typ). */
export function sign(key: TestKey, claims: JWTPayload = sessionClaims(), header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header }).sign(key.privateKey);
}

/** Base64url of JSON, to hand-build tokens no library would sign. */
export function segment(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/**
 * A JWKS endpoint on 127.0.0.1 whose keys a test can swap, counting fetches.
 * `status` forces an error answer (e.g. 500) to stand for an outage.
 */
export async function serveJwks(initialKeys: TestKey[]) {
  const state = { keys: initialKeys, fetches: 0, status: 200 };
  const server = createServer((_request, response) => {
    state.fetches += 1;
    response.writeHead(state.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: state.keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // fetch keeps connections alive; close() alone would wait for them
      }),
  };
}
