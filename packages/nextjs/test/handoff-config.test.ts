import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config';
import { sessionCookie } from '../src/cookies';
import { signHandoff, verifyHandoff } from '../src/handoff';

const secret = 'a-test-secret-of-at-least-32-characters!';
const auth = { userId: 'user_1', sessionId: 'sess_1', token: 'jwt', expiresAt: 2_000_000_000 };

describe('the middleware handoff', () => {
  it('round-trips what the middleware verified', async () => {
    expect(await verifyHandoff(secret, await signHandoff(secret, auth))).toEqual({ ok: true, auth });
  });

  it('refuses a changed payload, another secret, garbage and an expired token', async () => {
    const value = await signHandoff(secret, auth);
    const [body, signature] = value.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { a: typeof auth };
    payload.a.userId = 'user_2';
    const changed = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expect(await verifyHandoff(secret, changed)).toEqual({ ok: false, reason: 'invalid' });
    const other = await signHandoff('another-secret-that-is-32-characters-or-more', auth);
    expect(await verifyHandoff(secret, other)).toEqual({ ok: false, reason: 'other_secret' });
    expect(await verifyHandoff(secret, 'not a handoff')).toEqual({ ok: false, reason: 'invalid' });
    const expired = await signHandoff(secret, { ...auth, expiresAt: 1_000 });
    expect(await verifyHandoff(secret, expired)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('configuration', () => {
  it('resolves the issuer, the JWKS URL and the cookie security from the frontend API URL', () => {
    expect(resolveConfig({ frontendApi: 'https://app.example.com/api/latch/' })).toEqual({
      frontendApi: 'https://app.example.com/api/latch',
      issuer: 'https://app.example.com/api/latch',
      jwksUrl: 'https://app.example.com/api/latch/.well-known/jwks.json',
      secure: true,
      secret: process.env.LATCH_SECRET ?? null,
      signInUrl: '/sign-in',
      revocationCacheMs: 1000,
    });
  });

  it('a revocation cache that is not a whole number of milliseconds is refused, naming the setting', () => {
    expect(() => resolveConfig({ frontendApi: 'https://app.example.com/api/latch', revocationCacheMs: -1 })).toThrow(
      '@latch/nextjs: LATCH_REVOCATION_CACHE_MS (revocationCacheMs) must be a whole number of milliseconds, 0 or more, not "-1". Leave it unset for the default, 1000.',
    );
  });

  it('a relative frontend API URL is refused: keys must never be fetched from wherever the Host header says', () => {
    expect(() => resolveConfig({ frontendApi: '/api/latch' })).toThrow(
      '@latch/nextjs: LATCH_FRONTEND_API must be an absolute URL, not "/api/latch". Write it with the origin, e.g. http://localhost:3000/api/latch.',
    );
  });

  it('session cookies: __Host- and Secure over https, 60 s, and cleared with Max-Age=0', () => {
    expect(sessionCookie('jwt', true)).toBe('__Host-latch_session=jwt; Path=/; SameSite=Lax; Max-Age=60; Secure');
    expect(sessionCookie(null, false)).toBe('latch_session=; Path=/; SameSite=Lax; Max-Age=0');
  });
});
