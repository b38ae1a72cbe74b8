import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './chromium';
import { startPlayground, type RunningPlayground } from './dev-server';

// Passkeys in the playground, in a real Chromium whose WebAuthn answers from
// a DevTools virtual authenticator (a platform authenticator with user
// verification, as a laptop's): a new user signs up, adds a passkey on the
// Security page, signs out, and signs in with it from the button and from
// the field's autofill; a second authenticator, holding a passkey the
// server never saw, is refused. Both backends: the real server on SQLite
// (`npm start`) and the mock in the page (`npm run start:mock`).
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';

const authenticatorOptions = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
} as const;

describe.runIf(runnable).each(['server', 'mock'] as const)('passkeys in the playground (%s mode) in Chromium', (mode) => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let url: string;
  let attempt = 0;

  beforeAll(async () => {
    playground = await startPlayground(mode);
    url = playground.url;
    browser = await launchChromium();
  }, 60_000);

  // Each test (and each retry) in a fresh browser context: its own virtual authenticators and cookies.
  beforeEach(async () => {
    attempt += 1;
    page = await browser.newPage();
    cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
  });

  afterEach(async () => {
    await page?.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  async function addAuthenticator(transport: 'internal' | 'usb' = 'internal'): Promise<string> {
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...authenticatorOptions, transport } });
    return authenticatorId;
  }

  const nav = () => page.getByRole('navigation', { name: 'Playground' });

  async function signOut() {
    await page.getByRole('button', { name: 'Open user menu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByText('You are signed out.').count()).toBe(1);
  }

  /** /sign-in, with autofill's request in flight (the page starts it as the step shows). */
  async function toSignIn() {
    await nav().getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
  }

  // Chromium's virtual authenticator now and then leaves the button's request unanswered when it
  // replaces a pending autofill request (about one run in three on a busy machine; the button
  // stays busy, no error): retried, each attempt with a new user in a fresh browser context.
  it('lets a new user add a passkey on the Security page and sign in with it from the button; autofill waits', { retry: 2, timeout: 120_000 }, async () => {
    const email = `mary-${mode}-${attempt}@example.com`;
    const first = await addAuthenticator();
    await page.goto(`${url}sign-up`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('quiet-morning-tea-42');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) });
    const code = (await row.locator('code').textContent()) ?? '';
    await page.getByLabel('Verification code').fill(code);

    // Signed up on a device that can hold a passkey: the offer. "Not now", to add it from the profile.
    await page.getByRole('heading', { name: 'Sign in faster next time' }).waitFor();
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();

    // Links, not page loads: in mock mode a reload starts a fresh backend.
    await nav().getByRole('link', { name: 'Account' }).click();
    await page.getByRole('navigation', { name: 'Account settings' }).getByText('Security').click();
    const section = page.getByRole('region', { name: 'Passkeys' });
    await section.getByRole('button', { name: 'Add a passkey' }).click();
    await section.getByLabel('Passkey name').fill('Playground laptop');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByRole('status').filter({ hasText: 'Your passkey has been added.' }).waitFor();
    await expect.poll(() => section.getByRole('listitem').textContent()).toMatch(/Playground laptop.*Never used/);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: first });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true });

    // The button: no identifier typed, the browser offers the site's passkeys.
    await signOut();
    // The person is slow to touch the sensor, so autofill cannot answer first: the button's
    // prompt replaces autofill's, and only then is the touch there.
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: first, enabled: false });
    await toSignIn();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: first, enabled: true });
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Open user menu' }).count()).toBe(1);

    // Autofill: the step's conditional request. Chromium's virtual authenticator sometimes
    // answers it at once (then the passkey signs in with no click), sometimes leaves it waiting
    // for a pick from the field's suggestions, which DevTools cannot make; either way, no error.
    // (The jsdom tests and the stories pick from autofill with a software authenticator.)
    await signOut();
    await nav().getByRole('link', { name: 'Sign in' }).click();
    const home = page.getByRole('heading', { name: 'Home' });
    await home.or(page.getByRole('button', { name: 'Sign in with a passkey' })).first().waitFor();
    if (await home.count()) await signOut();
    else expect(await page.getByRole('alert').count()).toBe(0);
    const used = await cdp.send('WebAuthn.getCredentials', { authenticatorId: first });
    expect(used.credentials).toHaveLength(1);
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: first });
  });

  it('refuses a second authenticator’s passkey that the server never registered', async () => {
    // A security key this time (Chrome allows one platform authenticator at a time).
    const second = await addAuthenticator('usb');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await cdp.send('WebAuthn.addCredential', {
      authenticatorId: second,
      credential: {
        credentialId: randomBytes(16).toString('base64'),
        isResidentCredential: true,
        rpId: 'localhost',
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        userHandle: randomBytes(16).toString('base64'),
        signCount: 0,
      },
    });
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: second, enabled: false });
    await page.goto(`${url}sign-in`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: second, enabled: true });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/don’t recognize this passkey/);
    expect(await page.getByRole('button', { name: 'Open user menu' }).count()).toBe(0);
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: second });
  }, 60_000);
});
