import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../playground/test/chromium';
import { apiClient, freePort, installApp, nextBuild, repoRoot, startApp, type RunningApp } from './packs';

// examples/nextjs as a user gets it: copied out of the repository, @latch/*
// from the packed tarballs, `next build`, then `next start`, driven over HTTP
// and in Chromium. The Latch server runs inside the app on SQLite.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';
const exampleDir = join(repoRoot, 'examples/nextjs');

describe.runIf(runnable)('examples/nextjs: next build + next start, in Chromium', () => {
  const appDir = mkdtempSync(join(tmpdir(), 'latch-nextjs-example-'));
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    await installApp(exampleDir, appDir);
    await nextBuild(appDir);
    app = await startApp(appDir, {
      LATCH_SECRET: randomBytes(32).toString('base64'),
      LATCH_DATABASE: join(appDir, '.latch/test.db'),
    });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    app?.stop();
    await rm(appDir, { recursive: true, force: true }); // node_modules with Next in it: a few seconds
  }, 60_000);

  /** A fresh browser, signed in through <SignIn/> (the middleware sends it there from /posts). */
  async function signedInPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/posts');
    await page.waitForURL('**/sign-in?redirect_url=%2Fposts');
    await page.getByLabel('Email address').fill('ada@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Posts by Ada' }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/posts');
    return { context, page };
  }

  describe('signed out', () => {
    it('/posts redirects to sign-in with redirect_url', async () => {
      const res = await fetch(`${app.url}/posts`, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe('/sign-in?redirect_url=%2Fposts');
    });

    it('/api/posts answers 401 JSON', async () => {
      const res = await fetch(`${app.url}/api/posts`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toEqual({ errors: [{ code: 'authentication_invalid', message: 'Sign in to use this route.' }] });
    });

    it('a static file runs no auth code; a page does', async () => {
      const file = await fetch(`${app.url}/logo.svg`);
      expect(file.status).toBe(200);
      expect(file.headers.get('x-latch-auth')).toBeNull();
      const page = await fetch(`${app.url}/`);
      expect(page.headers.get('x-latch-auth')).toBe('signed-out');
    });

    it('tRPC: the public procedure answers, the protected one is UNAUTHORIZED', async () => {
      const hello = await fetch(`${app.url}/api/trpc/hello`);
      expect(await hello.json()).toEqual({ result: { data: { greeting: 'Hello, stranger' } } });
      const mine = await fetch(`${app.url}/api/trpc/myPosts`);
      expect(mine.status).toBe(401);
      expect(((await mine.json()) as { error: { data: { code: string } } }).error.data.code).toBe('UNAUTHORIZED');
    });

    it('getAuth(req) in a Pages Router API route and in getServerSideProps says signed out', async () => {
      const api = await fetch(`${app.url}/api/pages-auth`);
      expect(api.status).toBe(401);
      expect(await api.json()).toEqual({ userId: null, sessionId: null });
      expect(await (await fetch(`${app.url}/pages-router`)).text()).toContain('signed out');
    });

    it('/api/users/me: auth.protect() in a route handler answers 401', async () => {
      expect((await fetch(`${app.url}/api/users/me`)).status).toBe(401);
    });
  });

  describe('signed in through <SignIn/>', () => {
    it('the first HTML of /posts already has the user and the posts; the APIs and tRPC answer', async () => {
      const { context } = await signedInPage();
      // A fresh request with the browser's cookies: the server-rendered HTML, before any script runs.
      const html = await (await context.request.get('/posts')).text();
      expect(html).toContain('Posts by <!-- -->Ada');
      expect(html).toContain('Notes on the Analytical Engine');
      expect(html).toContain('Ada Lovelace'); // <UserButton showName/> rendered signed in, no loading state

      const posts = await context.request.get('/api/posts');
      expect(posts.status()).toBe(200);
      expect(((await posts.json()) as { posts: unknown[] }).posts).toHaveLength(2);
      const me = await context.request.get('/api/users/me');
      expect(await me.json()).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
      const mine = await context.request.get('/api/trpc/myPosts');
      expect(mine.status()).toBe(200);
      expect(((await mine.json()) as { result: { data: unknown[] } }).result.data).toHaveLength(2);
      await context.close();
    });

    it('getAuth(req) in a Pages Router API route and in getServerSideProps', async () => {
      const { context } = await signedInPage();
      const api = await context.request.get('/api/pages-auth');
      expect(api.status()).toBe(200);
      const { userId } = (await api.json()) as { userId: string };
      expect(userId).toMatch(/^user_/);
      const html = await (await context.request.get('/pages-router')).text();
      expect(html).toContain(userId);
      expect(html).toContain('<p id="session-user">Ada</p>');
      await context.close();
    });

    it('the session cookie expires while the page is open: the next API call and navigation succeed, with no redirect', async () => {
      const { context, page } = await signedInPage();
      const redirects: string[] = [];
      page.on('response', (res) => res.status() >= 300 && res.status() < 400 && redirects.push(res.url()));

      await context.clearCookies({ name: 'latch_session' }); // what the browser does at its Max-Age
      const status = await page.evaluate(async () => (await fetch('/api/posts')).status);
      expect(status).toBe(200);

      await context.clearCookies({ name: 'latch_session' });
      await page.getByRole('link', { name: 'Home' }).click();
      await page.getByText('You are signed in.').waitFor();
      await context.clearCookies({ name: 'latch_session' });
      await page.goto('/posts');
      await page.getByRole('heading', { name: 'Posts by Ada' }).waitFor();
      expect(redirects).toEqual([]);
      // The middleware renewed it server-to-server and set it again.
      expect((await context.cookies()).some((cookie) => cookie.name === 'latch_session')).toBe(true);
      await context.close();
    });

    it('a forged session cookie is replaced by a real one, not trusted', async () => {
      const { context, page } = await signedInPage();
      const [jwt] = (await context.cookies()).filter((c) => c.name === 'latch_session').map((c) => c.value);
      const [header, , signature] = jwt!.split('.');
      const claims = Buffer.from(JSON.stringify({ sub: 'user_someone_else', sid: 'sess_x', iss: `${app.url}/api/latch`, iat: 1, nbf: 1, exp: 9999999999 })).toString('base64url');
      await context.addCookies([{ name: 'latch_session', value: `${header}.${claims}.${signature}`, url: app.url }]);
      const api = await context.request.get('/api/pages-auth');
      expect(((await api.json()) as { userId: string }).userId).not.toBe('user_someone_else');
      expect(api.status()).toBe(200);
      await page.close();
      await context.close();
    });

    it('a session revoked from another client is signed out on the next request (its cookie still live), with no loop', async () => {
      const { context, page } = await signedInPage();
      const before = (await context.cookies()).find((c) => c.name === 'latch_session')!.value;
      const sessionId = (JSON.parse(Buffer.from(before.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

      // Ada on another device: signs in there and revokes this browser's session through the API.
      const phone = await apiClient(app.url);
      await phone.signIn('ada@example.com', 'correct-horse-battery');
      expect((await phone.call('POST', `/api/latch/v1/me/sessions/${sessionId}/revoke`)).status).toBe(200);

      // This browser's session JWT has not expired: the server is asked anyway.
      expect((await context.cookies()).find((c) => c.name === 'latch_session')?.value).toBe(before);
      const documents: string[] = [];
      page.on('request', (req) => req.isNavigationRequest() && documents.push(new URL(req.url()).pathname));
      await page.goto('/posts');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?redirect_url=%2Fposts');
      expect(documents).toEqual(['/posts', '/sign-in']);
      const api = await context.request.get('/api/posts');
      expect(api.status()).toBe(401);
      expect(await api.json()).toEqual({ errors: [{ code: 'authentication_invalid', message: 'Sign in to use this route.' }] });
      await context.close();
    });
  });

  describe('misconfiguration, as the developer sees it', () => {
    it('no LATCH_FRONTEND_API: the error says what to add and where', async () => {
      const broken = await startApp(appDir, { LATCH_FRONTEND_API: '', LATCH_DATABASE: join(appDir, '.latch/broken.db') });
      try {
        expect((await fetch(`${broken.url}/`)).status).toBe(500);
        expect(broken.log()).toContain('the Latch frontend API URL is not set. Add LATCH_FRONTEND_API to .env.local');
      } finally {
        broken.stop();
      }
    });

    it('an unreachable Latch server: the error names the URL it tried', async () => {
      const deadPort = await freePort();
      const broken = await startApp(appDir, { LATCH_FRONTEND_API: `http://localhost:${deadPort}/api/latch` });
      try {
        // A well-formed token makes the app fetch the server's keys.
        const token = ['{"alg":"ES256","kid":"k"}', '{"sub":"u"}', 'sig'].map((part) => Buffer.from(part).toString('base64url')).join('.');
        const res = await fetch(`${broken.url}/`, { headers: { cookie: `latch_session=${token}` } });
        expect(res.status).toBe(500);
        expect(broken.log()).toContain(`could not reach the Latch server at http://localhost:${deadPort}/api/latch`);
      } finally {
        broken.stop();
      }
    });
  });
});
