import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInJSON, SignUpJSON, TotpJSON, UserJSON } from '@latch/protocol';
import { errorCode, TestBrowser } from '../helpers';
import { testStoreKind } from '../stores/test-stores';
import { freshDatabase, latestCode } from './databases';
import { exited, kill, spawnServer, type SpawnedServer } from './spawned-server';

// The real `latch-server`, SIGKILLed by its test hook between the writes of
// a flow (LATCH_FAULT_KILL_AFTER_TX_WRITES), then started again on the same
// database: each flow is found entirely undone, never half-done. Everything
// a flow needs is set up first, on a server without the hook; then each
// flow's last request goes to a server of its own that dies in it.
const kind = testStoreKind();
const password = 'quiet-morning-tea-42';
const newPassword = 'a-brand-new-passphrase';

/** The same browser (its client token) pointed at another server process. */
function on(server: SpawnedServer, browser: TestBrowser): TestBrowser {
  return Object.assign(new TestBrowser(server.url), { token: browser.token });
}

async function signUp(server: SpawnedServer, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(server.url);
  const created = await browser.call<{ response: SignUpJSON }>('POST', '/v1/client/sign_ups', { emailAddress: email, password });
  const id = created.json.response.id;
  await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
  const attempt = await browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code: await latestCode(server, email) });
  expect(attempt.status).toBe(200);
  return browser;
}

async function signedIn(server: SpawnedServer, email: string): Promise<{ browser: TestBrowser; sessionId: string }> {
  const browser = new TestBrowser(server.url);
  const signIn = await browser.signInWithPassword(email, password);
  return { browser, sessionId: signIn.createdSessionId! };
}

async function signInStatus(server: SpawnedServer, identifier: string, withPassword: string): Promise<string> {
  const reply = await new TestBrowser(server.url).call('POST', '/v1/client/sign_ins', { identifier, password: withPassword });
  return reply.status === 200 ? (reply.json.response as SignInJSON).status : (errorCode(reply) ?? String(reply.status));
}

describe.runIf(kind !== 'memory')(`SIGKILL between the writes of a flow on ${kind}`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  // Creating and dropping a PostgreSQL database can take a while on a busy machine.
  beforeAll(async () => void (db = await freshDatabase()), 60_000);
  afterAll(async () => db?.drop(), 60_000);

  /** Starts a server that kills itself after the `writes`th write inside a transaction, sends it `request`, and waits for the kill. */
  async function dieDuring(writes: number, request: (server: SpawnedServer) => Promise<unknown>): Promise<void> {
    const server = await spawnServer(db.database, { LATCH_FAULT_KILL_AFTER_TX_WRITES: String(writes) });
    const answered = await request(server).then(
      () => true,
      () => false, // the connection died with the process
    );
    expect(answered).toBe(false);
    expect(await exited(server)).toBe('SIGKILL');
  }

  it('leaves sign-up, sign-in, password reset, account deletion and TOTP enrolment before, never between', async () => {
    const setup = await spawnServer(db.database);
    // Sign-up: verified on the next server, which dies between the email row and the user row.
    const newcomer = new TestBrowser(setup.url);
    const created = await newcomer.call<{ response: SignUpJSON }>('POST', '/v1/client/sign_ups', { emailAddress: 'newcomer@example.com', password });
    const signUpId = created.json.response.id;
    await newcomer.call('POST', `/v1/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
    const signUpCode = await latestCode(setup, 'newcomer@example.com');

    // Sign-in: a token planted before sign-in; the next server dies between the session and the token rotation.
    await signUp(setup, 'ada@example.com');
    const planted = new TestBrowser(setup.url);
    const signIn = (await planted.call<{ response: SignInJSON }>('POST', '/v1/client/sign_ins', { identifier: 'ada@example.com' })).json.response;
    const plantedToken = planted.token;

    // Password reset that signs out a device: the next server dies between the revocation and the rest.
    await signUp(setup, 'reset@example.com');
    const device = await signedIn(setup, 'reset@example.com');
    const resetter = new TestBrowser(setup.url);
    const reset = (await resetter.call<{ response: SignInJSON }>('POST', '/v1/client/sign_ins', { identifier: 'reset@example.com' })).json.response;
    const resetFactor = reset.supportedFirstFactors.find((factor) => factor.strategy === 'reset_password_email_code');
    const emailAddressId = resetFactor && 'emailAddressId' in resetFactor ? resetFactor.emailAddressId : '';
    await resetter.call('POST', `/v1/client/sign_ins/${reset.id}/prepare_first_factor`, { strategy: 'reset_password_email_code', emailAddressId });
    const resetCode = await latestCode(setup, 'reset@example.com');
    const checked = await resetter.call('POST', `/v1/client/sign_ins/${reset.id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: resetCode });
    expect((checked.json.response as SignInJSON).status).toBe('needs_new_password');

    // Account deletion: the next server dies between the user row and its sessions.
    await signUp(setup, 'leaver@example.com');
    const leaver = await signedIn(setup, 'leaver@example.com');

    // TOTP on: the next server dies among the backup codes.
    await signUp(setup, 'totp@example.com');
    const enroller = await signedIn(setup, 'totp@example.com');
    const { secret } = (await enroller.browser.call<{ response: TotpJSON }>('POST', '/v1/me/totp')).json.response;
    await kill(setup);

    await dieDuring(2, (server) => on(server, newcomer).call('POST', `/v1/client/sign_ups/${signUpId}/attempt_verification`, { code: signUpCode }));
    await dieDuring(4, (server) =>
      on(server, planted).call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password }),
    );
    await dieDuring(2, (server) =>
      on(server, resetter).call('POST', `/v1/client/sign_ins/${reset.id}/reset_password`, { password: newPassword, signOutOfOtherSessions: true }),
    );
    await dieDuring(2, (server) => on(server, leaver.browser).call('DELETE', '/v1/me'));
    const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
    await dieDuring(4, (server) => on(server, enroller.browser).call('POST', '/v1/me/totp/attempt_verification', { code }));

    const after = await spawnServer(db.database);
    try {
      // Sign-up: no user (under enumeration protection an unknown account answers like a wrong password), and the address is free again.
      expect(await signInStatus(after, 'newcomer@example.com', password)).toBe('form_password_incorrect');
      const newcomerClient = await on(after, newcomer).client();
      expect(newcomerClient?.sessions).toEqual([]);
      expect(newcomerClient?.signUp?.status).toBe('missing_requirements');
      const again = await new TestBrowser(after.url).call('POST', '/v1/client/sign_ups', { emailAddress: 'newcomer@example.com', password });
      expect(again.status).toBe(200);

      // Sign-in: the planted token holds no session, and the sign-in is where it was.
      const plantedClient = await on(after, { token: plantedToken } as TestBrowser).client();
      expect(plantedClient?.sessions).toEqual([]);
      expect(plantedClient?.lastActiveSessionId).toBeNull();
      expect(plantedClient?.signIn?.status).toBe('needs_first_factor');

      // Password reset: the old password still works, the new one does not, the device is still signed in.
      expect(await signInStatus(after, 'reset@example.com', password)).toBe('complete');
      expect(await signInStatus(after, 'reset@example.com', newPassword)).toBe('form_password_incorrect');
      expect((await on(after, device.browser).call('POST', `/v1/client/sessions/${device.sessionId}/tokens`)).status).toBe(200);

      // Account deletion: the account and its session are both still there.
      expect((await on(after, leaver.browser).call('GET', '/v1/me')).status).toBe(200);
      expect((await on(after, leaver.browser).call('POST', `/v1/client/sessions/${leaver.sessionId}/tokens`)).status).toBe(200);

      // TOTP: still off, with no backup codes.
      const enrolled = (await on(after, enroller.browser).call<{ response: UserJSON }>('GET', '/v1/me')).json.response;
      expect(enrolled.totpEnabled).toBe(false);
      expect(enrolled.backupCodeEnabled).toBe(false);
      expect(await signInStatus(after, 'totp@example.com', password)).toBe('complete');
    } finally {
      await kill(after);
    }
  }, 120_000);
});
