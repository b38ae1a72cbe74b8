import { afterEach, describe, expect, it } from 'vitest';
import { ada, errorCode, startService, type TestService } from './helpers';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';
const signInBody = JSON.stringify({ identifier: ada.emailAddress, password: ada.password });

describe('cookies, CSRF and CORS on the listener', () => {
  let running: TestService | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function start(options: Parameters<typeof startService>[0] = {}) {
    running = await startService({ allowedOrigins: [APP], ...options });
    await running.service.latch.admin.createUser(ada);
    return running;
  }

  /** Signs in as a cookie-mode browser would, and returns the cookie to send back. */
  async function signInWithCookie(url: string): Promise<{ setCookie: string; cookie: string }> {
    const response = await fetch(`${url}/v1/client/sign_ins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signInBody });
    expect(response.status).toBe(200);
    const [setCookie = ''] = response.headers.getSetCookie();
    return { setCookie, cookie: setCookie.split(';')[0] ?? '' };
  }

  function patchMe(url: string, headers: Record<string, string>) {
    return fetch(`${url}/v1/me`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: '{"firstName":"Eve"}' });
  }

  it('sets a plain HttpOnly cookie without Secure on http://localhost', async () => {
    const { service } = await start();
    expect(service.publicUrl).toMatch(/^http:\/\/localhost:\d+$/);
    const { setCookie } = await signInWithCookie(service.url);
    // Max-Age: the default absolute session lifetime, 30 days.
    expect(setCookie).toMatch(/^latch_client=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
  });

  it('sets a __Host- cookie with Secure when the public URL is https, and honours the cookie settings', async () => {
    const { service } = await start({ publicUrl: 'https://auth.example.com', cookies: { sameSite: 'Strict', maxAgeSeconds: 86_400 } });
    const { setCookie, cookie } = await signInWithCookie(service.url);
    expect(setCookie).toMatch(/^__Host-latch_client=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=86400$/);
    const client = await fetch(`${service.url}/v1/client`, { headers: { cookie } });
    expect(((await client.json()) as { client: { sessions: unknown[] } }).client.sessions).toHaveLength(1);
  });

  it('refuses cookie-authenticated mutations without an allowed Origin and the custom header (CSRF)', async () => {
    const { service } = await start();
    const { cookie } = await signInWithCookie(service.url);
    const refused: Record<string, string>[] = [
      { cookie, 'latch-requested-with': 'fetch' },
      { cookie, origin: EVIL, 'latch-requested-with': 'fetch' },
      { cookie, origin: APP },
    ];
    for (const headers of refused) {
      const response = await patchMe(service.url, headers);
      expect(response.status).toBe(403);
      expect(errorCode({ status: 403, headers: response.headers, json: await response.json() })).toBe('origin_invalid');
      // An allowed app may read why it was refused; no other origin may.
      expect(response.headers.get('access-control-allow-origin')).toBe(headers.origin === APP ? APP : null);
    }
    expect((await fetch(`${service.url}/v1/me`, { headers: { cookie } })).status).toBe(200);
    const own = await patchMe(service.url, { cookie, origin: service.publicUrl, 'latch-requested-with': 'fetch' });
    expect(own.status).toBe(200);
  });

  it('gives allowed origins CORS with credentials on every answer, errors included', async () => {
    const { service } = await start();
    const { cookie } = await signInWithCookie(service.url);
    const accepted = await patchMe(service.url, { cookie, origin: APP, 'latch-requested-with': 'fetch' });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('access-control-allow-origin')).toBe(APP);
    expect(accepted.headers.get('access-control-allow-credentials')).toBe('true');
    expect(accepted.headers.get('access-control-expose-headers')).toBe('latch-client-token, Retry-After');
    expect(accepted.headers.get('vary')).toContain('Origin');
    const failed = await fetch(`${service.url}/v1/me`, { headers: { origin: APP } });
    expect(failed.status).toBe(401);
    expect(failed.headers.get('access-control-allow-origin')).toBe(APP);
    const other = await fetch(`${service.url}/v1/environment`, { headers: { origin: EVIL } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers preflights: methods and headers for allowed origins, nothing for others', async () => {
    const { service } = await start();
    const preflight = (origin: string) =>
      fetch(`${service.url}/v1/client/sign_ins`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, latch-requested-with' },
      });
    const allowed = await preflight(APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE');
    expect(allowed.headers.get('access-control-allow-headers')?.split(', ')).toEqual([
      'authorization',
      'content-type',
      'latch-requested-with',
      'latch-session-id',
    ]);
    const refused = await preflight(EVIL);
    expect(refused.status).toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('publishes the redirect origins in the environment for the UI', async () => {
    const { service } = await start({ redirectOrigins: ['https://www.example.com'] });
    const reply = (await (await fetch(`${service.url}/v1/environment`)).json()) as { response: { allowedRedirectOrigins: string[] } };
    expect(reply.response.allowedRedirectOrigins).toEqual(['https://www.example.com']);
  });
});
