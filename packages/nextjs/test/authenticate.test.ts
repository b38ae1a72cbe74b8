import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthenticator, otherSecretMessage } from '../src/authenticate';
import { resolveConfig } from '../src/config';
import { signHandoff } from '../src/handoff';
import { inProcessServers } from '../src/in-process';
import { frontendApi, secret, serveLatchApp } from './harness';

const app = serveLatchApp();

afterEach(() => vi.restoreAllMocks());

describe('authenticating a request', () => {
  it('a valid session cookie: the session, verified against the server keys, with no call to the server but the JWKS', async () => {
    const { jwt, sessionId, clientToken } = await app.signIn();
    app.requests.length = 0;
    const result = await createAuthenticator(app.config)({ cookie: `latch_client=${clientToken}; latch_session=${jwt}`, handoff: null });
    expect(result).toEqual({ auth: { userId: expect.stringMatching(/^user_/), sessionId, token: jwt, expiresAt: expect.any(Number) } });
    expect(app.requests.filter((r) => !r.endsWith('/jwks.json'))).toEqual([]);
  });

  it('no cookies: signed out, and nothing asked of the server', async () => {
    expect(await createAuthenticator(app.config)({ cookie: null, handoff: null })).toEqual({ auth: null });
    expect(app.requests).toEqual([]);
  });

  it('an expired session cookie: a fresh token minted server-to-server, to be set as the new cookie', async () => {
    const { clientToken, sessionId } = await app.signIn();
    app.clock.offsetMs = -120_000; // minted two minutes ago, by this machine's clock
    const expired = await app.mint(clientToken, sessionId);
    app.clock.offsetMs = 0;
    const result = await createAuthenticator(app.config)({ cookie: `latch_client=${clientToken}; latch_session=${expired}`, handoff: null });
    expect(result.auth?.sessionId).toBe(sessionId);
    expect(result.sessionCookie).toMatch(/^ey/);
    expect(result.sessionCookie).not.toBe(expired);
    expect(result.auth?.token).toBe(result.sessionCookie);
  });

  it('no session cookie at all but a client token (the cookie ran out in the browser): renewed the same way', async () => {
    const { clientToken, sessionId } = await app.signIn();
    const result = await createAuthenticator(app.config)({ cookie: `latch_client=${clientToken}`, handoff: null });
    expect(result.auth?.sessionId).toBe(sessionId);
    expect(result.sessionCookie).toBe(result.auth?.token);
  });

  it('a revoked session: signed out at its next renewal, and the cookie is cleared (no loop of retries)', async () => {
    const { clientToken, sessionId } = await app.signIn();
    app.clock.offsetMs = -120_000;
    const expired = await app.mint(clientToken, sessionId);
    app.clock.offsetMs = 0;
    expect((await app.browserFetch(clientToken, 'POST', `/v1/client/sessions/${sessionId}/end`)).status).toBe(200);
    const result = await createAuthenticator(app.config)({ cookie: `latch_client=${clientToken}; latch_session=${expired}`, handoff: null });
    expect(result).toEqual({ auth: null, sessionCookie: null });
  });

  it('a session revoked from another device: signed out on the very next request, though its token has not expired', async () => {
    const { cookie, sessionId } = await app.signIn();
    const authenticate = createAuthenticator(app.config);
    expect((await authenticate({ cookie, handoff: null })).auth?.sessionId).toBe(sessionId);
    const phone = await app.signIn();
    expect((await app.browserFetch(phone.clientToken, 'POST', `/v1/me/sessions/${sessionId}/revoke`)).status).toBe(200);
    app.requests.length = 0;
    expect(await authenticate({ cookie, handoff: null })).toEqual({ auth: null, sessionCookie: null });
    // In-process, the check was a store read: the only HTTP calls were the attempt to renew.
    expect(app.requests.filter((r) => r.includes('/sessions/status'))).toEqual([]);
  });

  describe('with the Latch server in another process (POST /v1/sessions/status)', () => {
    const statusCalls = () => app.requests.filter((r) => r === 'POST /api/latch/v1/sessions/status').length;
    function elsewhere(): () => void {
      const check = inProcessServers().get(frontendApi);
      inProcessServers().delete(frontendApi);
      return () => void (check && inProcessServers().set(frontendApi, check));
    }

    it('signs a revoked session out on its next request, and reuses "active" for revocationCacheMs', async () => {
      const restore = elsewhere();
      try {
        const { cookie, sessionId } = await app.signIn();
        const authenticate = createAuthenticator(resolveConfig({ frontendApi, secret, revocationCacheMs: 60_000 }));
        for (let request = 0; request < 3; request++) expect((await authenticate({ cookie, handoff: null })).auth?.sessionId).toBe(sessionId);
        expect(statusCalls()).toBe(1);

        const strict = createAuthenticator(resolveConfig({ frontendApi, secret, revocationCacheMs: 0 }));
        expect((await strict({ cookie, handoff: null })).auth?.sessionId).toBe(sessionId);
        const phone = await app.signIn();
        await app.browserFetch(phone.clientToken, 'POST', `/v1/me/sessions/${sessionId}/revoke`);
        expect(await strict({ cookie, handoff: null })).toEqual({ auth: null, sessionCookie: null });
        expect(statusCalls()).toBe(3);
      } finally {
        restore();
      }
    });

    it('a server that cannot answer: the token alone decides, and the developer is told once', async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const restore = elsewhere();
      try {
        const { cookie, sessionId } = await app.signIn();
        app.msw.use(http.post(`${frontendApi}/v1/sessions/status`, () => new Response(null, { status: 503 })));
        const authenticate = createAuthenticator(resolveConfig({ frontendApi, secret, revocationCacheMs: 0 }));
        expect((await authenticate({ cookie, handoff: null })).auth?.sessionId).toBe(sessionId);
        expect((await authenticate({ cookie, handoff: null })).auth?.sessionId).toBe(sessionId);
        expect(errors.mock.calls.filter(([m]) => String(m).includes('whether a session is still active (HTTP 503)'))).toHaveLength(1);
        expect(errors).toHaveBeenCalledWith(
          `@latch/nextjs: could not ask the Latch server at ${frontendApi} whether a session is still active (HTTP 503). ` +
            'Meanwhile its token alone decides, so a revoked session may stay signed in until that token expires (at most 60 s).',
        );
      } finally {
        restore();
      }
    });
  });

  it('the app clock 10 minutes off the server: still signed in, every time, and the offset is reported once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { clientToken, sessionId } = await app.signIn();
    app.clock.offsetMs = -10 * 60_000;
    const authenticate = createAuthenticator(app.config);
    for (let request = 0; request < 3; request++) {
      const token = await app.mint(clientToken, sessionId); // what the browser got: already "expired" here
      const result = await authenticate({ cookie: `latch_client=${clientToken}; latch_session=${token}`, handoff: null });
      expect(result.auth?.sessionId).toBe(sessionId);
    }
    const offsetWarnings = errors.mock.calls.filter(([message]) => /clock is about (599|600|601) s off/.test(String(message)));
    expect(offsetWarnings).toHaveLength(1);
  });

  it('a forged token (claims changed, signature kept) is refused, never trusted', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { jwt } = await app.signIn();
    const [header, , signature] = jwt.split('.');
    const claims = Buffer.from(JSON.stringify({ iss: frontendApi, sub: 'user_mallory', sid: 'sess_x', iat: 1, nbf: 1, exp: 4e9 })).toString('base64url');
    const result = await createAuthenticator(app.config)({ cookie: `latch_session=${header}.${claims}.${signature}`, handoff: null });
    expect(result).toEqual({ auth: null, sessionCookie: null });
  });

  it('a token from another issuer is refused, and the developer is told which setting to check', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { jwt } = await app.signIn();
    const elsewhere = resolveConfig({ frontendApi: 'http://localhost:3000/api/latch/', secret });
    const other = { ...elsewhere, issuer: 'https://auth.example.com' };
    expect((await createAuthenticator(other)({ cookie: `latch_session=${jwt}`, handoff: null })).auth).toBeNull();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('(token_wrong_issuer). If every token is, LATCH_FRONTEND_API may not be'));
  });

  it("the middleware's handoff is used as it is, without verifying again", async () => {
    const auth = { userId: 'user_1', sessionId: 'sess_1', token: 'not-even-a-jwt', expiresAt: Math.floor(Date.now() / 1000) + 30 };
    const handoff = await signHandoff(secret, auth);
    expect(await createAuthenticator(app.config)({ cookie: null, handoff })).toEqual({ auth });
    expect(app.requests).toEqual([]);
  });

  it('a handoff a visitor made up (no secret, or the wrong one) is ignored, and the cookie decides', async () => {
    const forged = await signHandoff('another-secret-at-least-32-characters-long', { userId: 'user_mallory', sessionId: 's', token: 't', expiresAt: 4e9 });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await createAuthenticator(app.config)({ cookie: null, handoff: forged })).auth).toBeNull();
    expect((await createAuthenticator(app.config)({ cookie: null, handoff: 'e30.AAAA' })).auth).toBeNull();
    // A handoff signed with another secret is also what a middleware with another LATCH_SECRET sends: say so.
    expect(errors).toHaveBeenCalledWith(otherSecretMessage);
    expect(otherSecretMessage).toContain('Set the same LATCH_SECRET for the middleware (proxy.ts / middleware.ts) and the app');
  });

  it('an unreachable Latch server: an error that names the URL and the setting, not "signed out"', async () => {
    const { jwt, clientToken } = await app.signIn();
    const nowhere = 'http://localhost:9/api/latch'; // nothing listens on port 9
    const authenticate = createAuthenticator(resolveConfig({ frontendApi: nowhere, secret }));
    await expect(authenticate({ cookie: `latch_client=${clientToken}; latch_session=${jwt}`, handoff: null })).rejects.toThrow(
      `@latch/nextjs: could not reach the Latch server at ${nowhere}`,
    );
    await expect(authenticate({ cookie: `latch_client=${clientToken}`, handoff: null })).rejects.toThrow(
      /Start it, or fix LATCH_FRONTEND_API; with createLatchRouteHandler it is the URL of app\/api\/latch\/\[\.\.\.latch\]\/route\.ts/,
    );
  });
});
