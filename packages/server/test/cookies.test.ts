import { describe, expect, it } from 'vitest';
import { ada, createTestServer, errorCode, type Reply } from './helpers';

const API = 'https://auth.example.com';
const APP = 'https://app.example.com';

async function setup(options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer({ issuer: API, allowedOrigins: [APP], ...options });
  await test.server.admin.createUser(ada);
  return test;
}

function cookieValue(setCookie: string | null, name: string): string {
  const match = new RegExp(`${name}=([^;]+)`).exec(setCookie ?? '');
  if (!match?.[1]) throw new Error(`no ${name} cookie in ${setCookie}`);
  return match[1];
}

async function send(handler: (r: Request) => Promise<Response>, url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await handler(new Request(url, init));
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const signInBody = JSON.stringify({ identifier: ada.emailAddress, password: ada.password });
const json = { 'content-type': 'application/json' };

describe('cookie mode', () => {
  it('sets an HttpOnly __Host- cookie over https and reads it back', async () => {
    const { server } = await setup();
    const first = await send(server.handler, `${API}/v1/client/sign_ins`, { method: 'POST', headers: json, body: signInBody });
    const setCookie = first.headers.get('set-cookie');
    expect(setCookie).toMatch(/^__Host-latch_client=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax; Max-Age=\d+$/);
    const cookie = `__Host-latch_client=${cookieValue(setCookie, '__Host-latch_client')}`;
    const client = await send(server.handler, `${API}/v1/client`, { headers: { cookie } });
    expect(client.json.client?.sessions).toHaveLength(1);
  });

  it('uses a plain cookie without Secure on http://localhost', async () => {
    const test = createTestServer({ issuer: 'http://localhost:8787' });
    await test.server.admin.createUser(ada);
    const reply = await send(test.server.handler, 'http://localhost:8787/v1/client/sign_ins', { method: 'POST', headers: json, body: signInBody });
    const setCookie = reply.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^latch_client=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(setCookie).not.toContain('Secure');
  });

  it('rotates the token into the cookie only, never into a readable header', async () => {
    const { server } = await setup();
    const started = await send(server.handler, `${API}/v1/client/sign_ins`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ identifier: ada.emailAddress }),
    });
    const cookie = `__Host-latch_client=${cookieValue(started.headers.get('set-cookie'), '__Host-latch_client')}`;
    const signInId = (started.json.response as { id: string }).id;
    const done = await send(server.handler, `${API}/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
      method: 'POST',
      headers: { ...json, cookie, origin: APP, 'latch-requested-with': 'fetch' },
      body: JSON.stringify({ strategy: 'password', password: ada.password }),
    });
    expect(done.status).toBe(200);
    expect(done.headers.get('latch-client-token')).toBeNull();
    const rotated = cookieValue(done.headers.get('set-cookie'), '__Host-latch_client');
    expect(`__Host-latch_client=${rotated}`).not.toBe(cookie);
    const stale = await send(server.handler, `${API}/v1/client`, { headers: { cookie } });
    expect(stale.json.client).toBeNull();
  });

  describe('CSRF', () => {
    async function signedInCookie() {
      const test = await setup();
      const first = await send(test.server.handler, `${API}/v1/client/sign_ins`, { method: 'POST', headers: json, body: signInBody });
      return { test, cookie: `__Host-latch_client=${cookieValue(first.headers.get('set-cookie'), '__Host-latch_client')}` };
    }

    function patchMe(test: Awaited<ReturnType<typeof setup>>, headers: Record<string, string>) {
      return send(test.server.handler, `${API}/v1/me`, { method: 'PATCH', headers: { ...json, ...headers }, body: JSON.stringify({ firstName: 'Eve' }) });
    }

    it('refuses cookie-authenticated mutations without an allowed Origin', async () => {
      const { test, cookie } = await signedInCookie();
      const attempts: Record<string, string>[] = [
        { cookie, 'latch-requested-with': 'fetch' },
        { cookie, origin: 'https://evil.example', 'latch-requested-with': 'fetch' },
      ];
      for (const headers of attempts) {
        const reply = await patchMe(test, headers);
        expect(reply.status).toBe(403);
        expect(errorCode(reply)).toBe('origin_invalid');
      }
    });

    it('refuses them without the latch-requested-with header', async () => {
      const { test, cookie } = await signedInCookie();
      const reply = await patchMe(test, { cookie, origin: APP });
      expect(reply.status).toBe(403);
    });

    it('accepts an allowed origin, or the API’s own, with the header', async () => {
      const { test, cookie } = await signedInCookie();
      expect((await patchMe(test, { cookie, origin: APP, 'latch-requested-with': 'fetch' })).status).toBe(200);
      expect((await patchMe(test, { cookie, origin: API, 'latch-requested-with': 'fetch' })).status).toBe(200);
    });

    it('lets reads through: GET needs no CSRF proof', async () => {
      const { test, cookie } = await signedInCookie();
      expect((await send(test.server.handler, `${API}/v1/me`, { headers: { cookie } })).status).toBe(200);
    });

    it('does not apply to header mode', async () => {
      const test = await setup();
      const browser = test.browser();
      await browser.signInWithPassword(ada.emailAddress, ada.password);
      const reply = await browser.call('PATCH', '/v1/me', { firstName: 'Augusta' }, { origin: 'https://elsewhere.example' });
      expect(reply.status).toBe(200);
    });
  });
});
