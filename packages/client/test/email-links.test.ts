import { createMemoryStorage, LatchClient, type SignIn } from '@latch/client';
import { createMockBackend, type MockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ada, apiFailure, grace, newClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const APP = 'https://app.test';
const redirectUrl = `${APP}/verify`;

function backendWith(linkCompletesOnOtherDevice = false): MockBackend {
  const backend = createMockBackend({
    users: [ada],
    settings: { emailVerification: { method: 'link', linkCompletesOnOtherDevice }, allowedRedirectOrigins: [APP] },
  });
  server.use(...backend.handlers);
  return backend;
}

function tokenFor(backend: MockBackend, address: string): string {
  const link = backend.latestLink(address);
  if (!link) throw new Error(`no link to ${address}`);
  expect(link.startsWith(`${redirectUrl}?latch_link=`)).toBe(true);
  return new URL(link).searchParams.get('latch_link') ?? '';
}

/** Waits until the backend has mailed a link to `address`. */
async function mailed(backend: MockBackend, address: string): Promise<string> {
  await vi.waitFor(() => expect(backend.latestLink(address)).toBeTruthy());
  return tokenFor(backend, address);
}

/** Polling waits on timers: only setTimeout is faked, so requests and tab messages run as usual. */
function fakePolling() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

describe('email links in the client', () => {
  it('same browser: the verify tab signs in, and the waiting tab hears of it at once (no poll needed)', async () => {
    fakePolling();
    const backend = backendWith();
    // Two tabs of one browser: one storage, one channel.
    const tokenStorage = createMemoryStorage();
    const waitingTab = new LatchClient({ frontendApi: backend.url, tokenStorage });
    const verifyTab = new LatchClient({ frontendApi: backend.url, tokenStorage });
    await Promise.all([waitingTab.load(), verifyTab.load()]);
    await waitingTab.signIn.create({ identifier: ada.emailAddress });
    const flow = waitingTab.signIn.createEmailLinkFlow();
    const done = flow.startEmailLinkFlow({ redirectUrl });
    const token = await mailed(backend, ada.emailAddress);

    const link = await verifyTab.inspectEmailLink({ token });
    expect(link).toMatchObject({ purpose: 'sign_in', emailAddress: ada.emailAddress, sameClient: true, completesIn: 'here' });
    const verified = await verifyTab.verifyEmailLink({ token });
    expect(verifyTab.session?.id).toBe(verified.createdSessionId);

    // No timer has fired: the BroadcastChannel message woke the flow.
    const signIn = await done;
    expect(signIn.status).toBe('complete');
    expect(waitingTab.session?.id).toBe(verified.createdSessionId);
    waitingTab.destroy();
    verifyTab.destroy();
  });

  it('another browser: it only confirms, and the waiting tab finishes by polling', async () => {
    fakePolling();
    const backend = backendWith();
    const laptop = newClient(backend.url);
    await laptop.load();
    await laptop.signIn.create({ identifier: ada.emailAddress });
    const done = laptop.signIn.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl });
    const token = await mailed(backend, ada.emailAddress);

    const phone = newClient(backend.url);
    await phone.load();
    expect(await phone.inspectEmailLink({ token })).toMatchObject({ sameClient: false, completesIn: 'original' });
    expect(await phone.verifyEmailLink({ token })).toMatchObject({ createdSessionId: null, signIn: null });
    expect(phone.session).toBeNull();

    await vi.advanceTimersByTimeAsync(2500);
    const signIn: SignIn = await done;
    expect(signIn.status).toBe('complete');
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'verified', verifiedFromTheSameClient: false });
    expect(laptop.session?.id).toBe(signIn.createdSessionId);
    expect((await apiFailure(phone.verifyEmailLink({ token }))).code).toBe('email_link_used');
  });

  it('another browser, when the instance lets it finish there: the waiting tab learns it was used elsewhere', async () => {
    fakePolling();
    const backend = backendWith(true);
    const laptop = newClient(backend.url);
    await laptop.load();
    await laptop.signIn.create({ identifier: ada.emailAddress });
    const done = laptop.signIn.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl });
    const phone = newClient(backend.url);
    await phone.load();
    await phone.verifyEmailLink({ token: await mailed(backend, ada.emailAddress) });
    expect(phone.session).not.toBeNull();

    await vi.advanceTimersByTimeAsync(2500);
    const signIn = await done;
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'verified', verifiedFromTheSameClient: false });
    expect(laptop.session).toBeNull();
  });

  it('cancelEmailLinkFlow stops polling; the flow resolves with the attempt still waiting', async () => {
    fakePolling();
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress });
    const flow = client.signIn.createEmailLinkFlow();
    const done = flow.startEmailLinkFlow({ redirectUrl });
    await mailed(backend, ada.emailAddress);
    const requests = vi.fn();
    server.events.on('request:start', requests);
    flow.cancelEmailLinkFlow();
    const signIn = await done;
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'email_link' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).not.toHaveBeenCalled();
    server.events.removeListener('request:start', requests);
  });

  it('resume: a flow started again (the page reloaded) waits for the link on its way instead of mailing another; without one, it mails', async () => {
    fakePolling();
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress });
    const links = () => backend.outbox.filter((email) => email.link).length;
    // A fresh attempt has no link yet: resume mails one.
    const before = client.signIn.createEmailLinkFlow();
    const first = before.startEmailLinkFlow({ redirectUrl, resume: true });
    const token = await mailed(backend, ada.emailAddress);
    before.cancelEmailLinkFlow();
    await first;
    expect(links()).toBe(1);

    const done = client.signIn.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl, resume: true });
    await vi.advanceTimersByTimeAsync(2500);
    expect(links()).toBe(1);
    // The first link still works, and the resumed flow sees it used.
    await newClient(backend.url).verifyEmailLink({ token });
    await vi.advanceTimersByTimeAsync(2500);
    expect((await done).status).toBe('complete');
  });

  it('resolves once the link expires', async () => {
    fakePolling();
    let now = Date.UTC(2025, 0, 6, 9);
    const backend = createMockBackend({ users: [ada], now: () => now, settings: { emailVerification: { method: 'link' }, allowedRedirectOrigins: [APP] } });
    server.use(...backend.handlers);
    const client = newClient(backend.url);
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress });
    const done = client.signIn.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl });
    await mailed(backend, ada.emailAddress);
    now += 600_000;
    await vi.advanceTimersByTimeAsync(2500);
    expect((await done).firstFactorVerification?.status).toBe('expired');
  });

  it('sign-up: verified in another tab of this browser, the sign-up completes', async () => {
    const backend = backendWith();
    const tokenStorage = createMemoryStorage();
    const waitingTab = new LatchClient({ frontendApi: backend.url, tokenStorage });
    const verifyTab = new LatchClient({ frontendApi: backend.url, tokenStorage });
    await Promise.all([waitingTab.load(), verifyTab.load()]);
    await waitingTab.signUp.create(grace);
    const done = waitingTab.signUp.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl });
    await verifyTab.verifyEmailLink({ token: await mailed(backend, grace.emailAddress) });
    const signUp = await done;
    expect(signUp.status).toBe('complete');
    expect(waitingTab.user?.primaryEmailAddress?.emailAddress).toBe(grace.emailAddress);
    waitingTab.destroy();
    verifyTab.destroy();
  });

  it('a new email address: verified by its link in another browser, the flow resolves with it verified', async () => {
    fakePolling();
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const address = await client.user!.createEmailAddress({ emailAddress: 'ada@work.example' });
    const done = address.createEmailLinkFlow().startEmailLinkFlow({ redirectUrl });
    const phone = newClient(backend.url);
    expect(await phone.verifyEmailLink({ token: await mailed(backend, 'ada@work.example') })).toMatchObject({ purpose: 'verify_email', completesIn: 'here' });
    await vi.advanceTimersByTimeAsync(2500);
    const verified = await done;
    expect(verified.isVerified).toBe(true);
    expect(client.user?.emailAddresses.find((e) => e.id === address.id)?.isVerified).toBe(true);
  });
});
