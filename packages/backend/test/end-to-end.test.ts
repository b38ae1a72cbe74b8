import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage, LatchClient } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import { createLatchBackend, verifyToken, type LatchAuth } from '@latch/backend';

const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery' };
// Requests to the app's own API on 127.0.0.1 pass through MSW untouched.
const network = setupServer();
beforeAll(() => network.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => network.resetHandlers());
afterAll(() => network.close());

/** A browser signed in to a fresh mock Latch server, and that server's JWKS URL. */
async function signedIn() {
  const mock = createMockBackend({ url: `https://latch-${crypto.randomUUID()}.mock`, users: [ada] });
  network.use(...mock.handlers);
  const client = new LatchClient({ frontendApi: mock.url, tokenStorage: createMemoryStorage(), broadcast: false });
  await client.load();
  await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
  return { mock, client, jwksUrl: `${mock.url}/.well-known/jwks.json` };
}

describe('a token the Latch server minted', () => {
  it('verifies with verifyToken against the server’s JWKS', async () => {
    const { mock, client, jwksUrl } = await signedIn();
    const token = await client.getToken();
    const verified = await verifyToken(token, { jwksUrl, issuer: mock.url });
    expect(verified.userId).toBe(client.user!.id);
    expect(verified.sessionId).toBe(client.session!.id);
    expect(verified.claims.exp - verified.claims.iat).toBe(60);
  });

  it('is refused by a backend that expects another issuer', async () => {
    const { client, jwksUrl } = await signedIn();
    const backend = createLatchBackend({ jwksUrl, issuer: 'https://someone-else.example' });
    await expect(backend.verifyToken(await client.getToken())).rejects.toMatchObject({ reason: 'token_wrong_issuer' });
  });

  it('opens a route guarded by requireAuth() on a real node:http server, and nothing else does', async () => {
    const { mock, client, jwksUrl } = await signedIn();
    const guard = createLatchBackend({ jwksUrl, issuer: mock.url }).requireAuth();
    const api = createServer((req: IncomingMessage & { auth?: LatchAuth }, res: ServerResponse) => {
      guard(req, res, () => res.end(JSON.stringify({ userId: req.auth?.userId })));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/me`;
    try {
      const allowed = await fetch(url, { headers: { authorization: `Bearer ${await client.getToken()}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual({ userId: client.user!.id });

      const refused = await fetch(url);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect(await refused.json()).toMatchObject({ errors: [{ code: 'authentication_invalid' }] });
    } finally {
      api.closeAllConnections();
      await new Promise((resolve) => api.close(resolve));
    }
  });
});
