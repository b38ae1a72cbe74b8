import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './chromium';
import { startPlayground, type RunningPlayground } from './dev-server';

// Social sign-in in the playground, in Chromium: offline, through the mock's
// fake provider and its consent page (/mock-oauth-consent). "Continue with
// Google", pick an identity, Allow, back on /sign-in/sso-callback, signed in;
// then the profile's Connected accounts lists it, connects GitHub through the
// same page, and unlinks Google.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';


describe.runIf(runnable)('playground social sign-in (mock mode) in Chromium', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    playground = await startPlayground('mock');
    url = playground.url;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => console.log('page error:', error.message));
  }, 60_000);

  // When a step fails: where the page was and what it said.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.log(page.url(), (await page.locator('body').innerText()).slice(0, 1500));
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  async function consent(identity: { email: string; name: string; verified: boolean }) {
    await page.getByRole('heading', { name: 'Sign in with Google' }).waitFor({ timeout: 30_000 });
    // The app's own page (reached through its router, so the in-tab mock lives on), standing in for Google's.
    expect(new URL(page.url()).pathname).toBe('/mock-oauth-consent');
    await page.getByRole('radio', { name: /Another account/ }).check();
    await page.getByRole('textbox', { name: 'Email' }).fill(identity.email);
    await page.getByRole('textbox', { name: 'Name' }).fill(identity.name);
    await page.getByRole('checkbox', { name: /verified/ }).setChecked(identity.verified);
    await page.getByRole('button', { name: 'Allow' }).click();
  }

  it('signs up through the fake provider, then lists, and removes, the connected account on the profile', { timeout: 120_000 }, async () => {
    await page.goto(`${url}sign-in`);
    await page.getByRole('button', { name: 'Continue with Google' }).click({ timeout: 30_000 });
    await consent({ email: 'lin.social@example.com', name: 'Lin Social', verified: true });
    // Back on the app's callback page, then home, signed in.
    await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 30_000 });
    expect(page.url()).not.toMatch(/code=|state=/);

    // To the profile through the app (a full page load would start the in-tab mock over).
    await page.getByRole('button', { name: 'Open user menu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Manage account' }).click();
    const accounts = page.getByRole('region', { name: 'Connected accounts' });
    await accounts.getByText('lin.social@example.com').waitFor({ timeout: 30_000 });

    // Connect GitHub too (the same consent page), and come back to the profile, which finishes the link.
    await accounts.getByRole('button', { name: 'Connect account' }).click();
    await accounts.getByRole('button', { name: 'Connect GitHub' }).click();
    await page.getByRole('heading', { name: 'Sign in with GitHub' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Allow' }).click();
    await accounts.getByText('GitHub is now connected.').waitFor({ timeout: 30_000 });
    expect(page.url()).not.toMatch(/code=|state=/);

    // Unlink Google (Lin can still sign in with GitHub, or a code to her verified email).
    await accounts.getByRole('listitem').filter({ hasText: 'Google' }).getByRole('button', { name: 'Remove' }).click();
    await accounts.getByRole('group', { name: 'Remove Google?' }).getByRole('button', { name: 'Remove' }).click();
    await accounts.getByText('Google has been removed.').waitFor({ timeout: 30_000 });
    expect(await accounts.getByRole('listitem').count()).toBe(1);
  });

  it('says so when the person denies access on the provider page', { timeout: 120_000 }, async () => {
    await page.goto(`${url}sign-in`);
    await page.getByRole('button', { name: 'Continue with Google' }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Sign in with Google' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.getByRole('heading', { name: 'Sign-in did not finish' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Access was not granted/);
  });
});
