import { isLatchNetworkError, LatchNetworkError } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ada, newClient, signedInClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  vi.useRealTimers();
});
afterAll(() => server.close());

async function setup() {
  const backend = createMockBackend({ users: [ada] });
  server.use(...backend.handlers);
  const tokenRequests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.url.endsWith('/tokens')) tokenRequests.push(request);
  });
  const client = await signedInClient(backend.url);
  return { backend, client, tokenRequests };
}

describe('getToken', () => {
  it('returns an ES256 JWT for the active session that verifies against the JWKS', async () => {
    const { backend, client } = await setup();
    const jwt = await client.getToken();

    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', backend.url));
    const { payload, protectedHeader } = await jwtVerify(jwt!, jwks);
    expect(protectedHeader.alg).toBe('ES256');
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.sub).toBe(client.user!.id);
    expect(payload.sid).toBe(client.session!.id);
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('resolves null when signed out, without a request', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const client = newClient(backend.url);
    await client.load();
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => void requests.push(request.url));
    expect(await client.getToken()).toBeNull();
    expect(requests).toEqual([]);
  });

  it('collapses ten concurrent calls into one request and serves the cache afterwards', async () => {
    const { client, tokenRequests } = await setup();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => client.getToken()));
    expect(tokenRequests).toHaveLength(1);
    expect(new Set(tokens).size).toBe(1);

    expect(await client.getToken()).toBe(tokens[0]);
    expect(await client.session!.getToken()).toBe(tokens[0]);
    expect(tokenRequests).toHaveLength(1);

    await client.getToken({ skipCache: true });
    expect(tokenRequests).toHaveLength(2);
  });

  it('refreshes a token with 10 seconds or less to live exactly once', async () => {
    const { client, tokenRequests } = await setup();
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await client.getToken();

    vi.setSystemTime(Date.now() + 49_000);
    expect(await client.getToken()).toBe(first);
    expect(tokenRequests).toHaveLength(1);

    vi.setSystemTime(Date.now() + 2_000);
    const refreshed = await Promise.all(Array.from({ length: 5 }, () => client.getToken()));
    expect(tokenRequests).toHaveLength(2);
    expect(new Set(refreshed).size).toBe(1);
    expect(refreshed[0]).not.toBe(first);
  });

  it('keeps the session through a server error and retries with backoff', async () => {
    const { backend, client, tokenRequests } = await setup();
    backend.scenario('server-error');
    server.events.on('response:mocked', ({ request }) => {
      if (request.url.endsWith('/tokens')) backend.scenario(null);
    });

    const started = Date.now();
    const jwt = await client.getToken();
    expect(jwt).toMatch(/^ey/);
    expect(tokenRequests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(client.session).not.toBeNull();
  });

  it('retries a 503 service_unavailable (a database outage) no sooner than its Retry-After, then succeeds', async () => {
    const { client, tokenRequests } = await setup();
    const unavailable = { errors: [{ code: 'service_unavailable', message: 'down', meta: { retryAfterSeconds: 3 } }] };
    server.use(http.post('*/tokens', () => HttpResponse.json(unavailable, { status: 503, headers: { 'retry-after': '3' } }), { once: true }));
    vi.useFakeTimers({ toFake: ['setTimeout'] });

    const outcome = client.getToken();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(tokenRequests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await outcome).toMatch(/^ey/);
    expect(tokenRequests).toHaveLength(2);
    expect(client.session).not.toBeNull();
  });

  it('gives up after bounded retries with a LatchNetworkError, still signed in', async () => {
    const { backend, client, tokenRequests } = await setup();
    backend.scenario('network-error');
    vi.useFakeTimers({ toFake: ['setTimeout'] });

    const outcome = client.getToken().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    const error = await outcome;
    expect(error).toBeInstanceOf(LatchNetworkError);
    expect(tokenRequests).toHaveLength(4);
    expect(client.session).not.toBeNull();
  });
});

describe.each([
  ['5 minutes ahead', 5 * 60_000],
  ['61 seconds ahead', 61_000],
  ['5 minutes behind', -5 * 60_000],
])('with the device clock %s of the server', (_name, skewMs) => {
  it('mints one token per lifetime, never loops, and never hands out an expired token', async () => {
    let serverNow = Date.now();
    const backend = createMockBackend({ users: [ada], now: () => serverNow });
    server.use(...backend.handlers);
    const tokenRequests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/tokens')) tokenRequests.push(request.url);
    });
    const client = await signedInClient(backend.url);
    vi.useFakeTimers({ toFake: ['Date'] });
    const advance = (ms: number) => {
      serverNow += ms;
      vi.setSystemTime(serverNow + skewMs);
    };
    advance(0);
    /** A token the server still accepts: its exp (server clock) is ahead of the server's now. */
    const expectLive = (jwt: string | null) => {
      const { exp } = JSON.parse(atob(jwt!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number };
      expect(exp * 1000).toBeGreaterThan(serverNow);
    };

    const first = await client.getToken();
    expectLive(first);
    for (let i = 0; i < 5; i++) expectLive(await client.getToken());
    expect(tokenRequests).toHaveLength(1);

    advance(45_000);
    expect(await client.getToken()).toBe(first);
    expect(tokenRequests).toHaveLength(1);

    advance(6_000);
    const second = await client.getToken();
    expect(second).not.toBe(first);
    expectLive(second);
    expect(await client.getToken()).toBe(second);
    expect(tokenRequests).toHaveLength(2);

    // Long after: the cached token is past its server-side expiry, so exactly one new one.
    advance(10 * 60_000);
    expectLive(await client.getToken());
    expectLive(await client.getToken());
    expect(tokenRequests).toHaveLength(3);
  });
});

describe('network errors', () => {
  it('reject with LatchNetworkError when fetch itself fails', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const client = newClient(backend.url);
    backend.scenario('network-error');

    const error = await client.load().catch((e: unknown) => e);
    expect(isLatchNetworkError(error)).toBe(true);
    expect(client.getState().isLoaded).toBe(false);

    // load() may be called again once the network is back.
    backend.scenario(null);
    await client.load();
    expect(client.getState().isLoaded).toBe(true);
  });
});
