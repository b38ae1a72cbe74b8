import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { devOnlyFastHashing, MemoryStore } from '@latch/server';
import { REQUESTED_WITH_HEADER, type ClientJSON, type TokenJSON } from '@latch/protocol';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createLatchRouteHandler } from '../src/route-handler';
import { resolveConfig } from '../src/config';

/**
 * A Next app's Latch server, in-process: the real route handler mounted at
 * `${frontendApi}`, answering the global fetch through MSW (what the
 * middleware's server-to-server calls and jose's JWKS fetch use).
 */
export const origin = 'http://localhost:3000';
export const frontendApi = `${origin}/api/latch`;
export const secret = 'a-test-secret-of-at-least-32-characters!';
export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };

export function serveLatchApp() {
  // The server's clock, ahead of or behind this machine's by `offsetMs`.
  const clock = { offsetMs: 0 };
  const latch = createLatchRouteHandler({
    frontendApi,
    store: () => new MemoryStore(),
    hashing: devOnlyFastHashing,
    now: () => Date.now() + clock.offsetMs,
    onReady: async (server) => void (await server.admin.createUser(ada)),
  });
  const requests: string[] = [];
  const msw = setupServer(
    http.all(`${frontendApi}/*`, ({ request }) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return latch[request.method as 'GET' | 'POST'](request);
    }),
    http.all('*', () => passthrough()),
  );
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    msw.resetHandlers();
    clock.offsetMs = 0;
    requests.length = 0;
  });
  afterAll(() => msw.close());

  const config = resolveConfig({ frontendApi, secret });

  /** Signs Ada in as a browser would; returns her cookies' values and a session JWT. */
  async function signIn(): Promise<{ clientToken: string; sessionId: string; jwt: string; cookie: string }> {
    const res = await browserFetch(null, 'POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    const clientToken = /latch_client=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    const { client } = (await res.json()) as { client: ClientJSON };
    const sessionId = client.lastActiveSessionId!;
    const jwt = await mint(clientToken, sessionId);
    return { clientToken, sessionId, jwt, cookie: `latch_client=${clientToken}; latch_session=${jwt}` };
  }

  async function mint(clientToken: string, sessionId: string): Promise<string> {
    const res = await browserFetch(clientToken, 'POST', `/v1/client/sessions/${sessionId}/tokens`);
    return ((await res.json()) as TokenJSON).jwt;
  }

  /** A same-origin request from the app's page, cookie mode. */
  function browserFetch(clientToken: string | null, method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin, [REQUESTED_WITH_HEADER]: 'fetch' };
    if (clientToken) headers.cookie = `latch_client=${clientToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(frontendApi + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  return { latch, clock, config, requests, msw, signIn, mint, browserFetch };
}
