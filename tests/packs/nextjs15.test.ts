import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../playground/test/chromium';
import { apiClient, freePort, installApp, nextBuild, repoRoot, startApp, type RunningApp } from './packs';

// A Next 15 app (tests/packs/next15-app) on the packed tarballs: `middleware.ts`,
// which Next 15 runs on the edge runtime, so nothing Node-only may reach it and
// it cannot share the in-process Latch server's store; it asks over HTTP.
// One `next build`, then a `next start` per configuration. Plain fetch with a
// cookie jar: the browser side is the same as Next 16's (nextjs-example.test.ts).
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';
const fixtureDir = join(repoRoot, 'tests/packs/next15-app');
const ada = ['ada@example.com', 'correct-horse-battery'] as const;

describe.runIf(runnable)('Next 15, middleware.ts on the edge runtime: next build + next start', () => {
  const appDir = mkdtempSync(join(tmpdir(), 'latch-next15-'));
  const secret = randomBytes(32).toString('base64');
  const started: RunningApp[] = [];
  let app: RunningApp;
  let buildOutput = '';

  /** Another `next start` of the same build, each on its own database. */
  async function start(env: Record<string, string> = {}): Promise<RunningApp> {
    const running = await startApp(appDir, { LATCH_SECRET: secret, LATCH_DATABASE: join(appDir, `.latch/${started.length}.db`), ...env });
    started.push(running);
    return running;
  }

  beforeAll(async () => {
    await installApp(fixtureDir, appDir);
    buildOutput = await nextBuild(appDir);
    app = await start();
  }, 300_000);

  afterAll(async () => {
    for (const running of started) running.stop();
    await rm(appDir, { recursive: true, force: true });
  }, 60_000);

  it('the middleware runs on the edge runtime, and builds for it without a warning', async () => {
    const manifest = JSON.parse(await readFile(join(appDir, '.next/server/middleware-manifest.json'), 'utf8')) as {
      middleware: Record<string, { files: string[] }>;
    };
    expect(Object.keys(manifest.middleware)).toEqual(['/']);
    // Nothing in its bundle needs an API the edge runtime lacks (jose's JWE code once did: CompressionStream).
    expect(buildOutput).not.toContain('not supported in the Edge Runtime');
    expect(buildOutput).not.toMatch(/Compiled with warnings/);
  });

  it('signed out: /posts redirects to sign-in with redirect_url, /api/posts answers 401 JSON', async () => {
    const page = await fetch(`${app.url}/posts?tab=mine`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe('/sign-in?redirect_url=%2Fposts%3Ftab%3Dmine');
    const api = await fetch(`${app.url}/api/posts`);
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ errors: [{ code: 'authentication_invalid', message: 'Sign in to use this route.' }] });
  });

  it('a static file runs no auth code; a page does', async () => {
    const file = await fetch(`${app.url}/logo.svg`);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-latch-auth')).toBeNull();
    expect((await fetch(`${app.url}/`)).headers.get('x-latch-auth')).toBe('signed-out');
  });

  it('signed in: the first HTML has the user; the middleware renewed the session cookie server-to-server; the API answers', async () => {
    const browser = apiClient(app.url);
    await browser.signIn(...ada);
    expect(browser.jar.has('latch_session')).toBe(false); // only the client token so far, as after a sleeping tab
    const page = await browser.page('/posts');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-latch-auth')).toBe('signed-in');
    expect(await page.text()).toContain('Posts by <!-- -->Ada');
    expect(browser.jar.get('latch_session')).toMatch(/^ey/);
    const api = await browser.call('GET', '/api/posts');
    expect(api.status).toBe(200);
    expect(((await api.json()) as { userId: string }).userId).toMatch(/^user_/);
  });

  it('auth() in an edge route handler with no middleware in front: verifies the cookie itself', async () => {
    const signedOut = await fetch(`${app.url}/unguarded-api`);
    expect(await signedOut.json()).toEqual({ userId: null, runtime: 'edge' });
    const browser = apiClient(app.url);
    await browser.signIn(...ada);
    await browser.page('/'); // the middleware sets the session cookie
    const signedIn = await browser.call('GET', '/unguarded-api');
    expect(signedIn.headers.get('x-latch-auth')).toBeNull(); // no middleware ran
    expect(await signedIn.json()).toEqual({ userId: expect.stringMatching(/^user_/), runtime: 'edge' });
  });

  it('the Pages Router: getAuth(req) in an API route, buildLatchProps(ctx) in getServerSideProps', async () => {
    expect(await (await fetch(`${app.url}/api/whoami`)).json()).toEqual({ userId: null });
    expect(await (await fetch(`${app.url}/legacy`)).text()).toContain('<p id="legacy">nobody</p>');
    const browser = apiClient(app.url);
    await browser.signIn(...ada);
    expect(await (await browser.page('/legacy')).text()).toContain('<p id="legacy">Ada</p>');
    expect(await (await browser.call('GET', '/api/whoami')).json()).toEqual({ userId: expect.stringMatching(/^user_/) });
  });

  it('a session revoked from another client is signed out (once the 1 s revocation cache has passed), with no loop', async () => {
    const browser = apiClient(app.url);
    await browser.signIn(...ada);
    expect((await browser.page('/posts')).status).toBe(200);
    const jwt = browser.jar.get('latch_session')!;
    const sessionId = (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
    const checkedAt = Date.now();

    const phone = apiClient(app.url);
    await phone.signIn(...ada);
    expect((await phone.call('POST', `/api/latch/v1/me/sessions/${sessionId}/revoke`)).status).toBe(200);
    // The edge middleware asks the server over HTTP, and reuses "active" for LATCH_REVOCATION_CACHE_MS (default 1000).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, checkedAt + 1100 - Date.now())));

    expect(browser.jar.get('latch_session')).toBe(jwt); // still a live token
    const page = await browser.page('/posts');
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe('/sign-in?redirect_url=%2Fposts');
    expect(browser.jar.has('latch_session')).toBe(false); // cleared
    expect((await browser.page('/sign-in')).status).toBe(200); // no loop
    expect((await browser.call('GET', '/api/posts')).status).toBe(401);
  });

  describe('misconfiguration: the exact message, saying what to add and where', () => {
    it('auth.protect() on a page the middleware does not run for', async () => {
      const res = await fetch(`${app.url}/unguarded`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(500);
      expect(app.log()).toContain(
        '@latch/nextjs: auth.protect() sends a signed-out visitor of a page to sign in and then back to the page, but only ' +
          'latchMiddleware() knows which page that is, and it did not run for this request. Add proxy.ts (Next 16) or ' +
          'middleware.ts (Next 15) next to your app/ folder with `export default latchMiddleware()` and a config.matcher that ' +
          'covers this page (the default one from @latch/nextjs/middleware covers every page), or call ' +
          "(await auth()).redirectToSignIn({ returnTo: '/this-page' }) yourself.",
      );
    });

    it('a middleware with another LATCH_SECRET than the app: the route verifies the session itself, and says to align them', async () => {
      const skewed = await start({ LATCH_MIDDLEWARE_SECRET: randomBytes(32).toString('base64') });
      const browser = apiClient(skewed.url);
      await browser.signIn(...ada);
      const api = await browser.call('GET', '/api/posts');
      expect(api.status).toBe(200);
      expect(skewed.log()).toContain(
        '@latch/nextjs: latchMiddleware() signed its result with a different LATCH_SECRET than this route uses, so the route ' +
          'verifies the session itself. Set the same LATCH_SECRET for the middleware (proxy.ts / middleware.ts) and the app, ' +
          'in .env.local and in every deployment.',
      );
      skewed.stop();
    });

    it('the Latch server unreachable from the edge middleware: a 500 whose message names the URL and the setting', async () => {
      const deadPort = await freePort();
      const broken = await start({ LATCH_FRONTEND_API: `http://localhost:${deadPort}/api/latch` });
      const token = ['{"alg":"ES256","kid":"k"}', '{"sub":"u"}', 'sig'].map((part) => Buffer.from(part).toString('base64url')).join('.');
      const res = await fetch(`${broken.url}/`, { headers: { cookie: `latch_session=${token}` } });
      expect(res.status).toBe(500);
      expect(broken.log()).toContain(
        `@latch/nextjs: could not reach the Latch server at http://localhost:${deadPort}/api/latch (`,
      );
      expect(broken.log()).toContain(
        'Start it, or fix LATCH_FRONTEND_API; with createLatchRouteHandler it is the URL of app/api/latch/[...latch]/route.ts, e.g. http://localhost:3000/api/latch.',
      );
      broken.stop();
    });

    it("the Latch server's clock 90 s behind the app's: every cookie looks expired, is renewed each time, and no request redirects", async () => {
      const skewed = await start({ LATCH_TEST_SERVER_CLOCK_OFFSET_MS: '-90000' });
      const browser = apiClient(skewed.url);
      await browser.signIn(...ada);
      const seen = new Set<string>();
      for (let load = 0; load < 3; load++) {
        const page = await browser.page('/posts');
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('Posts by <!-- -->Ada');
        // Minted 90 s "ago" by this machine's clock: expired on arrival, so the next load renews it again.
        seen.add(browser.jar.get('latch_session')!);
        expect((await browser.call('GET', '/api/posts')).status).toBe(200);
      }
      expect(seen.size).toBeGreaterThan(1);
      expect(skewed.log()).toMatch(/@latch\/nextjs: this server's clock is about (89|90|91) s off the Latch server's\. Sessions keep working/);
      skewed.stop();
    });
  });
});
