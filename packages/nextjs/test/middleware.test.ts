import { readFileSync } from 'node:fs';
import { NextRequest, type NextFetchEvent } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { LatchConfigurationError } from '../src/config';
import { verifyHandoff } from '../src/handoff';
import { latchMiddleware } from '../src/middleware';
import { config, createRouteMatcher, staticFilePattern } from '../src/route-matcher';
import { frontendApi, origin, secret, serveLatchApp } from './harness';

const app = serveLatchApp();
const event = {} as NextFetchEvent;
const isProtected = createRouteMatcher(['/posts(.*)', '/api/posts(.*)']);
const middleware = latchMiddleware((auth, request) => (isProtected(request) ? auth.protect() : undefined), { frontendApi, secret });

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, origin), { headers });
}

/** What the route after the middleware receives: Next's request-header overrides on a `next()` response. */
function forwardedHeader(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

describe('latchMiddleware()', () => {
  it('a signed-out page request to a protected route: redirect to sign-in with redirect_url', async () => {
    const res = await middleware(request('/posts/7?tab=new', { accept: 'text/html' }), event);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${origin}/sign-in?redirect_url=%2Fposts%2F7%3Ftab%3Dnew`);
  });

  it('a signed-out client-side navigation (RSC request) is redirected too', async () => {
    const res = await middleware(request('/posts', { rsc: '1' }), event);
    expect(res.status).toBe(307);
  });

  it('a signed-out API call to a protected route: 401 JSON', async () => {
    const res = await middleware(request('/api/posts'), event);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ code: 'authentication_invalid', message: 'Sign in to use this route.' }] });
  });

  it('unprotected routes go on, signed out, with the signed-out result handed over', async () => {
    const res = await middleware(request('/'), event);
    expect(res.headers.get('x-middleware-next')).toBe('1');
    expect(res.headers.get('x-latch-auth')).toBe('signed-out');
    const check = await verifyHandoff(secret, forwardedHeader(res, 'x-latch-handoff')!);
    expect(check).toEqual({ ok: true, auth: null });
  });

  it('static files and the Latch API itself run no auth code', async () => {
    for (const path of ['/logo.svg', '/_next/static/chunks/app.js', '/favicon.ico', '/api/latch/v1/client']) {
      const res = await middleware(request(path, { cookie: 'latch_session=garbage' }), event);
      expect(res.headers.get('x-latch-auth'), path).toBeNull();
      expect(forwardedHeader(res, 'x-latch-handoff'), path).toBeNull();
    }
    expect(app.requests).toEqual([]);
  });

  it('signed in: the route gets the verified session, signed, and a handoff the visitor sent is replaced', async () => {
    const { cookie, sessionId } = await app.signIn();
    const res = await middleware(request('/posts', { cookie, 'x-latch-handoff': 'forged.value' }), event);
    expect(res.headers.get('x-latch-auth')).toBe('signed-in');
    expect(res.headers.get('set-cookie')).toBeNull();
    const check = await verifyHandoff(secret, forwardedHeader(res, 'x-latch-handoff')!);
    expect(check.ok && check.auth?.sessionId).toBe(sessionId);
    expect(forwardedHeader(res, 'x-latch-path')).toBe('/posts');
  });

  it('an expired session cookie on a page load: renewed server-to-server, no redirect, the new cookie set and forwarded', async () => {
    const { clientToken, sessionId } = await app.signIn();
    app.clock.offsetMs = -120_000;
    const expired = await app.mint(clientToken, sessionId);
    app.clock.offsetMs = 0;
    const res = await middleware(request('/posts', { accept: 'text/html', cookie: `latch_client=${clientToken}; latch_session=${expired}` }), event);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^latch_session=ey[^;]+; Path=\/; SameSite=Lax; Max-Age=60$/);
    const renewed = /^latch_session=([^;]+)/.exec(setCookie)![1]!;
    expect(renewed).not.toBe(expired);
    expect(forwardedHeader(res, 'cookie')).toBe(`latch_client=${clientToken}; latch_session=${renewed}`);
  });

  it('a revoked session: one redirect to sign-in, the session cookie cleared and the tokens kept from the route', async () => {
    const { clientToken, sessionId } = await app.signIn();
    await app.browserFetch(clientToken, 'POST', `/v1/client/sessions/${sessionId}/end`);
    const res = await middleware(request('/posts', { accept: 'text/html', cookie: `latch_client=${clientToken}` }), event);
    expect(res.status).toBe(307);
    expect(res.headers.get('set-cookie')).toBe('latch_session=; Path=/; SameSite=Lax; Max-Age=0');
    // The sign-in page it lands on is not protected, so the next request goes through: no loop.
    const signInPage = await middleware(request('/sign-in?redirect_url=%2Fposts', { accept: 'text/html', cookie: `latch_client=${clientToken}` }), event);
    expect(signInPage.headers.get('x-middleware-next')).toBe('1');
  });

  it('protecting the sign-in page itself is refused with what to change, instead of a redirect loop', async () => {
    const everything = latchMiddleware((auth) => auth.protect(), { frontendApi, secret });
    await expect(everything(request('/sign-in', { accept: 'text/html' }), event)).rejects.toThrow(
      '/sign-in is the sign-in page (LATCH_SIGN_IN_URL, default /sign-in), and it is protected, which would send visitors in a loop. ' +
        'Leave it out of createRouteMatcher([...])',
    );
  });

  it('no frontend API configured: the error says which variable to add, and where', async () => {
    vi.stubEnv('LATCH_FRONTEND_API', '');
    vi.stubEnv('NEXT_PUBLIC_LATCH_FRONTEND_API', '');
    try {
      await expect(latchMiddleware()(request('/'), event)).rejects.toThrow(
        /the Latch frontend API URL is not set\. Add LATCH_FRONTEND_API to \.env\.local: the absolute URL of your route handler \(e\.g\. http:\/\/localhost:3000\/api\/latch/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a short LATCH_SECRET is refused with how to make a good one', async () => {
    const error = await latchMiddleware(undefined, { frontendApi, secret: 'short' })(request('/'), event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchConfigurationError);
    expect((error as Error).message).toBe(
      '@latch/nextjs: LATCH_SECRET is 5 characters; it must be at least 32. Generate one with `openssl rand -base64 32` and set it in ' +
        '.env.local (and in production, in the environment of every instance).',
    );
  });
});

describe('createRouteMatcher and the default matcher', () => {
  it('matches whole pathnames, with :name for one segment', () => {
    const match = createRouteMatcher(['/posts(.*)', '/users/:id/settings', /^\/admin/]);
    const at = (path: string) => match({ url: `${origin}${path}` });
    expect([at('/posts'), at('/posts/1'), at('/users/42/settings'), at('/admin/x')]).toEqual([true, true, true, true]);
    expect([at('/'), at('/po'), at('/users/42/settings/more'), at('/api/posts')]).toEqual([false, false, false, false]);
  });

  it("config.matcher skips Next's build output, images and static files, and keeps pages and APIs", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ['/', '/posts', '/api/posts', '/api/trpc/hello', '/sign-in']) expect(matcher.test(path), path).toBe(true);
    for (const path of ['/_next/static/chunks/a.js', '/_next/image', '/logo.svg', '/favicon.ico', '/fonts/a.woff2']) {
      expect(matcher.test(path), path).toBe(false);
      expect(staticFilePattern.test(path), path).toBe(true);
    }
  });

  it("the example's proxy.ts carries the same matcher literally (Next reads it statically)", () => {
    const proxy = readFileSync(new URL('../../../examples/nextjs/proxy.ts', import.meta.url), 'utf8');
    expect(proxy).toContain(`matcher: ${JSON.stringify(config.matcher).replace(/"/g, "'")}`);
  });
});
