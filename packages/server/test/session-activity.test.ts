import { describe, expect, it } from 'vitest';
import type { TokenJSON } from '@latch/protocol';
import { ada, CountingStore, createTestServer, errorCode, type TestBrowser } from './helpers';

// A token mint records the session's activity at most once per
// `activityIntervalMs` (30 s by default): the mints in between only read, yet
// revocation, expiry and a deleted user still stop every one of them.

const second = 1000;
const minute = 60 * second;

async function signedIn(sessionLifetime?: { idleMs?: number; activityIntervalMs?: number }) {
  const store = new CountingStore();
  const test = createTestServer({ store, sessionLifetime });
  const user = await test.server.admin.createUser(ada);
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  const sessionId = signIn.createdSessionId ?? '';
  // The first mint makes the signing key: a write that has nothing to do with activity.
  expect((await mint(browser, sessionId)).status).toBe(200);
  return { test, store, user, browser, sessionId };
}

function mint(browser: TestBrowser, sessionId: string) {
  return browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`);
}

describe('session activity on token mints', () => {
  it('is written at most once per interval: mints inside it write nothing, the first one after it writes', async () => {
    const { test, store, browser, sessionId } = await signedIn();
    const signedInAt = test.clock.now();
    store.writes = 0;
    for (let i = 0; i < 5; i++) {
      test.clock.advance(5 * second);
      expect((await mint(browser, sessionId)).status).toBe(200);
    }
    expect(store.writes).toBe(0);
    expect((await store.get('sessions', sessionId))?.lastActiveAt).toBe(signedInAt);

    test.clock.advance(5 * second); // 30 s since sign-in
    expect((await mint(browser, sessionId)).status).toBe(200);
    expect(store.writes).toBe(1);
    expect((await store.get('sessions', sessionId))?.lastActiveAt).toBe(test.clock.now());

    // The next interval starts from that write.
    test.clock.advance(29 * second);
    expect((await mint(browser, sessionId)).status).toBe(200);
    expect(store.writes).toBe(1);
  });

  it('is configurable: an interval of 0 writes on every mint', async () => {
    const { test, store, browser, sessionId } = await signedIn({ activityIntervalMs: 0 });
    store.writes = 0;
    for (let i = 0; i < 3; i++) {
      test.clock.advance(1);
      expect((await mint(browser, sessionId)).status).toBe(200);
    }
    expect(store.writes).toBe(3);
  });

  it('still refuses a revoked session inside the interval', async () => {
    const { test, store, browser, sessionId } = await signedIn();
    const phone = test.browser();
    const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId ?? '';
    expect((await mint(phone, phoneSession)).status).toBe(200);
    expect((await browser.call('POST', `/v1/me/sessions/${phoneSession}/revoke`)).status).toBe(200);
    test.clock.advance(1);
    store.writes = 0;
    const refused = await mint(phone, phoneSession);
    expect(refused.status).toBe(404);
    expect(errorCode(refused)).toBe('session_not_found');
    expect(store.writes).toBe(0);
    expect((await mint(browser, sessionId)).status).toBe(200);
  });

  it('still refuses an ended session and a deleted user inside the interval', async () => {
    const { test, store, user, browser, sessionId } = await signedIn();
    const other = test.browser();
    const otherSession = (await other.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId ?? '';
    expect((await mint(browser, sessionId)).status).toBe(200);
    expect((await mint(other, otherSession)).status).toBe(200);
    expect((await other.call('POST', `/v1/client/sessions/${otherSession}/end`)).status).toBe(200);
    expect(errorCode(await mint(other, otherSession))).toBe('session_not_found');
    // The end state of a sign-in racing the deletion: the session row is there, its user is not.
    await store.delete('users', user.id);
    test.clock.advance(1);
    expect(errorCode(await mint(browser, sessionId))).toBe('session_not_found');
  });

  it('keeps the idle timeout: a session minted within the interval still idles out', async () => {
    const { test, browser, sessionId } = await signedIn({ idleMs: 10 * minute });
    test.clock.advance(25 * second);
    expect((await mint(browser, sessionId)).status).toBe(200); // no write: lastActiveAt stays at sign-in
    // The idle timeout counts from the last recorded activity, so it may end up
    // to one interval sooner than from the last mint, never later.
    test.clock.advance(10 * minute - 25 * second - 1);
    expect((await mint(browser, sessionId)).status).toBe(200); // recorded: the clock is a new interval on
    test.clock.advance(10 * minute - 1);
    expect((await mint(browser, sessionId)).status).toBe(200);
    test.clock.advance(10 * minute);
    expect(errorCode(await mint(browser, sessionId))).toBe('session_not_found');
  });

  it('keeps the idle timeout exact at its edge even when no mint wrote', async () => {
    const { test, browser, sessionId } = await signedIn({ idleMs: 10 * minute });
    test.clock.advance(10 * second);
    expect((await mint(browser, sessionId)).status).toBe(200);
    test.clock.advance(10 * minute - 10 * second);
    expect(errorCode(await mint(browser, sessionId))).toBe('session_not_found');
  });
});

describe('the activity interval', () => {
  it('must be shorter than the idle timeout', () => {
    expect(() => createTestServer({ sessionLifetime: { idleMs: 30 * second, activityIntervalMs: 30 * second } })).toThrow(/activityIntervalMs/);
  });
});
