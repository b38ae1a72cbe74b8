import { describe, expect, it } from 'vitest';
import type {
  EmailAddressJSON,
  EmailLinkJSON,
  EmailLinkVerifiedJSON,
  EnvironmentJSON,
  SignInJSON,
  SignUpJSON,
  UserJSON,
} from '@latch/protocol';
import { kinds, type InstanceSettings, type DeepPartial } from '@latch/server';
import { ada, API, createTestServer, errorCode, paramName, type TestBrowser, type TestServer } from './helpers';

const APP = 'https://app.test';
const VERIFY_PAGE = `${APP}/sign-in/verify`;
const chrome = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const grace = { emailAddress: 'grace@example.com', password: 'a-long-unusual-phrase' };

function linkSettings(extra: DeepPartial<InstanceSettings> = {}): DeepPartial<InstanceSettings> {
  return { emailVerification: { method: 'link' }, allowedRedirectOrigins: [APP], ...extra };
}

async function withAda(settings = linkSettings(), options: Parameters<typeof createTestServer>[0] = {}) {
  const test = createTestServer({ settings, ...options });
  await test.server.admin.createUser(ada);
  return test;
}

function latestLink(test: TestServer, to: string): string {
  const link = test.outbox.filter((email) => email.to === to).at(-1)?.link;
  if (!link) throw new Error(`No link was sent to ${to}`);
  return link;
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('latch_link') ?? '';
}

async function startSignIn(browser: TestBrowser, identifier = ada.emailAddress): Promise<SignInJSON> {
  const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier });
  expect(reply.status).toBe(200);
  return reply.json.response as SignInJSON;
}

function linkFactor(signIn: SignInJSON) {
  const factor = signIn.supportedFirstFactors.find((f) => f.strategy === 'email_link');
  if (!factor || !('emailAddressId' in factor)) throw new Error('no email_link factor');
  return factor;
}

/** A sign-in waiting for its link: the browser that asked, the attempt and the emailed token. */
async function signInByLink(test: TestServer, browser = test.browser({ userAgent: chrome }), identifier = ada.emailAddress) {
  const signIn = await startSignIn(browser, identifier);
  const reply = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, {
    strategy: 'email_link',
    emailAddressId: linkFactor(signIn).emailAddressId,
    redirectUrl: VERIFY_PAGE,
  });
  expect(reply.status).toBe(200);
  return { browser, signIn: reply.json.response as SignInJSON, token: tokenOf(latestLink(test, ada.emailAddress)) };
}

const inspect = (browser: TestBrowser, token: string) => browser.call<EmailLinkJSON>('POST', '/v1/email_links/inspect', { token });
const verify = (browser: TestBrowser, token: string) => browser.call<EmailLinkVerifiedJSON>('POST', '/v1/email_links/verify', { token });
const finishSignIn = (browser: TestBrowser, id: string) => browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_link' });
const readSignIn = async (browser: TestBrowser, id: string) => (await browser.call('GET', `/v1/client/sign_ins/${id}`)).json.response as SignInJSON;

describe('email links: the instance setting', () => {
  it('offers a code, a link or both, in the environment and in the sign-in factors', async () => {
    for (const [method, strategies] of [
      ['code', ['email_code']],
      ['link', ['email_link']],
      ['both', ['email_code', 'email_link']],
    ] as const) {
      for (const enumerationProtection of [true, false]) {
        const test = await withAda(linkSettings({ emailVerification: { method }, enumerationProtection }));
        const environment = (await test.browser().call('GET', '/v1/environment')).json.response as EnvironmentJSON;
        expect(environment.emailVerification).toEqual({ method, linkCompletesOnOtherDevice: false });
        const signIn = await startSignIn(test.browser());
        const email = signIn.supportedFirstFactors.map((f) => f.strategy).filter((s) => s === 'email_code' || s === 'email_link');
        expect(email).toEqual(strategies);
      }
    }
  });

  it('refuses the strategy the instance does not offer, at sign-in, sign-up and for a new address', async () => {
    const codeOnly = await withAda(linkSettings({ emailVerification: { method: 'code' } }));
    const browser = codeOnly.browser();
    const signIn = await startSignIn(browser);
    const emailAddressId = (signIn.supportedFirstFactors.find((f) => f.strategy === 'email_code') as { emailAddressId: string }).emailAddressId;
    const refused = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_link', emailAddressId, redirectUrl: VERIFY_PAGE });
    expect(errorCode(refused)).toBe('strategy_for_user_invalid');

    const linkOnly = createTestServer({ settings: linkSettings() });
    const signUp = (await linkOnly.browser().call('POST', '/v1/client/sign_ups', grace)).json.response as SignUpJSON;
    const other = linkOnly.browser();
    const created = await other.call('POST', '/v1/client/sign_ups', { emailAddress: 'alan@example.com', password: grace.password });
    const code = await other.call('POST', `/v1/client/sign_ups/${(created.json.response as SignUpJSON).id}/prepare_verification`, { strategy: 'email_code' });
    expect(code.status).toBe(400);
    expect(paramName(code)).toBe('strategy');
    expect(signUp.status).toBe('missing_requirements');
    expect(linkOnly.outbox).toEqual([]);
  });
});

describe('sign-in by email link', () => {
  it('emails the verify page with the token; inspect reads it without using it; verify signs in this browser', async () => {
    const test = await withAda();
    const { browser, signIn, token } = await signInByLink(test);
    const email = test.outbox.at(-1);
    expect(email).toMatchObject({ to: ada.emailAddress, kind: 'sign_in_link' });
    expect(email?.code).toBeUndefined();
    expect(email?.link).toBe(`${VERIFY_PAGE}?latch_link=${token}`);
    expect(email?.text).toContain(email?.link);
    expect(token).toMatch(/^lnk_[0-9a-z]{20}\.[A-Za-z0-9_-]{43}$/);
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'email_link', expireAt: test.clock.now() + 600_000 });

    for (let i = 0; i < 3; i++) {
      const read = await inspect(browser, token);
      expect(read.status).toBe(200);
      expect(read.json.response).toEqual({
        purpose: 'sign_in',
        emailAddress: ada.emailAddress,
        expireAt: test.clock.now() + 600_000,
        sameClient: true,
        completesIn: 'here',
        requestedFrom: { browserName: 'Chrome', browserVersion: '131.0.0.0', osName: 'macOS', deviceType: 'desktop' },
      });
    }

    const used = await verify(browser, token);
    expect(used.status).toBe(200);
    const verified = used.json.response as EmailLinkVerifiedJSON;
    expect(verified).toMatchObject({ status: 'verified', purpose: 'sign_in', sameClient: true, completesIn: 'here' });
    expect(verified.signIn?.status).toBe('complete');
    expect(verified.signIn?.firstFactorVerification).toMatchObject({ status: 'verified', strategy: 'email_link', verifiedFromTheSameClient: true });
    const client = await browser.client();
    expect(client?.sessions.map((s) => s.id)).toEqual([verified.createdSessionId]);
    expect(client?.lastActiveSessionId).toBe(verified.createdSessionId);
  });

  it('is never used by a GET: a mail scanner fetching the link, GETs of the API with it, and inspect leave it working', async () => {
    const test = await withAda();
    const { browser, token } = await signInByLink(test);
    const scanner = test.browser();
    // The email's URL is the app's page, not the API; GETs of the API's email-link routes are not routes at all.
    expect((await scanner.call('GET', `/v1/email_links/verify?latch_link=${token}`)).status).toBe(405);
    expect((await scanner.call('GET', `/v1/email_links/inspect?latch_link=${token}`)).status).toBe(405);
    expect((await scanner.call('GET', `/v1/client?latch_link=${token}`)).status).toBe(200);
    expect((await scanner.call('GET', `/v1/environment?latch_link=${token}`)).status).toBe(200);
    // A scanner that runs the verify page's script reads the link, too: still unused.
    expect((await inspect(scanner, token)).status).toBe(200);
    expect(await scanner.client()).toBeNull();

    const used = await verify(browser, token);
    expect((used.json.response as EmailLinkVerifiedJSON).signIn?.status).toBe('complete');
  });

  it('works once: a second use, even at the same instant, is refused as used', async () => {
    const test = await withAda();
    const { browser, token } = await signInByLink(test);
    const replies = await Promise.all(Array.from({ length: 5 }, () => verify(browser, token)));
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(replies.filter((reply) => errorCode(reply) === 'email_link_used')).toHaveLength(4);
    expect((await browser.client())?.sessions).toHaveLength(1);
    expect(errorCode(await verify(test.browser(), token))).toBe('email_link_used');
    expect(errorCode(await inspect(test.browser(), token))).toBe('email_link_used');
  });

  it('expires at 10 minutes', async () => {
    const test = await withAda();
    const { browser, signIn, token } = await signInByLink(test);
    test.clock.advance(600_000 - 1);
    expect((await inspect(browser, token)).status).toBe(200);
    test.clock.advance(1);
    const late = await verify(browser, token);
    expect(late.status).toBe(422);
    expect(errorCode(late)).toBe('email_link_expired');
    expect((await readSignIn(browser, signIn.id)).firstFactorVerification?.status).toBe('expired');
    expect(errorCode(await finishSignIn(browser, signIn.id))).toBe('email_link_expired');
    expect((await browser.client())?.sessions).toEqual([]);
  });

  it('opened in another browser: by default that browser only confirms it, and the original one finishes', async () => {
    const test = await withAda();
    const { browser, signIn, token } = await signInByLink(test);
    const phone = test.browser();
    expect((await inspect(phone, token)).json.response).toMatchObject({ sameClient: false, completesIn: 'original' });
    const used = await verify(phone, token);
    expect(used.status).toBe(200);
    expect(used.json.response).toMatchObject({ status: 'verified', sameClient: false, completesIn: 'original', createdSessionId: null, signIn: null });
    // Refused a session: the phone is not signed in, and has nothing to finish.
    expect(used.json.client ?? null).toBeNull();
    expect(phone.token).toBeNull();

    const waiting = await readSignIn(browser, signIn.id);
    expect(waiting.status).toBe('needs_first_factor');
    expect(waiting.firstFactorVerification).toMatchObject({ status: 'verified', strategy: 'email_link', verifiedFromTheSameClient: false });
    const finished = await finishSignIn(browser, signIn.id);
    expect(finished.status).toBe(200);
    expect((finished.json.response as SignInJSON).status).toBe('complete');
    expect((await browser.client())?.sessions).toHaveLength(1);
  });

  it('opened in another browser with linkCompletesOnOtherDevice: that browser signs in, and the original one cannot', async () => {
    const test = await withAda(linkSettings({ emailVerification: { method: 'link', linkCompletesOnOtherDevice: true } }));
    const { browser, signIn, token } = await signInByLink(test);
    const phone = test.browser();
    expect((await inspect(phone, token)).json.response).toMatchObject({ sameClient: false, completesIn: 'here' });
    const used = (await verify(phone, token)).json.response as EmailLinkVerifiedJSON;
    expect(used.signIn?.status).toBe('complete');
    expect((await phone.client())?.sessions.map((s) => s.id)).toEqual([used.createdSessionId]);

    const original = await readSignIn(browser, signIn.id);
    expect(original.firstFactorVerification).toMatchObject({ status: 'verified', verifiedFromTheSameClient: false });
    expect(errorCode(await finishSignIn(browser, signIn.id))).toBe('email_link_client_mismatch');
    expect((await browser.client())?.sessions).toEqual([]);
  });

  it('is bound to its attempt: a token for sign-in A cannot complete sign-in B, and a resend retires the old link', async () => {
    const test = await withAda();
    const a = await signInByLink(test);
    const b = await signInByLink(test, test.browser());
    expect(a.token).not.toBe(b.token);
    // B's browser uses A's link: that verifies A (for A's browser to finish), never B.
    expect((await verify(b.browser, a.token)).json.response).toMatchObject({ sameClient: false, completesIn: 'original', signIn: null });
    expect(errorCode(await finishSignIn(b.browser, b.signIn.id))).toBe('verification_missing');
    expect((await b.browser.client())?.sessions).toEqual([]);
    expect(((await finishSignIn(a.browser, a.signIn.id)).json.response as SignInJSON).status).toBe('complete');
    // B's own link still works for B; a resend of it retires the first one.
    const resent = await b.browser.call('POST', `/v1/client/sign_ins/${b.signIn.id}/prepare_first_factor`, {
      strategy: 'email_link',
      emailAddressId: linkFactor(b.signIn).emailAddressId,
      redirectUrl: VERIFY_PAGE,
    });
    expect(resent.status).toBe(200);
    expect(errorCode(await verify(b.browser, b.token))).toBe('email_link_invalid');
    const fresh = tokenOf(latestLink(test, ada.emailAddress));
    expect(((await verify(b.browser, fresh)).json.response as EmailLinkVerifiedJSON).signIn?.status).toBe('complete');
  });

  it('refuses made-up and garbled tokens, and a link whose secret was guessed at five times', async () => {
    const test = await withAda();
    const { browser, token } = await signInByLink(test);
    const [id = '', secret = ''] = token.split('.');
    const wrong = `${id}.${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    for (const bad of ['', 'nope', `${id}.`, `${id}.${secret}x`, 'lnk_00000000000000000000.' + secret]) {
      const reply = await verify(browser, bad);
      expect(reply.status === 400 || errorCode(reply) === 'email_link_invalid').toBe(true);
    }
    for (let i = 0; i < 5; i++) expect(errorCode(await verify(browser, wrong))).toBe('email_link_invalid');
    expect(errorCode(await verify(browser, token))).toBe('email_link_invalid');
    expect((await browser.client())?.sessions).toEqual([]);
  });

  it('sends only to an allowed verify page: a path on the API, or an allowed origin', async () => {
    const test = await withAda();
    const browser = test.browser();
    const signIn = await startSignIn(browser);
    const prepare = (redirectUrl: unknown) =>
      browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'email_link', emailAddressId: linkFactor(signIn).emailAddressId, redirectUrl });
    for (const bad of ['https://evil.test/verify', 'javascript:alert(1)', '//evil.test/verify', `${APP}@evil.test/`, 42]) {
      const reply = await prepare(bad);
      expect(reply.status).toBe(400);
      expect(paramName(reply)).toBe('redirectUrl');
    }
    expect(test.outbox).toEqual([]);
    expect((await prepare('/verify?from=mail#top')).status).toBe(200);
    expect(latestLink(test, ada.emailAddress)).toMatch(new RegExp(`^${API}/verify\\?from=mail&latch_link=lnk_[^#]+#top$`));
  });

  it('a user with TOTP still needs the second factor after the link', async () => {
    const test = createTestServer({ settings: linkSettings() });
    await test.server.admin.createUser({ ...ada, totpSecret: 'JBSWY3DPEHPK3PXP' });
    const { browser, token } = await signInByLink(test);
    const used = (await verify(browser, token)).json.response as EmailLinkVerifiedJSON;
    expect(used.createdSessionId).toBeNull();
    expect(used.signIn?.status).toBe('needs_second_factor');
    expect((await browser.client())?.sessions).toEqual([]);
  });

  it('a locked account cannot use a link sent before the lock', async () => {
    const test = await withAda();
    const { token } = await signInByLink(test);
    const attacker = test.browser();
    for (let i = 0; i < 10; i++) await attacker.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: 'wrong-password-here' });
    const reply = await verify(test.browser(), token);
    expect(reply.status).toBe(429);
    expect(errorCode(reply)).toBe('user_locked');
  });

  it('an unknown address gets the same answers as a known one, and no email', async () => {
    const test = await withAda();
    const known = await signInByLink(test);
    const browser = test.browser();
    const unknown = await startSignIn(browser, 'nobody@example.com');
    const reply = await browser.call('POST', `/v1/client/sign_ins/${unknown.id}/prepare_first_factor`, {
      strategy: 'email_link',
      emailAddressId: linkFactor(unknown).emailAddressId,
      redirectUrl: VERIFY_PAGE,
    });
    expect(reply.status).toBe(200);
    const shape = (signIn: SignInJSON) => ({ ...signIn, id: '', identifier: '', supportedFirstFactors: signIn.supportedFirstFactors.map((f) => f.strategy) });
    expect(shape(reply.json.response as SignInJSON)).toEqual(shape(known.signIn));
    expect(test.outbox.filter((email) => email.to === 'nobody@example.com')).toEqual([]);
    expect(errorCode(await finishSignIn(browser, unknown.id))).toBe(errorCode(await finishSignIn(known.browser, known.signIn.id)));
  });
});

describe('sign-up verification by email link', () => {
  async function pendingSignUp(test: TestServer) {
    const browser = test.browser();
    const created = (await browser.call('POST', '/v1/client/sign_ups', grace)).json.response as SignUpJSON;
    const prepared = await browser.call('POST', `/v1/client/sign_ups/${created.id}/prepare_verification`, { strategy: 'email_link', redirectUrl: `${APP}/sign-up/verify` });
    expect(prepared.status).toBe(200);
    expect(test.outbox.at(-1)?.kind).toBe('sign_up_link');
    return { browser, id: created.id, token: tokenOf(latestLink(test, grace.emailAddress)) };
  }

  it('in the same browser: the sign-up completes', async () => {
    const test = createTestServer({ settings: linkSettings() });
    const { browser, token } = await pendingSignUp(test);
    expect((await inspect(browser, token)).json.response).toMatchObject({ purpose: 'sign_up', emailAddress: grace.emailAddress, completesIn: 'here' });
    const used = (await verify(browser, token)).json.response as EmailLinkVerifiedJSON;
    expect(used.createdSessionId).toBeTruthy();
    expect((await browser.client())?.sessions.map((s) => s.user.emailAddresses[0]?.emailAddress)).toEqual([grace.emailAddress]);
  });

  it('in another browser: by default the original one finishes; with the setting, the other one does', async () => {
    const test = createTestServer({ settings: linkSettings() });
    const { browser, id, token } = await pendingSignUp(test);
    const phone = test.browser();
    expect((await verify(phone, token)).json.response).toMatchObject({ completesIn: 'original', createdSessionId: null });
    expect(phone.token).toBeNull();
    const waiting = (await browser.call('GET', `/v1/client/sign_ups/${id}`)).json.response as SignUpJSON;
    expect(waiting.verifications.emailAddress).toMatchObject({ status: 'verified', verifiedFromTheSameClient: false });
    const finished = await browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_link' });
    expect((finished.json.response as SignUpJSON).status).toBe('complete');

    const anywhere = createTestServer({ settings: linkSettings({ emailVerification: { method: 'link', linkCompletesOnOtherDevice: true } }) });
    const pending = await pendingSignUp(anywhere);
    const other = anywhere.browser();
    const used = (await verify(other, pending.token)).json.response as EmailLinkVerifiedJSON;
    expect(used.createdSessionId).toBeTruthy();
    expect((await other.client())?.sessions.map((s) => s.id)).toEqual([used.createdSessionId]);
    const original = await pending.browser.call('GET', `/v1/client/sign_ups/${pending.id}`);
    expect((original.json.response as SignUpJSON).status).toBe('complete');
    expect((await pending.browser.client())?.sessions).toEqual([]);
  });
});

describe('adding an email address, verified by link', () => {
  it('needs a recent verification to add, as with codes; the link verifies the address in any browser', async () => {
    const test = await withAda();
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    test.clock.advance(600_001);
    expect(errorCode(await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'ada@work.example' }))).toBe('reverification_required');
    await browser.call('POST', '/v1/me/reverification/attempt', { strategy: 'password', password: ada.password });
    const added = (await browser.call('POST', '/v1/me/email_addresses', { emailAddress: 'ada@work.example' })).json.response as EmailAddressJSON;
    const prepared = await browser.call('POST', `/v1/me/email_addresses/${added.id}/prepare_verification`, { strategy: 'email_link', redirectUrl: `${APP}/user/verify` });
    expect((prepared.json.response as EmailAddressJSON).verification).toMatchObject({ status: 'unverified', strategy: 'email_link' });
    expect(test.outbox.at(-1)).toMatchObject({ to: 'ada@work.example', kind: 'verify_email_link' });
    const token = tokenOf(latestLink(test, 'ada@work.example'));

    const phone = test.browser();
    expect((await inspect(phone, token)).json.response).toMatchObject({ purpose: 'verify_email', emailAddress: 'ada@work.example', sameClient: false, completesIn: 'here' });
    expect((await verify(phone, token)).status).toBe(200);
    expect(phone.token).toBeNull();
    const me = (await browser.call('GET', '/v1/me')).json.response as UserJSON;
    expect(me.emailAddresses.find((e) => e.id === added.id)?.verification).toMatchObject({ status: 'verified', strategy: 'email_link', verifiedFromTheSameClient: false });
    expect(errorCode(await verify(browser, token))).toBe('email_link_used');
  });
});

describe('email links at rest', () => {
  it('keep only a hash: a dump holds neither the token nor its secret, pending or used', async () => {
    const test = await withAda();
    const used = await signInByLink(test);
    await verify(used.browser, used.token);
    const pending = await signInByLink(test, test.browser());
    const rows = await Promise.all(kinds.map((kind) => test.server.store.scan(kind, null, 10_000)));
    const dump = JSON.stringify(rows);
    for (const token of [used.token, pending.token]) {
      const [id = '', secret = ''] = token.split('.');
      expect(dump).toContain(id);
      expect(dump).not.toContain(secret);
    }
  });

  it('are swept a day after they expire, used or not', async () => {
    const test = await withAda();
    const used = await signInByLink(test);
    await verify(used.browser, used.token);
    await signInByLink(test, test.browser());
    expect((await test.server.store.scan('verifications', null, 100)).length).toBe(2);
    test.clock.advance(600_000 + 24 * 60 * 60 * 1000);
    const report = await test.server.admin.purgeExpired();
    expect(report.verifications).toBe(2);
    expect(await test.server.store.scan('verifications', null, 100)).toEqual([]);
  });
});
