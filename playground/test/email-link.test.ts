import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './chromium';
import { startPlayground, type PlaygroundMode, type RunningPlayground } from './dev-server';

// Sign-in by emailed link in Chromium, on the real server (SQLite) that
// `npm start` runs: the link goes to the dev outbox, a "mail scanner" fetches
// it first (which must not use it up), and it is opened in a second browser
// (another context: other cookies, another Latch client). By default the
// sign-in then finishes in the first tab, which moves on without a reload,
// and the second is told to return there; with LATCH_LINK_ANY_DEVICE=1 it
// finishes in the second one. Offline, the outbox panel's "Open link" follows
// the link in the page, where the mock lives.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';


/** The playground with its own database; `anyDevice` lets a link finish where it is opened. */
function startWithLinks(anyDevice: boolean, mode: PlaygroundMode = 'server'): Promise<RunningPlayground> {
  return startPlayground(mode, { env: { LATCH_LINK_ANY_DEVICE: anyDevice ? '1' : '' } });
}

interface OutboxEmail {
  to: string;
  link?: string;
}

/** The newest link emailed to `address`, read from the server's development outbox as the Outbox panel does. */
async function latestLink(url: string, address: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const emails = (await (await fetch(`${url}v1/dev/outbox`)).json()) as OutboxEmail[];
      link = emails.filter((email) => email.to === address && email.link).at(-1)?.link;
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** On /sign-in: Ada's address, then "Email me a link" on the password step, until the page waits for the link. */
async function askForLink(page: Page, url: string) {
  await page.goto(`${url}sign-in`);
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.getByText('Waiting for you to open the link…').waitFor();
  // Set now, checked later: still there means the page was never reloaded.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
}

describe.runIf(runnable)('sign-in by email link in Chromium, on the real server', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe('default: the link finishes in the tab that asked for it', () => {
    let playground: RunningPlayground;
    beforeAll(async () => {
      playground = await startWithLinks(false);
    }, 60_000);
    afterAll(async () => playground?.close());

    it('survives a scanner, then signs the first tab in when a second browser opens it, and tells the second to return', async () => {
      const { url } = playground;
      const first = await browser.newContext();
      const page = await first.newPage();
      await askForLink(page, url);
      const link = await latestLink(url, 'ada@example.com');
      expect(new URL(link).pathname).toBe('/sign-in/verify');
      expect(new URL(link).searchParams.get('latch_link')).toMatch(/^[\w-]+\.[\w-]{40,}$/);

      // A mail scanner: a plain GET, then a headless browser that runs the page but clicks nothing.
      expect((await fetch(link)).status).toBe(200);
      const scanner = await browser.newContext();
      const scanned = await scanner.newPage();
      await scanned.goto(link);
      await scanned.getByRole('button', { name: /^Continue as/ }).waitFor();
      await scanner.close();

      // The person, on another device: the link still works, once.
      const second = await browser.newContext();
      const other = await second.newPage();
      await other.goto(link);
      await other.getByRole('button', { name: /^Continue as/ }).click();
      await other.getByRole('heading', { name: 'Return to your original tab' }).waitFor();
      await other.getByText(/a link signs in only the browser that asked for it/).waitFor();

      // The first tab, polling, finishes the sign-in and leaves for home: no reload.
      await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await page.getByRole('button', { name: 'Open user menu' }).waitFor();
      // The second browser is not signed in.
      await other.goto(url);
      await other.getByText('You are signed out.').waitFor();

      // Used once: opening it again says so, with a way forward.
      const third = await browser.newContext();
      const again = await third.newPage();
      await again.goto(link);
      await again.getByRole('alert').filter({ hasText: 'This link was already used.' }).waitFor();
      await again.getByRole('button', { name: 'Sign in again' }).click();
      await again.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(again.url()).searchParams.has('latch_link')).toBe(false);
      await Promise.all([first.close(), second.close(), third.close()]);
    }, 90_000);

    it('signs in at once when the link is opened in the same browser', async () => {
      const { url } = playground;
      const context = await browser.newContext();
      const page = await context.newPage();
      await askForLink(page, url);
      const link = await latestLink(url, 'ada@example.com');
      const tab = await context.newPage();
      await tab.goto(link);
      await tab.getByRole('button', { name: /^Continue as/ }).click();
      await tab.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 15_000 });
      // The waiting tab hears of it through the BroadcastChannel (or its next poll) and moves on too.
      await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 15_000 });
      await context.close();
    }, 60_000);
  });

  describe('with LATCH_LINK_ANY_DEVICE=1: the link finishes where it is opened', () => {
    let playground: RunningPlayground;
    beforeAll(async () => {
      playground = await startWithLinks(true);
    }, 60_000);
    afterAll(async () => playground?.close());

    it('signs the second browser in, and the first tab says the link was used elsewhere', async () => {
      const { url } = playground;
      const first = await browser.newContext();
      const page = await first.newPage();
      await askForLink(page, url);
      const link = await latestLink(url, 'ada@example.com');

      const second = await browser.newContext();
      const other = await second.newPage();
      await other.goto(link);
      await other.getByRole('button', { name: /^Continue as/ }).click();
      await other.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 15_000 });
      await other.getByRole('button', { name: 'Open user menu' }).waitFor();

      await page.getByRole('alert').filter({ hasText: 'This link was opened in another browser' }).waitFor({ timeout: 15_000 });
      await page.goto(url);
      await page.getByText('You are signed out.').waitFor();
      await Promise.all([first.close(), second.close()]);
    }, 90_000);
  });

  describe('offline (npm run start:mock): the outbox opens the link in the page', () => {
    let playground: RunningPlayground;
    beforeAll(async () => {
      playground = await startWithLinks(false, 'mock');
    }, 60_000);
    afterAll(async () => playground?.close());

    it('signs in from "Open link" in the outbox panel, with the mock still in the tab', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${playground.url}sign-in`);
      await page.getByLabel('Email address').fill('ada@example.com', { timeout: 30_000 });
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByText('Waiting for you to open the link…').waitFor();
      await page.getByRole('link', { name: 'Open the link for ada@example.com' }).click();
      await page.getByRole('button', { name: /^Continue as/ }).click();
      await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Open user menu' }).waitFor();
      await context.close();
    }, 60_000);
  });
});
