import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { SignInJSON, SignUpJSON, TotpJSON, UserJSON } from '@latch/protocol';
import { withWriteFault, type WriteFaultPlan } from '../src/core/store/write-fault';
import { ada, createTestServer, errorCode, type Reply, type TestBrowser, type TestServer } from './helpers';
import { createTestStore } from './stores/test-stores';

// A store that fails right after the 1st, then the 2nd, 3rd… write a flow
// makes inside its transactions, on Memory, SQLite and PostgreSQL: whichever
// write it stops after, nothing of the flow is left (the state is as before),
// and the try that gets past every write leaves all of it.

class InjectedFault extends Error {}

function faultyServer(): { test: TestServer; plan: WriteFaultPlan } {
  const plan: WriteFaultPlan = {
    afterWrites: null,
    fault: () => {
      throw new InjectedFault('injected between two writes');
    },
  };
  const test = createTestServer({
    store: withWriteFault(createTestStore(), plan),
    onError: (error) => {
      if (!(error instanceof InjectedFault)) throw error;
    },
    rateLimits: { emailsPerAddress: { max: 1000, windowMs: 60_000 } },
    // These tests look up whether an account exists by signing in to it, which enumeration protection hides.
    settings: { enumerationProtection: false },
  });
  return { test, plan };
}

interface CrashSteps<P> {
  /** Runs unarmed before each try: what the request needs (a fresh code, a sign-in at the right step). */
  prepare: () => Promise<P>;
  attempt: (prepared: P) => Promise<Reply>;
  before: (prepared: P) => Promise<void>;
  after: (prepared: P, reply: Reply) => Promise<void>;
}

/** Breaks the request after its 1st, 2nd, … transaction write until one try goes through; returns how many broke. */
async function breakAfterEveryWrite<P>(plan: WriteFaultPlan, steps: CrashSteps<P>): Promise<number> {
  for (let writes = 1; writes < 100; writes++) {
    const prepared = await steps.prepare();
    plan.afterWrites = writes;
    const reply = await steps.attempt(prepared);
    if (plan.afterWrites !== null) {
      // The fault was never reached: this try made fewer writes than that.
      plan.afterWrites = null;
      expect(reply.status, JSON.stringify(reply.json)).toBe(200);
      await steps.after(prepared, reply);
      return writes - 1;
    }
    expect(reply.status).toBe(500);
    await steps.before(prepared);
  }
  throw new Error('the flow never finished');
}

async function passwordHashOf(test: TestServer, emailAddress: string): Promise<string | null> {
  const email = await test.server.store.findBy('emailAddresses', 'verifiedEmail', emailAddress);
  return (await test.server.store.get('users', email!.userId))!.passwordHash;
}

function totpAt(base32: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

async function signedIn(test: TestServer): Promise<{ browser: TestBrowser; sessionId: string }> {
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { browser, sessionId: signIn.createdSessionId! };
}

function mint(browser: TestBrowser, sessionId: string) {
  return browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`);
}

async function identifierStatus(test: TestServer, identifier: string, password?: string): Promise<string> {
  const reply = await test.browser().call('POST', '/v1/client/sign_ins', { identifier, password });
  return reply.status === 200 ? (reply.json.response as SignInJSON).status : (errorCode(reply) ?? String(reply.status));
}

describe('a failure between the writes of a flow leaves it undone', () => {
  it('sign-up completion: the address stays free and the pre-sign-up token holds nothing', async () => {
    const { test, plan } = faultyServer();
    const email = 'grace@example.com';
    const broken = await breakAfterEveryWrite(plan, {
      prepare: async () => {
        const browser = test.browser();
        const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: email, password: ada.password });
        const id = (created.json.response as SignUpJSON).id;
        await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
        return { browser, id, code: test.latestCode(email), tokenBefore: browser.token };
      },
      attempt: ({ browser, id, code }) => browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code }),
      before: async ({ browser, tokenBefore }) => {
        expect(await identifierStatus(test, email)).toBe('form_identifier_not_found');
        expect(browser.token).toBe(tokenBefore);
        const client = await browser.client();
        expect(client?.sessions).toEqual([]);
        expect(client?.signUp?.status).toBe('missing_requirements');
      },
      after: async ({ browser, tokenBefore }, reply) => {
        expect((reply.json.response as SignUpJSON).status).toBe('complete');
        expect(await identifierStatus(test, email, ada.password)).toBe('complete');
        expect((await browser.client())?.sessions).toHaveLength(1);
        expect(browser.token).not.toBe(tokenBefore);
      },
    });
    expect(broken).toBeGreaterThanOrEqual(5);
  });

  it('sign-in completion: no session, and none on the token seen before sign-in', async () => {
    const { test, plan } = faultyServer();
    await test.server.admin.createUser(ada);
    const broken = await breakAfterEveryWrite(plan, {
      prepare: async () => {
        const browser = test.browser();
        const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress });
        return { browser, id: (created.json.response as SignInJSON).id, tokenBefore: browser.token };
      },
      attempt: ({ browser, id }) =>
        browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: ada.password }),
      before: async ({ browser, tokenBefore }) => {
        expect(browser.token).toBe(tokenBefore);
        const client = await browser.client();
        expect(client?.sessions).toEqual([]);
        expect(client?.lastActiveSessionId).toBeNull();
        expect(client?.signIn?.status).toBe('needs_first_factor');
      },
      after: async ({ browser, tokenBefore }, reply) => {
        expect((reply.json.response as SignInJSON).status).toBe('complete');
        expect((await browser.client())?.sessions).toHaveLength(1);
        // The planted pre-login token is worthless: it names no client any more.
        const planted = Object.assign(test.browser(), { token: tokenBefore });
        expect(await planted.client()).toBeNull();
      },
    });
    expect(broken).toBeGreaterThanOrEqual(5);
  });

  it('password reset with sign-out of other sessions: the old password and the other session both still work', async () => {
    const { test, plan } = faultyServer();
    await test.server.admin.createUser(ada);
    const victim = await signedIn(test);
    const oldHash = await passwordHashOf(test, ada.emailAddress);
    const newPassword = 'a-brand-new-passphrase';
    const broken = await breakAfterEveryWrite(plan, {
      prepare: async () => {
        const browser = test.browser();
        const created = await browser.call<{ response: SignInJSON }>('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress });
        const signIn = created.json.response;
        const factor = signIn.supportedFirstFactors.find((f) => f.strategy === 'reset_password_email_code');
        const emailAddressId = factor && 'emailAddressId' in factor ? factor.emailAddressId : '';
        const sent = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, { strategy: 'reset_password_email_code', emailAddressId });
        expect(sent.status, JSON.stringify(sent.json)).toBe(200);
        const code = test.latestCode(ada.emailAddress);
        const checked = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code });
        expect((checked.json.response as SignInJSON | undefined)?.status, JSON.stringify(checked.json)).toBe("needs_new_password");
        return { browser, id: signIn.id };
      },
      attempt: ({ browser, id }) =>
        browser.call('POST', `/v1/client/sign_ins/${id}/reset_password`, { password: newPassword, signOutOfOtherSessions: true }),
      before: async ({ browser }) => {
        expect((await mint(victim.browser, victim.sessionId)).status).toBe(200);
        // The old password still stands. (Read from the store: a test sign-in would either count toward
        // the lockout, or add a session for the next try to revoke.)
        expect(await passwordHashOf(test, ada.emailAddress)).toBe(oldHash);
        expect((await browser.client())?.signIn?.status).toBe('needs_new_password');
      },
      after: async ({ browser }) => {
        expect((await mint(victim.browser, victim.sessionId)).status).not.toBe(200);
        expect((await browser.client())?.sessions).toHaveLength(1);
        expect(await identifierStatus(test, ada.emailAddress, ada.password)).toBe('form_password_incorrect');
      },
    });
    expect(broken).toBeGreaterThanOrEqual(3);
  });

  it('account deletion: the user, its address and its sessions all stay', async () => {
    const { test, plan } = faultyServer();
    const user = await test.server.admin.createUser(ada);
    const device = await signedIn(test);
    const broken = await breakAfterEveryWrite(plan, {
      prepare: async () => device,
      attempt: ({ browser }) => browser.call('DELETE', '/v1/me'),
      before: async ({ browser, sessionId }) => {
        expect((await mint(browser, sessionId)).status).toBe(200);
        expect((await browser.call('GET', '/v1/me')).status).toBe(200);
      },
      after: async ({ browser, sessionId }) => {
        expect((await mint(browser, sessionId)).status).not.toBe(200);
        expect(await identifierStatus(test, ada.emailAddress, ada.password)).toBe('form_identifier_not_found');
        expect(await test.server.store.listBy('sessions', 'userId', user.id)).toEqual([]);
      },
    });
    expect(broken).toBeGreaterThanOrEqual(3);
  });

  it('turning TOTP on: either TOTP with all ten backup codes, or neither', async () => {
    const { test, plan } = faultyServer();
    const user = await test.server.admin.createUser(ada);
    const { browser } = await signedIn(test);
    const me = async () => (await browser.call<{ response: UserJSON }>('GET', '/v1/me')).json.response;
    const broken = await breakAfterEveryWrite(plan, {
      prepare: async () => {
        // Every try needs a time step of its own: a TOTP step is accepted once.
        test.clock.advance(60_000);
        // Turning TOTP on is a sensitive action: keep the session's verification fresh as the clock runs.
        expect((await browser.call('POST', '/v1/me/reverification/attempt', { strategy: 'password', password: ada.password })).status).toBe(200);
        return (await browser.call<{ response: TotpJSON }>('POST', '/v1/me/totp')).json.response;
      },
      attempt: ({ secret }) => browser.call('POST', '/v1/me/totp/attempt_verification', { code: totpAt(secret, test.clock.now()) }),
      before: async () => {
        expect((await me()).totpEnabled).toBe(false);
        expect(await test.server.store.listBy('backupCodes', 'userId', user.id)).toEqual([]);
      },
      after: async (_, reply) => {
        expect((reply.json.response as { backupCodes: string[] }).backupCodes).toHaveLength(10);
        expect((await me()).totpEnabled).toBe(true);
        expect(await test.server.store.listBy('backupCodes', 'userId', user.id)).toHaveLength(10);
      },
    });
    expect(broken).toBeGreaterThanOrEqual(10);
  });

  it('password change with sign-out of other sessions: the old password and the other session both still work', async () => {
    const { test, plan } = faultyServer();
    await test.server.admin.createUser(ada);
    const other = await signedIn(test);
    const { browser } = await signedIn(test);
    const oldHash = await passwordHashOf(test, ada.emailAddress);
    const newPassword = 'a-brand-new-passphrase';
    const broken = await breakAfterEveryWrite(plan, {
      prepare: async () => undefined,
      attempt: () =>
        browser.call('POST', '/v1/me/change_password', { currentPassword: ada.password, newPassword, signOutOfOtherSessions: true }),
      before: async () => {
        expect((await mint(other.browser, other.sessionId)).status).toBe(200);
        expect(await passwordHashOf(test, ada.emailAddress)).toBe(oldHash);
      },
      after: async () => {
        expect((await mint(other.browser, other.sessionId)).status).not.toBe(200);
        expect(await identifierStatus(test, ada.emailAddress, newPassword)).toBe('complete');
      },
    });
    expect(broken).toBeGreaterThanOrEqual(2);
  });
});
