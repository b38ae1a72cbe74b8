// @vitest-environment jsdom
import { LatchClient } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ada } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  vi.useRealTimers();
  localStorage.clear();
});
afterAll(() => server.close());

function allStoredValues(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.getItem(localStorage.key(i)!) ?? '');
}

describe('in a browser page', () => {
  it('uses header mode for a cross-site API: the client token in localStorage, the JWT never', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const client = new LatchClient({ frontendApi: backend.url, broadcast: false });
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });

    const clientToken = localStorage.getItem(`latch:client-token:${backend.url}`);
    expect(clientToken).toBeTruthy();
    const jwt = await client.getToken();
    expect(jwt).toMatch(/^ey/);
    expect(allStoredValues().some((value) => value.includes(jwt!))).toBe(false);

    // Another page load of the same browser picks the client up from storage.
    const reloaded = new LatchClient({ frontendApi: backend.url, broadcast: false });
    await reloaded.load();
    expect(reloaded.user?.id).toBe(client.user?.id);
    client.destroy();
    reloaded.destroy();
  });

  it('refreshes the active token before it expires, and stops after destroy()', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const tokenRequests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/tokens')) tokenRequests.push(request.url);
    });
    const client = new LatchClient({ frontendApi: backend.url, broadcast: false });
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const first = await client.getToken();
    expect(tokenRequests).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(46_000);
    expect(tokenRequests).toHaveLength(2);
    // Once the refresh lands, getToken() serves the new token from the cache.
    await vi.waitFor(async () => expect(await client.getToken()).not.toBe(first));
    expect(tokenRequests).toHaveLength(2);

    client.destroy();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(tokenRequests).toHaveLength(2);
  });

  it('uses cookie mode for a same-site API: credentials included, no token in JS', async () => {
    const calls: RequestInit[] = [];
    const fakeFetch: typeof fetch = async (_url, init) => {
      calls.push(init!);
      return new Response(JSON.stringify({ response: null, client: null, environment: null }), {
        headers: { 'content-type': 'application/json', 'latch-client-token': 'should-never-be-stored' },
      });
    };
    // jsdom's page is http://localhost:3000: the same host is the same site.
    const client = new LatchClient({ frontendApi: 'http://localhost:3000', fetch: fakeFetch });
    await client.load();

    expect(calls[0]?.credentials).toBe('include');
    expect(new Headers(calls[0]?.headers).get('authorization')).toBeNull();
    expect(localStorage.length).toBe(0);
    client.destroy();
  });
});
