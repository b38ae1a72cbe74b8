import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './chromium';
import { startPlayground, type RunningPlayground } from './dev-server';

// What `npm start` (the real server on SQLite, same-origin through Vite's
// proxy, cookie mode) and `npm run start:mock` (the mock backend in the
// page's service worker) serve, driven in a real browser. CI installs
// Chromium; elsewhere these tests are skipped when it is missing.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';

describe.runIf(runnable).each(['server', 'mock'] as const)('playground (%s mode) in Chromium', (mode) => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    playground = await startPlayground(mode);
    url = playground.url;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  // The first page load has Vite compile the app (and, on the real server, load its sources): slow on a busy machine.
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${url}custom`);
    await page.getByRole('heading', { name: 'Sign in (hooks only)' }).waitFor({ timeout: 30_000 });
  }, 45_000);

  async function signIn(identifier: string, secret: string) {
    await page.getByLabel('Email address or username').fill(identifier);
    await page.locator('#sign-in-secret').fill(secret);
    await page.getByRole('button', { name: 'Continue' }).first().click();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in (hooks only)' }).waitFor();
  }

  it('signs the demo account in, calls the protected API with the session token and signs out', async () => {
    await signIn('ada@example.com', 'correct-horse-battery');
    await page.getByRole('heading', { name: 'Signed in as Ada Lovelace' }).waitFor();

    if (mode === 'server') {
      // Cookie mode: the client token is in an HttpOnly cookie, out of every script's reach.
      expect(await page.evaluate(() => ({ cookies: document.cookie, stored: Object.keys(localStorage) }))).toEqual({ cookies: '', stored: [] });
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'latch_client')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    }

    await page.getByRole('button', { name: 'Show session token claims' }).click();
    const claims = JSON.parse((await page.getByLabel('Session token claims').textContent()) ?? '{}');
    expect(claims.exp - claims.iat).toBe(60);

    await page.getByRole('navigation', { name: 'Playground' }).getByRole('link', { name: 'Protected' }).click();
    await page.getByRole('button', { name: 'Call the protected API' }).click();
    const answer = (await page.getByLabel('API answer').textContent()) ?? '';
    expect(answer).toMatch(/^200 /);
    expect(JSON.parse(answer.slice(4))).toEqual({ userId: claims.sub, sessionId: claims.sid });

    await page.getByRole('navigation', { name: 'Playground' }).getByRole('link', { name: 'Hooks only' }).click();
    await signOut();
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401);
  });

  it('lets the admin find, ban and unban a user on /admin, with the secret key kept out of the page', async () => {
    const seen: string[] = [];
    page.on('response', (response) => {
      if (['fetch', 'xhr', 'document', 'script'].includes(response.request().resourceType())) {
        response.text().then((text) => seen.push(text), () => undefined);
      }
    });
    expect(await page.evaluate(() => fetch('/api/admin/users').then((r) => r.status))).toBe(401);
    await signIn('ada@example.com', 'correct-horse-battery');
    await page.getByRole('heading', { name: 'Signed in as Ada Lovelace' }).waitFor();
    await page.getByRole('navigation', { name: 'Playground' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('table', { name: 'Users, newest first' }).waitFor();

    await page.getByLabel('Search by email, name or username').fill('hopper');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: '1 user found.' }).waitFor();
    await page.getByRole('button', { name: 'Ban grace@example.com' }).click();
    await page.getByRole('status').filter({ hasText: 'grace@example.com is banned' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Banned' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Unban grace@example.com' }).click();
    await page.getByRole('status').filter({ hasText: 'grace@example.com is no longer banned' }).waitFor();
    const webhookLog = page.getByRole('region', { name: 'Webhook log' });
    if (mode === 'server') {
      // The ban reached the dev server's receiver as a verified user.updated.
      await webhookLog.getByRole('row').filter({ hasText: 'user.updated' }).filter({ hasText: 'verified' }).first().waitFor({ timeout: 15_000 });
    } else {
      await webhookLog.getByText(/No webhook receiver/).waitFor();
    }

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => /sk_(test|live)_[A-Za-z0-9_-]{20}/.test(text))).toEqual([]);
  });

  it('signs in with the <SignIn/> component, lands home, and signs out from the <UserButton/> menu', async () => {
    await page.getByRole('navigation', { name: 'Playground' }).getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill('ada@example.com');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    await page.getByRole('heading', { name: 'Home' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // Each component's stylesheet once, in <head>, after <SignIn/> and with <UserButton/>:
    // hoisted by React 19, Latch's own copies on React 18 (the react18 test project serves the page on it).
    const sheets = await page.evaluate(() =>
      [...document.querySelectorAll('style')]
        .filter((style) => style.textContent?.includes('.latch-root'))
        .map((style) => ({ inHead: style.parentNode === document.head, react18: style.hasAttribute('data-latch-style'), text: style.textContent })),
    );
    expect(sheets.length).toBeGreaterThanOrEqual(2); // the shared sheet and at least the UserButton's
    expect(new Set(sheets.map((sheet) => sheet.text)).size).toBe(sheets.length);
    for (const sheet of sheets) expect(sheet).toMatchObject({ inHead: true, react18: process.env.LATCH_REACT === '18' });
    await page.getByRole('button', { name: 'Open user menu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByText('You are signed out.').count()).toBe(1);
  });

  it('shows a wrong password as an alert and stays signed out', async () => {
    await signIn('ada@example.com', 'not-the-password');
    // The server hashes the wrong password at full cost first: on a busy machine that can take seconds.
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/password/i);
    expect(await page.getByRole('heading', { name: /Signed in as/ }).count()).toBe(0);
  });

  it('asks Grace for a second factor and accepts her backup code', async () => {
    await signIn('grace@example.com', 'correct-horse-battery');
    await page.getByLabel('Authenticator or backup code').fill('11111111');
    await page.getByRole('button', { name: 'Continue' }).first().click();
    await page.getByRole('heading', { name: 'Signed in as Grace Hopper' }).waitFor();
  });

  it('signs up with the emailed code, turns on TOTP, signs out, and signs in with password and TOTP', async () => {
    const email = `lin-${mode}@example.com`;
    await page.getByLabel('First name').fill('Lin');
    await page.locator('#sign-up-emailAddress').fill(email);
    await page.locator('#sign-up-password').fill('quiet-morning-tea-42');
    await page.getByRole('button', { name: 'Continue' }).nth(1).click();

    await page.getByLabel('Verification code').waitFor();
    const row = page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) });
    const code = (await row.locator('code').textContent()) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).nth(1).click();
    await page.getByRole('heading', { name: 'Signed in as Lin' }).waitFor();

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const totp = new TOTP({ secret: Secret.fromBase32((await page.getByLabel('TOTP secret').textContent()) ?? '') });
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').count()).toBe(10);

    await signOut();
    await signIn(email, 'quiet-morning-tea-42');
    // The enrolment code is spent; the next step's code is within the ±1 step window and still unused.
    await page.getByLabel('Authenticator or backup code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Continue' }).first().click();
    await page.getByRole('heading', { name: 'Signed in as Lin' }).waitFor();

    if (mode === 'server') {
      // The dev server's receiver got, and verified, the sign-up's webhook.
      const created = async () => {
        const log = (await (await fetch(`${url}api/webhooks/log`)).json()) as { data: { type: string; verified: boolean; data: { firstName?: string } }[] };
        return log.data.some((entry) => entry.type === 'user.created' && entry.verified && entry.data.firstName === 'Lin');
      };
      await expect.poll(created, { timeout: 15_000 }).toBe(true);
    }
  }, 60_000);
});
