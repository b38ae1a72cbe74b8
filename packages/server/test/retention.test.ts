import { describe, expect, it } from 'vitest';
import type { ActiveSessionJSON, SignUpJSON } from '@latch/protocol';
import type { Store } from '@latch/server';
import type { StoreWrite } from '../src/core/store/observed';
import { ObservedStore } from '../src/core/store/observed';
import { ada, createTestServer, errorCode, type TestBrowser } from './helpers';
import { createTestStore } from './stores/test-stores';

const hour = 60 * 60 * 1000;
const day = 24 * hour;

function mint(browser: TestBrowser, sessionId: string) {
  return browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`);
}

/**
 * Short lifetimes, so a few simulated days cover every rule: sessions idle
 * out after a day, ended ones are kept two days, clients live two days.
 */
const retention = { endedSessionsMs: 2 * day, finishedFlowsMs: day, clientLifetimeMs: 2 * day };

async function scene(store: Store = createTestStore()) {
  const test = createTestServer({ store, sessionLifetime: { idleMs: day, absoluteMs: 10 * day } });
  await test.server.admin.createUser(ada);
  // A laptop that signs in and out at once: an ended session, a finished sign-in, a client with no live session.
  const laptop = test.browser();
  const laptopSession = (await laptop.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId!;
  expect((await laptop.call('POST', `/v1/client/sessions/${laptopSession}/end`)).status).toBe(200);
  // A phone that stays signed in and keeps being used.
  const phone = test.browser();
  const phoneSession = (await phone.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId!;
  // A sign-in left at the identifier, and a sign-up left with its code unused: abandoned.
  expect((await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).status).toBe(200);
  const abandoned = test.browser();
  const started = await abandoned.call('POST', '/v1/client/sign_ups', { emailAddress: 'gone@example.com', password: 'correct-horse-battery' });
  await abandoned.call('POST', `/v1/client/sign_ups/${(started.json.response as SignUpJSON).id}/prepare_verification`, { strategy: 'email_code' });
  // Three and a half days of phone use, then someone starts a sign-up and is mid-way when the sweep runs.
  for (let i = 0; i < 7; i++) {
    test.clock.advance(day / 2);
    expect((await mint(phone, phoneSession)).status).toBe(200);
  }
  const pending = test.browser();
  const created = await pending.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: 'correct-horse-battery' });
  const pendingId = (created.json.response as SignUpJSON).id;
  await pending.call('POST', `/v1/client/sign_ups/${pendingId}/prepare_verification`, { strategy: 'email_code' });
  return { test, laptopSession, phone, phoneSession, pending, pendingId };
}

async function counts(store: Store) {
  const all = Number.MAX_SAFE_INTEGER;
  return {
    signIns: (await store.listBefore('signIns', 'expireAt', all, 1000)).length,
    signUps: (await store.listBefore('signUps', 'expireAt', all, 1000)).length,
    verifications: (await store.listBefore('verifications', 'expiresAt', all, 1000)).length,
    sessions: (await store.listBefore('sessions', 'lastActiveAt', all, 1000)).length,
    clients: (await store.listBefore('clients', 'updatedAt', all, 1000)).length,
  };
}

describe('the retention sweep', () => {
  it('deletes finished and abandoned flows, expired codes, ended sessions and idle clients; a live session, its devices list and a pending sign-up survive', async () => {
    const { test, laptopSession, phone, phoneSession, pending, pendingId } = await scene();
    const store = test.server.store;
    expect(await counts(store)).toEqual({ signIns: 3, signUps: 2, verifications: 2, sessions: 2, clients: 5 });

    const report = await test.server.admin.purgeExpired(retention);
    // Gone: both finished sign-ins and the abandoned one, the abandoned sign-up and its code, the
    // laptop's ended session, and the laptop's and the abandoned browsers' clients.
    expect(report).toMatchObject({ signIns: 3, signUps: 1, verifications: 1, sessions: 1, clients: 3 });
    expect(await store.get('sessions', laptopSession)).toBeNull();
    expect(await counts(store)).toEqual({ signIns: 0, signUps: 1, verifications: 1, sessions: 1, clients: 2 });

    // The phone goes on as before: tokens, and its devices list.
    expect((await mint(phone, phoneSession)).status).toBe(200);
    const devices = (await phone.call('GET', '/v1/me/sessions')).json.response as ActiveSessionJSON[];
    expect(devices.map((session) => session.id)).toEqual([phoneSession]);
    // The pending sign-up finishes with the code it was sent.
    const attempt = await pending.call('POST', `/v1/client/sign_ups/${pendingId}/attempt_verification`, { code: test.latestCode('grace@example.com') });
    expect(attempt.status).toBe(200);
    expect((attempt.json.response as SignUpJSON).status).toBe('complete');

    // A second sweep finds nothing more to do.
    expect(await test.server.admin.purgeExpired(retention)).toMatchObject({ signIns: 0, signUps: 0, verifications: 0, sessions: 0, clients: 0 });
  });

  it('keeps ended sessions for the retention period (for the devices list and audits), then deletes them', async () => {
    const { test, laptopSession } = await scene();
    // Three and a half days after the laptop's last activity: idle (1 day) + retention (3 days) has not passed.
    await test.server.admin.purgeExpired({ ...retention, endedSessionsMs: 3 * day });
    expect(await test.server.store.get('sessions', laptopSession)).not.toBeNull();
    test.clock.advance(day);
    await test.server.admin.purgeExpired({ ...retention, endedSessionsMs: 3 * day });
    expect(await test.server.store.get('sessions', laptopSession)).toBeNull();
  });

  it('works in batches of the given size: one short statement or transaction each', async () => {
    const writes: StoreWrite[] = [];
    const observed = new ObservedStore(createTestStore(), (write) => void writes.push(write));
    const { test } = await scene(observed);
    // Four more abandoned sign-ins.
    for (let i = 0; i < 4; i++) await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress });
    test.clock.advance(2 * day);
    writes.length = 0;
    const report = await test.server.admin.purgeExpired({ ...retention, batchSize: 2 });
    expect(report.signIns).toBe(7);
    // 7 sign-ins at 2 a batch: 4 deleting statements; the other kinds add theirs.
    expect(writes.filter((write) => write.method === 'delete' && write.kind === 'signIns')).toHaveLength(4);
    expect(report.batches).toBeGreaterThanOrEqual(4 + 1 + 1 + 1 + 1);
  });

  it('never deletes a client that is signing in, though it was idle before', async () => {
    const test = createTestServer({ sessionLifetime: { idleMs: day, absoluteMs: 10 * day } });
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    const session = (await browser.signInWithPassword(ada.emailAddress, ada.password)).createdSessionId!;
    await browser.call('POST', `/v1/client/sessions/${session}/end`);
    test.clock.advance(3 * day);
    // Back after three days: a new sign-in on the same client, left at its first step when the sweep runs.
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress });
    expect(signIn.status).toBe(200);
    await test.server.admin.purgeExpired(retention);
    const id = (signIn.json.response as { id: string }).id;
    const attempt = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: ada.password });
    expect(errorCode(attempt)).toBeUndefined();
    expect(attempt.status).toBe(200);
  });
});
