import { describe, expect, it } from 'vitest';
import { API, ada, createTestServer, type Reply } from './helpers';

/** The headers every response must carry, whatever its route or status. */
function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('are on every response: success, errors, 404, 405, JWKS and preflight, with HSTS over https', async () => {
    const test = createTestServer({ allowedOrigins: ['https://app.example.com'] });
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    const replies: Reply[] = [
      await browser.call('GET', '/v1/environment'),
      await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: 'wrong-password-1' }),
      await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password }),
      await browser.call('GET', '/v1/me'),
      await browser.call('GET', '/.well-known/jwks.json'),
      await browser.call('GET', '/v1/nothing-here'),
      await browser.call('PUT', '/v1/client'),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([200, 422, 200, 200, 200, 404, 405]);
    for (const reply of replies) {
      expectSecurityHeaders(reply.headers);
      expect(reply.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    }
    const preflight = await test.server.handler(
      new Request(`${API}/v1/client`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } }),
    );
    expect(preflight.status).toBe(204);
    expectSecurityHeaders(preflight.headers);
  });

  it('leave HSTS out on plain http (localhost), where browsers ignore it', async () => {
    const { server } = createTestServer({ issuer: 'http://localhost:8787' });
    const response = await server.handler(new Request('http://localhost:8787/v1/environment'));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response.headers);
    expect(response.headers.has('strict-transport-security')).toBe(false);
  });

  it('answer a method the API never serves with 405, on any path', async () => {
    const { server } = createTestServer();
    for (const path of ['/v1/client', '/v1/nothing-here']) {
      const response = await server.handler(new Request(`${API}${path}`, { method: 'PROPFIND' }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST, PATCH, DELETE');
      expectSecurityHeaders(response.headers);
      expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('method_not_allowed');
    }
  });
});

describe('the client cookie', () => {
  async function cookieAfterSignIn(options: Parameters<typeof createTestServer>[0]) {
    const { server } = createTestServer(options);
    await server.admin.createUser(ada);
    const response = await server.handler(
      new Request(`${API}/v1/client/sign_ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: ada.emailAddress, password: ada.password }),
      }),
    );
    expect(response.status).toBe(200);
    return response.headers.get('set-cookie') ?? '';
  }

  it('lives as long as a session can (the absolute lifetime), not a year', async () => {
    expect(await cookieAfterSignIn({})).toMatch(/; Max-Age=2592000$/);
    expect(await cookieAfterSignIn({ sessionLifetime: { absoluteMs: 12 * 60 * 60 * 1000 } })).toMatch(/; Max-Age=43200$/);
  });

  it('keeps an explicit Max-Age', async () => {
    expect(await cookieAfterSignIn({ cookies: { secure: true, maxAgeSeconds: 600 } })).toMatch(/; Max-Age=600$/);
  });
});
