import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage, isLatchAPIError, LatchClient } from '@latch/client';
import { createMockBackend, type ConsentInput, type MockOAuthIdentity } from '@latch/mock';
import { setupMockServer } from '@latch/mock/node';
import { generateTotpCode } from '@latch/server';

const totpSecret = 'JBSWY3DPEHPK3PXP';
const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada' };
const grace = { emailAddress: 'grace@example.com', password: 'correct-horse-battery', totpSecret };
const identities: MockOAuthIdentity[] = [
  { id: 'ada-verified', email: 'ada@example.com', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace' },
  { id: 'ada-unverified', email: 'ada@example.com', emailVerified: false },
  { id: 'grace-verified', email: 'grace@example.com', emailVerified: true },
  { id: 'newcomer', email: 'new@example.com', emailVerified: true, firstName: 'Nia', lastName: 'Newcomer' },
  { id: 'unvouched', email: 'unvouched@example.com', emailVerified: false, firstName: 'Una' },
  { id: 'ms-personal', provider: 'microsoft', email: 'ms@outlook.com', emailVerified: true },
];
const callback = 'http://localhost:3000/sso-callback';

const backend = createMockBackend({ users: [ada, grace], oauth: { identities } });
const network = setupMockServer(backend);
beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.reset());
afterAll(() => network.close());

function newClient() {
  return new LatchClient({ frontendApi: backend.url, transport: 'header', tokenStorage: createMemoryStorage(), broadcast: false });
}

/** The consent page's part, through the mock's HTTP routes as the page would call them. */
async function consent(consentUrl: string, choice: Omit<ConsentInput, 'query'>): Promise<string> {
  const response = await fetch(`${backend.url}/__mock/oauth/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: new URL(consentUrl).search, ...choice }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { redirectUrl: string }).redirectUrl;
}

/** Starts a social sign-in, picks `identityId` on the consent page, and lands on the callback page. */
async function signInWith(client: LatchClient, strategy: `oauth_${string}`, identityId: string, flow: 'signIn' | 'signUp' = 'signIn') {
  let consentUrl = '';
  await client[flow].authenticateWithRedirect({ strategy, redirectUrl: callback, redirectUrlComplete: '/home', navigate: (url) => (consentUrl = url) });
  const landing = await consent(consentUrl, { decision: 'allow', identityId });
  let completed: string | null = null;
  const result = await client.handleRedirectCallback({ url: landing, navigate: (url) => (completed = url) });
  return { result, completed, landing };
}

async function errorOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isLatchAPIError(error)) return error.errors[0]?.code;
    throw error;
  }
  return undefined;
}

describe('social sign-in through the mock providers', () => {
  it('lists the providers and their identities', async () => {
    const client = newClient();
    await client.load();
    expect(client.environment?.oauthProviders?.map((p) => p.strategy)).toEqual(['oauth_google', 'oauth_github', 'oauth_microsoft', 'oauth_apple', 'oauth_discord', 'oauth_gitlab']);
    const reply = await fetch(`${backend.url}/__mock/oauth/identities?provider=github`);
    expect(((await reply.json()) as { identities: MockOAuthIdentity[] }).identities.map((i) => i.id)).toContain('newcomer');
  });

  it('an unknown account signs up (the verified email counts), lands on redirectUrlComplete, then signs in again', async () => {
    const client = newClient();
    await client.load();
    const first = await signInWith(client, 'oauth_google', 'newcomer');
    expect(first.result).toMatchObject({ flow: 'sign_up', status: 'complete', redirectUrlComplete: '/home' });
    expect(first.completed).toBe('/home');
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('new@example.com');
    expect(client.user?.primaryEmailAddress?.isVerified).toBe(true);
    expect(client.user?.firstName).toBe('Nia');
    expect(client.user?.passwordEnabled).toBe(false);
    expect(client.user?.externalAccounts.map((a) => [a.provider, a.emailAddress, a.verification.status])).toEqual([['google', 'new@example.com', 'verified']]);

    await client.signOut();
    const again = await signInWith(client, 'oauth_google', 'newcomer');
    expect(again.result).toMatchObject({ flow: 'sign_in', status: 'complete' });
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('new@example.com');
  });

  it.each([
    ['oauth_google', 'complete'],
    ['oauth_github', 'complete'],
    ['oauth_apple', 'complete'],
    ['oauth_discord', 'complete'],
    ['oauth_gitlab', 'complete'],
    // An organisation tenant's `email` is nobody's promise: the address is verified by code first.
    ['oauth_microsoft', 'missing_requirements'],
  ] as const)('%s signs a new account up (%s)', async (strategy, status) => {
    const client = newClient();
    await client.load();
    const { result } = await signInWith(client, strategy, 'newcomer', 'signUp');
    expect(result).toMatchObject({ flow: 'sign_up', status });
    expect(client.signUp.verifications.externalAccount?.status ?? 'verified').toBe('verified');
  });

  it('Microsoft: a personal account on its own domain is trusted, and links to the account with that address', async () => {
    const client = newClient();
    await client.load();
    await client.signUp.create({ emailAddress: 'ms@outlook.com', password: ada.password });
    await client.signUp.prepareEmailAddressVerification();
    await client.signUp.attemptEmailAddressVerification({ code: backend.latestCode('ms@outlook.com')! });
    await client.signOut();
    const { result } = await signInWith(client, 'oauth_microsoft', 'ms-personal');
    expect(result).toMatchObject({ flow: 'sign_in', status: 'complete' });
    expect(client.user?.externalAccounts[0]).toMatchObject({ provider: 'microsoft', emailAddress: 'ms@outlook.com' });
  });

  it('an email the provider does not vouch for must be verified by code before the sign-up completes', async () => {
    const client = newClient();
    await client.load();
    const { result } = await signInWith(client, 'oauth_github', 'unvouched', 'signUp');
    expect(result).toMatchObject({ flow: 'sign_up', status: 'missing_requirements' });
    expect(client.signUp.unverifiedFields).toEqual(['emailAddress']);
    expect(client.signUp.verifications.externalAccount?.status).toBe('verified');
    await client.signUp.prepareEmailAddressVerification();
    const done = await client.signUp.attemptEmailAddressVerification({ code: backend.latestCode('unvouched@example.com')! });
    expect(done.status).toBe('complete');
    expect(client.user?.externalAccounts[0]?.provider).toBe('github');
  });

  it('a trusted provider (Google) with a verified email links to the existing account', async () => {
    const client = newClient();
    await client.load();
    const { result } = await signInWith(client, 'oauth_google', 'ada-verified');
    expect(result).toMatchObject({ flow: 'sign_in', status: 'complete' });
    expect(client.user?.firstName).toBe('Ada');
    expect(client.user?.passwordEnabled).toBe(true);
    expect(client.user?.externalAccounts.map((a) => a.provider)).toEqual(['google']);
  });

  it('an untrusted provider (GitHub) links only after the account proves itself with its password', async () => {
    const client = newClient();
    await client.load();
    const { result, completed } = await signInWith(client, 'oauth_github', 'ada-verified');
    expect(result).toMatchObject({ flow: 'sign_in', status: 'needs_first_factor', createdSessionId: null });
    expect(completed).toBeNull();
    expect(client.user).toBeNull();
    expect(client.signIn.externalAccountToLink).toEqual({ provider: 'github', emailAddress: 'ada@example.com' });
    expect(await errorOf(client.signIn.attemptFirstFactor({ strategy: 'password', password: 'wrong-password-here' }))).toBe('form_password_incorrect');
    const signedIn = await client.signIn.attemptFirstFactor({ strategy: 'password', password: ada.password });
    expect(signedIn.status).toBe('complete');
    expect(client.user?.externalAccounts.map((a) => a.provider)).toEqual(['github']);
    // Linked now: the next GitHub sign-in needs no password.
    await client.signOut();
    expect((await signInWith(client, 'oauth_github', 'ada-verified')).result.status).toBe('complete');
  });

  it('never links on an email the provider does not vouch for', async () => {
    const client = newClient();
    await client.load();
    expect(await errorOf(signInWith(client, 'oauth_google', 'ada-unverified'))).toBe('oauth_email_in_use');
    expect(client.user).toBeNull();
  });

  it('a second factor is still required after a social sign-in', async () => {
    const client = newClient();
    await client.load();
    const { result } = await signInWith(client, 'oauth_google', 'grace-verified');
    expect(result).toMatchObject({ flow: 'sign_in', status: 'needs_second_factor', createdSessionId: null });
    expect(client.user).toBeNull();
    const done = await client.signIn.attemptSecondFactor({ strategy: 'totp', code: await generateTotpCode(totpSecret, Date.now()) });
    expect(done.status).toBe('complete');
  });

  it('denied at the provider, replayed, or from another browser: each with its code', async () => {
    const client = newClient();
    await client.load();
    let consentUrl = '';
    await client.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: callback, navigate: (url) => (consentUrl = url) });
    const denied = await consent(consentUrl, { decision: 'deny' });
    expect(new URL(denied).searchParams.get('error')).toBe('access_denied');
    expect(await errorOf(client.handleRedirectCallback({ url: denied }))).toBe('oauth_access_denied');

    const { landing } = await signInWith(client, 'oauth_google', 'newcomer');
    expect(await errorOf(client.handleRedirectCallback({ url: landing }))).toBe('oauth_state_invalid');

    const mine = newClient();
    await mine.load();
    await mine.signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: callback, navigate: (url) => (consentUrl = url) });
    const stolen = await consent(consentUrl, { decision: 'allow', identityId: 'newcomer' });
    const attacker = newClient();
    await attacker.load();
    expect(await errorOf(attacker.handleRedirectCallback({ url: stolen }))).toBe('oauth_state_invalid');
    // The attacker's try did not use it up: the browser it belongs to still completes.
    expect((await mine.handleRedirectCallback({ url: stolen, navigate: () => {} })).status).toBe('complete');
  });

  it('Apple posts its answer (form_post) and sends the name only on the first login', async () => {
    const client = newClient();
    await client.load();
    const { result, landing } = await signInWith(client, 'oauth_apple', 'newcomer');
    expect(new URL(landing).origin + new URL(landing).pathname).toBe(callback);
    expect(result).toMatchObject({ flow: 'sign_up', status: 'complete' });
    expect(client.user?.firstName).toBe('Nia');
    expect(client.user?.externalAccounts[0]).toMatchObject({ provider: 'apple', firstName: 'Nia', lastName: 'Newcomer' });
    await client.signOut();
    expect((await signInWith(client, 'oauth_apple', 'newcomer')).result.status).toBe('complete');
    // The name stays what it was: later logins carry none.
    expect(client.user?.firstName).toBe('Nia');
  });

  it('connects and removes a provider from the profile; the last way to sign in cannot be removed', async () => {
    const client = newClient();
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    let consentUrl = '';
    const pending = await client.user!.createExternalAccount({ strategy: 'oauth_discord', redirectUrl: callback, actionCompleteRedirectUrl: '/profile' });
    consentUrl = pending.verification.externalVerificationRedirectURL!;
    const landing = await consent(consentUrl, { decision: 'allow', identityId: 'unvouched' });
    let completed = '';
    const result = await client.handleRedirectCallback({ url: landing, navigate: (url) => (completed = url) });
    expect(result).toMatchObject({ flow: 'connect', status: 'complete' });
    expect(completed).toBe('/profile');
    const account = client.user!.externalAccounts[0]!;
    expect(account).toMatchObject({ provider: 'discord', emailAddress: 'unvouched@example.com' });
    await account.destroy();
    expect(client.user!.externalAccounts).toEqual([]);
  });
});

describe('the last way to sign in', () => {
  const passwordless = createMockBackend({ url: 'https://passwordless.mock', oauth: { identities, providers: ['google'] }, settings: { firstFactors: { password: true, emailCode: false } } });
  const server = setupMockServer(passwordless);
  beforeAll(() => {
    network.close();
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => {
    server.close();
    network.listen({ onUnhandledRequest: 'error' });
  });

  it('refuses to remove the only provider of an account with no password', async () => {
    const client = new LatchClient({ frontendApi: passwordless.url, transport: 'header', tokenStorage: createMemoryStorage(), broadcast: false });
    await client.load();
    let consentUrl = '';
    await client.signUp.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: callback, navigate: (url) => (consentUrl = url) });
    const landing = await passwordless.oauth!.consent({ query: new URL(consentUrl).search, decision: 'allow', identityId: 'newcomer' });
    await client.handleRedirectCallback({ url: landing, navigate: () => {} });
    expect(await errorOf(client.user!.externalAccounts[0]!.destroy())).toBe('external_account_last_sign_in_method');
  });
});
