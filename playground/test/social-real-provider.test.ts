import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clients, startTestIdp, type TestIdp } from '../../packages/server/test/node/oauth/test-idp';
import { chromiumPath, launchChromium } from './chromium';
import { freePort, startPlayground, type RunningPlayground } from './dev-server';

// Social sign-in on the real server (`npm start`: SQLite, same origin through
// Vite), against a real OpenID provider (panva's oidc-provider on loopback,
// configured the way the README tells a user to: an `LATCH_OAUTH` file with
// the provider and the callback URLs). Chromium clicks "Continue with Test
// IdP", goes through the provider's authorization and interaction endpoints
// (it logs in the account the test names) and comes back to
// /sign-in/sso-callback, then home, signed in.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';


describe.runIf(runnable)('playground social sign-in (server mode, real OpenID provider) in Chromium', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let url: string;
  let idp: TestIdp;
  const dataDir = mkdtempSync(join(tmpdir(), 'latch-playground-idp-'));

  beforeAll(async () => {
    const port = await freePort();
    url = `http://localhost:${port}/`;
    idp = await startTestIdp([`${url}sign-in/sso-callback`, `${url}sign-up/sso-callback`, `${url}user`]);
    const oauthFile = join(dataDir, 'oauth.json');
    writeFileSync(
      oauthFile,
      JSON.stringify({
        callbackUrls: [`http://localhost:${port}`],
        providers: [{ id: 'idp', preset: 'oidc', name: 'Test IdP', issuer: idp.issuer, clientId: clients.trusted.client_id, clientSecret: 'env:LATCH_TEST_IDP_SECRET' }],
      }),
    );
    playground = await startPlayground('server', { port, env: { LATCH_OAUTH: oauthFile, LATCH_TEST_IDP_SECRET: clients.trusted.client_secret } });
    browser = await launchChromium();
    page = await browser.newPage();
  }, 90_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.log(page.url(), (await page.locator('body').innerText()).slice(0, 1500));
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await idp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs a new person up through the provider and lands home, signed in', { timeout: 120_000 }, async () => {
    idp.loginAs({ sub: 'e2e-eve', email: 'eve.social@example.com', email_verified: true, given_name: 'Eve', family_name: 'Social' });
    await page.goto(`${url}sign-in`);
    await page.getByRole('button', { name: 'Continue with Test IdP' }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Home' }).waitFor({ timeout: 30_000 });
    expect(page.url()).not.toMatch(/code=|state=/);
  });

  it('lists the provider on the profile, unlinks it, and links it again through the provider', { timeout: 120_000 }, async () => {
    await page.getByRole('button', { name: 'Open user menu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Manage account' }).click();
    const accounts = page.getByRole('region', { name: 'Connected accounts' });
    await accounts.getByText('eve.social@example.com').waitFor({ timeout: 30_000 });
    // Eve can still sign in with a code to her verified email, so the provider may go.
    await accounts.getByRole('button', { name: 'Remove' }).click();
    await accounts.getByRole('group', { name: 'Remove Test IdP?' }).getByRole('button', { name: 'Remove' }).click();
    await accounts.getByText('Test IdP has been removed.').waitFor({ timeout: 30_000 });

    await accounts.getByRole('button', { name: 'Connect account' }).click();
    await accounts.getByRole('button', { name: 'Connect Test IdP' }).click();
    // Through the provider and back to the profile page, which finishes the link.
    await page.getByRole('region', { name: 'Connected accounts' }).getByText('Test IdP is now connected.').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/user');
    expect(page.url()).not.toMatch(/code=|state=/);
  });
});
