import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '@latch/backend';
import { webhookRetryDelaysMs, type Store } from '@latch/server';
import { ObservedStore } from '../src/core/store/observed';
import { ada, createTestServer, generousIpLimits, type TestServer } from './helpers';
import { createTestStore } from './stores/test-stores';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

const second = 1000;

function webhookServer(options: Parameters<typeof createTestServer>[0] = {}) {
  return createTestServer({ webhooks: { allowLocalhost: true }, rateLimits: generousIpLimits, ...options });
}

async function withEndpoint(test: TestServer, receiver: WebhookReceiver, events?: string[]) {
  return test.server.webhooks.add({ url: receiver.url, ...(events ? { events } : {}) });
}

/** Runs worker rounds until nothing is due (a bounded number, so a bug cannot spin forever). */
async function drain(worker: { runOnce(): Promise<number> }) {
  for (let round = 0; round < 50; round++) if ((await worker.runOnce()) === 0) return;
  throw new Error('the worker never ran out of work');
}

async function signUpAda(test: TestServer) {
  const browser = test.browser();
  const signUp = await browser.signUp(test, ada);
  return { browser, userId: signUp.createdUserId!, sessionId: signUp.createdSessionId! };
}

describe('webhook events', () => {
  it('reports sign-up, sign-out and deletion with the API resources, never a hash or a secret', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    await withEndpoint(test, receiver);
    const { browser, userId, sessionId } = await signUpAda(test);
    await browser.call('POST', `/v1/client/sessions/${sessionId}/end`);
    const worker = test.server.webhooks.createWorker();
    await drain(worker);

    expect(receiver.received.map((webhook) => webhook.payload.type)).toEqual(['user.created', 'session.created', 'session.ended']);
    const created = receiver.received[0]!.payload;
    expect(created.data).toMatchObject({ id: userId, firstName: 'Ada', passwordEnabled: true });
    expect(new Date(created.timestamp).getTime()).toBe(test.clock.now());
    expect(receiver.received[1]!.payload.data).toMatchObject({ id: sessionId, object: 'session', userId, status: 'active' });
    expect(receiver.received[2]!.payload.data).toMatchObject({ id: sessionId, status: 'ended' });
    for (const webhook of receiver.received) {
      expect(webhook.body).not.toMatch(/passwordHash|pbkdf2|totpSecret|tokenHash|codeHash/i);
      expect(webhook.headers['content-type']).toBe('application/json');
    }
    // The email code was not sent anywhere: email.created is opt-in.
    expect(receiver.received.some((webhook) => webhook.payload.type === 'email.created')).toBe(false);
  });

  it('user.updated and user.deleted follow profile changes and deletion', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { browser, userId } = await signUpAda(test);
    await withEndpoint(test, receiver, ['user.updated', 'user.deleted']);
    expect((await browser.call('PATCH', '/v1/me', { firstName: 'Augusta' })).status).toBe(200);
    expect((await browser.call('DELETE', '/v1/me')).status).toBe(200);
    await drain(test.server.webhooks.createWorker());
    expect(receiver.received.map((webhook) => webhook.payload)).toMatchObject([
      { type: 'user.updated', data: { id: userId, firstName: 'Augusta' } },
      { type: 'user.deleted', data: { id: userId, deleted: true } },
    ]);
  });

  it('email.created carries the code only to endpoints that name it, and is sealed in the outbox', async () => {
    const test = webhookServer();
    const everything = await startReceiver();
    const mail = await startReceiver();
    await withEndpoint(test, everything);
    await withEndpoint(test, mail, ['email.created']);
    await signUpAda(test);
    await drain(test.server.webhooks.createWorker());
    const code = test.latestCode(ada.emailAddress);
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.payload).toMatchObject({
      type: 'email.created',
      data: { object: 'email', toEmailAddress: ada.emailAddress, kind: 'sign_up_code', code },
    });
    expect(everything.received.map((webhook) => webhook.body).join()).not.toContain(code);
    const stored = await test.server.store.get('webhookMessages', mail.received[0]!.id);
    expect(stored?.sealed).toBe(true);
    expect(stored?.body).not.toContain(code);
  });

  it('writes nothing to the outbox without an endpoint, and nothing for a change that rolls back', async () => {
    let failOnDelivery = false;
    const store: Store = new ObservedStore(createTestStore(), (write) => {
      if (failOnDelivery && write.method === 'insert' && write.kind === 'webhookDeliveries') throw new Error('crash between the change and its event');
    });
    const test = webhookServer({ store, onError: () => undefined });
    const receiver = await startReceiver();
    const { userId } = await signUpAda(test);
    expect(await store.scan('webhookMessages', null, 10)).toEqual([]);

    await withEndpoint(test, receiver);
    failOnDelivery = true;
    const browser = test.browser();
    const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(reply.status).toBe(500);
    // The session and its event went together: neither was written.
    expect(await store.scan('webhookMessages', null, 10)).toEqual([]);
    expect(await store.listBy('sessions', 'userId', userId)).toHaveLength(1);
    expect((await browser.client())?.sessions ?? []).toEqual([]);
  });
});

describe('webhook delivery', () => {
  it('retries a failing receiver on the schedule, logs every attempt, and delivers once it recovers', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { endpoint } = await withEndpoint(test, receiver, ['user.created']);
    receiver.behave(() => 500);
    await signUpAda(test);
    const worker = test.server.webhooks.createWorker();
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    test.clock.advance(webhookRetryDelaysMs[0]! - 1);
    expect(await worker.runOnce()).toBe(0);
    test.clock.advance(1);
    expect(await worker.runOnce()).toBe(1);
    receiver.behave(() => 200);
    test.clock.advance(webhookRetryDelaysMs[1]!);
    expect(await worker.runOnce()).toBe(1);
    expect(receiver.requests.map((webhook) => webhook.id)).toEqual(Array(3).fill(receiver.received[0]!.id));
    expect(receiver.received).toHaveLength(1);
    const log = await test.server.webhooks.attempts(endpoint.id);
    expect(log.map(({ attempt, outcome, responseStatus }) => ({ attempt, outcome, responseStatus }))).toEqual([
      { attempt: 3, outcome: 'succeeded', responseStatus: 200 },
      { attempt: 2, outcome: 'failed', responseStatus: 500 },
      { attempt: 1, outcome: 'failed', responseStatus: 500 },
    ]);
    expect(log[0]).toMatchObject({ eventType: 'user.created', error: null });
    expect(log[2]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('gives up on a receiver that hangs after the timeout, and delivers when it answers again', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { endpoint } = await withEndpoint(test, receiver, ['user.created']);
    receiver.behave(() => 'hang');
    await signUpAda(test);
    const worker = test.server.webhooks.createWorker({ timeoutMs: 300 });
    expect(await worker.runOnce()).toBe(1);
    const [timedOut] = await test.server.webhooks.attempts(endpoint.id);
    expect(timedOut).toMatchObject({ outcome: 'failed', responseStatus: null, error: 'timed out after 300 ms' });
    receiver.behave(() => 204);
    test.clock.advance(webhookRetryDelaysMs[0]!);
    expect(await worker.runOnce()).toBe(1);
    expect(receiver.received.map((webhook) => webhook.payload.type)).toEqual(['user.created']);
  });

  it('marks the endpoint failing after about a day of retries, stops trying, and resumes when enabled', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { endpoint } = await withEndpoint(test, receiver, ['user.created', 'session.created']);
    receiver.behave(() => 503);
    await signUpAda(test);
    const worker = test.server.webhooks.createWorker();
    const started = test.clock.now();
    for (const delay of [0, ...webhookRetryDelaysMs]) {
      test.clock.advance(delay);
      await worker.runOnce();
    }
    expect((test.clock.now() - started) / 3_600_000).toBeGreaterThan(24);
    expect((await test.server.webhooks.get(endpoint.id)).status).toBe('failing');
    const tried = receiver.requests.length;
    expect(tried).toBe(webhookRetryDelaysMs.length + 1);
    // Failing: nothing more is sent, new events included, whatever the time.
    await test.browser().signInWithPassword(ada.emailAddress, ada.password);
    test.clock.advance(48 * 3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(tried);

    receiver.behave(() => 204);
    const { requeued } = await test.server.webhooks.enable(endpoint.id);
    expect(requeued).toBe(1);
    await drain(worker);
    // In order per user: the failed user.created first, then both sessions.
    expect(receiver.received.map((webhook) => webhook.payload.type)).toEqual(['user.created', 'session.created', 'session.created']);
  });

  it("keeps one user's events in order while another user's go ahead", async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    await withEndpoint(test, receiver, ['user.created', 'user.updated']);
    const first = await signUpAda(test);
    receiver.behave((webhook) => (webhook.payload.data.id === first.userId ? 500 : 204));
    await first.browser.call('PATCH', '/v1/me', { firstName: 'Augusta' });
    const second = test.browser();
    const grace = await second.signUp(test, { emailAddress: 'grace@example.com', password: 'another-long-passphrase' });
    const worker = test.server.webhooks.createWorker();
    await worker.runOnce();
    await worker.runOnce();
    // Ada's update waits behind her failed creation; Grace's creation went through.
    expect(receiver.requests.filter((webhook) => webhook.payload.data.id === first.userId).map((webhook) => webhook.payload.type)).toEqual(['user.created']);
    expect(receiver.received.map((webhook) => webhook.payload.data.id)).toEqual([grace.createdUserId]);
    receiver.behave(() => 204);
    test.clock.advance(webhookRetryDelaysMs[0]!);
    await drain(worker);
    expect(receiver.received.filter((webhook) => webhook.payload.data.id === first.userId).map((webhook) => webhook.payload.type)).toEqual([
      'user.created',
      'user.updated',
    ]);
  });

  it('signs with the Standard Webhooks scheme, and with both secrets while one rotates out', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { endpoint, secret } = await withEndpoint(test, receiver, ['user.created', 'user.updated']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { browser } = await signUpAda(test);
    const worker = test.server.webhooks.createWorker();
    await drain(worker);
    const now = () => test.clock.now();
    const [first] = receiver.received;
    expect(first!.signature.split(' ')).toHaveLength(1);
    expect(Number(first!.timestamp)).toBe(Math.floor(test.clock.now() / 1000));
    await expect(verifyWebhook({ headers: first!.headers, rawBody: first!.body }, { secret, now })).resolves.toMatchObject({ type: 'user.created' });

    const rotated = await test.server.webhooks.rotateSecret(endpoint.id, 3_600_000);
    expect(rotated.secret).not.toBe(secret);
    await browser.call('PATCH', '/v1/me', { firstName: 'Augusta' });
    await drain(worker);
    const during = receiver.received[1]!;
    expect(during.signature.split(' ')).toHaveLength(2);
    for (const key of [secret, rotated.secret]) {
      await expect(verifyWebhook({ headers: during.headers, rawBody: during.body }, { secret: key, now })).resolves.toMatchObject({ type: 'user.updated' });
    }

    test.clock.advance(3_600_000);
    await browser.call('PATCH', '/v1/me', { firstName: 'Ada' });
    await drain(worker);
    const after = receiver.received[2]!;
    expect(after.signature.split(' ')).toHaveLength(1);
    await expect(verifyWebhook({ headers: after.headers, rawBody: after.body }, { secret: rotated.secret, now })).resolves.toBeTruthy();
    await expect(verifyWebhook({ headers: after.headers, rawBody: after.body }, { secret, now })).rejects.toMatchObject({ reason: 'signature_invalid' });
  });

  it('replays a message with the same webhook-id, and every message since a time', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { endpoint } = await withEndpoint(test, receiver, ['user.created', 'session.created']);
    await signUpAda(test);
    const worker = test.server.webhooks.createWorker();
    await drain(worker);
    const [created, session] = receiver.received;
    expect(await test.server.webhooks.replay(created!.id)).toBe(1);
    await drain(worker);
    expect(receiver.received[2]!.id).toBe(created!.id);
    expect(receiver.received[2]!.body).toBe(created!.body);
    expect(await test.server.webhooks.replaySince(test.clock.now() - second, endpoint.id)).toBe(2);
    await drain(worker);
    expect(receiver.received.slice(3).map((webhook) => webhook.id)).toEqual([created!.id, session!.id]);
    await expect(test.server.webhooks.replay('msg_nope')).rejects.toMatchObject({ status: 404 });
  });

  it('purges delivered messages and their log after the retention, keeping any still pending', async () => {
    const test = webhookServer();
    const ok = await startReceiver();
    const down = await startReceiver();
    const { endpoint } = await withEndpoint(test, ok, ['user.created', 'session.created']);
    await signUpAda(test);
    const worker = test.server.webhooks.createWorker();
    await drain(worker);
    await withEndpoint(test, down, ['session.created']);
    down.behave(() => 500);
    await test.browser().signInWithPassword(ada.emailAddress, ada.password);
    await drain(worker);
    expect(await test.server.store.scan('webhookMessages', null, 10)).toHaveLength(3);
    expect(await test.server.webhooks.purgeDelivered(test.clock.now() - 1)).toBe(0);
    test.clock.advance(31 * 24 * 3_600_000);
    // The sign-up's two messages went everywhere; the sign-in's is still pending for `down`.
    expect(await test.server.webhooks.purgeDelivered(test.clock.now() - 30 * 24 * 3_600_000)).toBe(2);
    const [kept] = await test.server.store.scan('webhookMessages', null, 10);
    expect(kept).toMatchObject({ type: 'session.created' });
    expect((await test.server.webhooks.attempts(endpoint.id)).map((attempt) => attempt.messageId)).toEqual([kept!.id]);
  });

  it('refuses http and private addresses outside development, and follows no redirect', async () => {
    const production = createTestServer();
    for (const url of ['http://example.com/hook', 'http://localhost:3000/hook', 'https://127.0.0.1/hook', 'https://10.0.0.8/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest', 'https://user:pw@example.com/hook', 'not a url']) {
      await expect(production.server.webhooks.add({ url }), url).rejects.toMatchObject({ status: 400, error: { code: 'form_param_format_invalid' } });
    }
    await expect(production.server.webhooks.add({ url: 'https://hooks.example.com/latch' })).resolves.toBeTruthy();
    await expect(production.server.webhooks.add({ url: 'https://hooks.example.com/latch', events: ['user.nope'] })).rejects.toMatchObject({ status: 400 });

    const test = webhookServer();
    const receiver = await startReceiver();
    await withEndpoint(test, receiver, ['user.created']);
    receiver.behave(() => 302);
    await signUpAda(test);
    await test.server.webhooks.createWorker().runOnce();
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('webhook admin routes', () => {
  /** Over the admin API, with a secret key, as the app's backend calls it. */
  async function call(test: TestServer, key: string, method: string, path: string, body?: Record<string, unknown>) {
    const admin = test.browser();
    admin.token = key;
    const reply = await admin.call(method, path, body);
    if (reply.status !== 200) throw Object.assign(new Error(`${method} ${path}: ${reply.status}`), { status: reply.status, json: reply.json });
    return reply.json as unknown;
  }

  it('add, list, update, rotate, replay, attempts and delete over /v1/admin, with a secret key only', async () => {
    const test = webhookServer();
    const receiver = await startReceiver();
    const { key } = await test.server.admin.secretKeys.create('ci');
    expect((await test.browser().call('GET', '/v1/admin/webhook_endpoints')).status).toBe(401);
    const created = (await call(test, key, 'POST', '/v1/admin/webhook_endpoints', { url: receiver.url, events: ['user.created'], description: 'CRM' })) as {
      endpoint: { id: string };
      secret: string;
    };
    expect(created.secret).toMatch(/^whsec_/);
    const listed = (await call(test, key, 'GET', '/v1/admin/webhook_endpoints')) as { data: unknown[] };
    expect(listed.data).toEqual([expect.objectContaining({ id: created.endpoint.id, url: receiver.url, events: ['user.created'], description: 'CRM', status: 'active' })]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    await call(test, key, 'PATCH', `/v1/admin/webhook_endpoints/${created.endpoint.id}`, { events: ['*'] });
    await signUpAda(test);
    await drain(test.server.webhooks.createWorker());
    const attempts = (await call(test, key, 'GET', `/v1/admin/webhook_endpoints/${created.endpoint.id}/attempts?limit=1`)) as { data: { messageId: string }[] };
    expect(attempts.data).toHaveLength(1);
    expect(await call(test, key, 'POST', `/v1/admin/webhook_messages/${attempts.data[0]!.messageId}/replay`)).toEqual({ queued: 1 });
    await drain(test.server.webhooks.createWorker());
    expect(await call(test, key, 'POST', '/v1/admin/webhook_messages/replay', { since: new Date(test.clock.now()).toISOString() })).toEqual({ queued: 2 });
    const rotated = (await call(test, key, 'POST', `/v1/admin/webhook_endpoints/${created.endpoint.id}/rotate_secret`)) as { secret: string };
    expect(rotated.secret).not.toBe(created.secret);
    await expect(call(test, key, 'POST', '/v1/admin/webhook_endpoints', { url: receiver.url, events: 'user.created' })).rejects.toMatchObject({ status: 400 });
    expect(await call(test, key, 'DELETE', `/v1/admin/webhook_endpoints/${created.endpoint.id}`)).toMatchObject({ deleted: true });
    await expect(call(test, key, 'GET', `/v1/admin/webhook_endpoints/${created.endpoint.id}`)).rejects.toMatchObject({ status: 404 });
  });
});
