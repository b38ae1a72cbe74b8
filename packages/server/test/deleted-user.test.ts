import { describe, expect, it } from 'vitest';
import type { SignInJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, type TestBrowser, type TestServer } from './helpers';

// A deleted user mints nothing: not from a session it had, and not from a
// sign-in that completes while the account is being deleted.

async function signedIn(test: TestServer, email = ada.emailAddress): Promise<{ browser: TestBrowser; sessionId: string }> {
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(email, ada.password);
  return { browser, sessionId: signIn.createdSessionId! };
}

function mint(browser: TestBrowser, sessionId: string) {
  return browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`);
}

describe('a deleted user', () => {
  it('mints nothing from any of its sessions once the account is deleted', async () => {
    const test = createTestServer();
    const user = await test.server.admin.createUser(ada);
    const here = await signedIn(test);
    const elsewhere = await signedIn(test);
    expect((await mint(elsewhere.browser, elsewhere.sessionId)).status).toBe(200);
    expect((await here.browser.call('DELETE', '/v1/me')).status).toBe(200);
    for (const { browser, sessionId } of [here, elsewhere]) {
      const minted = await mint(browser, sessionId);
      expect(minted.status).toBe(404);
      expect(errorCode(minted)).toBe('session_not_found');
    }
    expect(await test.server.store.listBy('sessions', 'userId', user.id)).toEqual([]);
  });

  it('mints nothing from a session left behind by a sign-in that raced the deletion', async () => {
    // The end state of the race: the session row exists, its user does not.
    const test = createTestServer();
    const user = await test.server.admin.createUser(ada);
    const { browser, sessionId } = await signedIn(test);
    await test.server.store.delete('users', user.id);
    const minted = await mint(browser, sessionId);
    expect(minted.status).toBe(404);
    expect(errorCode(minted)).toBe('session_not_found');
  });

  it('gets no session from a sign-in that completes while the account is being deleted', async () => {
    const test = createTestServer();
    for (let round = 0; round < 5; round++) {
      const email = `racer${round}@example.com`;
      const user = await test.server.admin.createUser({ ...ada, emailAddress: email });
      const owner = await signedIn(test, email);
      const attacker = test.browser();
      const created = await attacker.call<{ response: SignInJSON }>('POST', '/v1/client/sign_ins', { identifier: email });
      const signInId = created.json.response.id;
      const [, completed] = await Promise.all([
        owner.browser.call('DELETE', '/v1/me'),
        attacker.call<{ response?: SignInJSON }>('POST', `/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
          strategy: 'password',
          password: ada.password,
        }),
      ]);
      const sessionId = completed.json.response?.createdSessionId;
      if (sessionId) expect((await mint(attacker, sessionId)).status).toBe(404);
      expect(await test.server.store.listBy('sessions', 'userId', user.id)).toEqual([]);
      expect((await attacker.client())?.sessions ?? []).toEqual([]);
    }
  });
});
