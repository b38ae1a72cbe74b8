import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './chromium';

// What `npm start` serves, driven in a real browser: the mock backend runs in
// the page's service worker, so this checks the whole offline stack end to end.
// CI installs Chromium; elsewhere these tests are skipped when it is missing.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';

describe.runIf(runnable)('playground in Chromium', () => {
  let vite: ViteDevServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    vite = await createServer({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      root: fileURLToPath(new URL('..', import.meta.url)),
      server: { port: 0, strictPort: false },
      logLevel: 'error',
    });
    await vite.listen();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(vite.resolvedUrls!.local[0]!);
    await page.getByRole('heading', { name: 'Sign in (hooks only)' }).waitFor({ timeout: 30_000 });
  });

  async function signIn(identifier: string, secret: string) {
    await page.getByLabel('Email address or username').fill(identifier);
    await page.locator('#sign-in-secret').fill(secret);
    await page.getByRole('button', { name: 'Continue' }).first().click();
  }

  it('signs the demo account in with its password, shows the token claims and signs out', async () => {
    await signIn('ada@example.com', 'correct-horse-battery');
    await page.getByRole('heading', { name: 'Signed in as Ada Lovelace' }).waitFor();

    await page.getByRole('button', { name: 'Show session token claims' }).click();
    const claims = JSON.parse((await page.getByLabel('Session token claims').textContent()) ?? '{}');
    expect(claims.iss).toBe('https://latch.mock');
    expect(claims.exp - claims.iat).toBe(60);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in (hooks only)' }).waitFor();
  });

  it('shows a wrong password as an alert and stays signed out', async () => {
    await signIn('ada@example.com', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/password/i);
    expect(await page.getByRole('heading', { name: /Signed in as/ }).count()).toBe(0);
  });

  it('asks Grace for a second factor and accepts her backup code', async () => {
    await signIn('grace@example.com', 'correct-horse-battery');
    await page.getByLabel('Authenticator or backup code').fill('11111111');
    await page.getByRole('button', { name: 'Continue' }).first().click();
    await page.getByRole('heading', { name: 'Signed in as Grace Hopper' }).waitFor();
  });

  it('signs up with the code read from the outbox on the page', async () => {
    await page.getByLabel('First name').fill('Lin');
    await page.locator('#sign-up-emailAddress').fill('lin@example.com');
    await page.locator('#sign-up-password').fill('quiet-morning-tea-42');
    await page.getByRole('button', { name: 'Continue' }).nth(1).click();

    await page.getByLabel('Verification code').waitFor();
    const code = (await page.getByRole('row', { name: /lin@example\.com/ }).locator('code').textContent()) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).nth(1).click();
    await page.getByRole('heading', { name: 'Signed in as Lin' }).waitFor();
  });
});
