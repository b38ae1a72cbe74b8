import { describe, expect, it } from 'vitest';
import { createLatchServer, devOnlyFastHashing, type LatchServer, type OutgoingEmail, type WebhookDeliveryRecord } from '@latch/server';
import { generousIpLimits, TestBrowser, testClock } from '../helpers';
import { startReceiver } from '../webhook-receiver';
import { openPostgresTestStore, uniqueSchema } from './test-stores';

/** Two server instances on one PostgreSQL schema, each with its own pool: two processes behind a load balancer. */
async function twoInstances() {
  const schema = uniqueSchema();
  const clock = testClock(Date.now());
  const outbox: OutgoingEmail[] = [];
  const instance = async (): Promise<LatchServer> =>
    createLatchServer({
      issuer: 'https://latch.test',
      store: await openPostgresTestStore({ schema, max: 4 }),
      now: clock.now,
      hashing: devOnlyFastHashing,
      mailer: (email) => void outbox.push(email),
      rateLimits: generousIpLimits,
      webhooks: { allowLocalhost: true },
    });
  const a = await instance();
  const b = await instance();
  return { a, b, clock, outbox };
}

describe('webhook workers on two instances sharing one PostgreSQL', () => {
  it('share the deliveries: every message once, each user in order', async () => {
    const { a, b, outbox } = await twoInstances();
    const receiver = await startReceiver();
    await a.webhooks.add({ url: receiver.url, events: ['user.created', 'session.created', 'session.ended'] });
    // Sign-ups and sign-outs go to either instance, as a load balancer would send them.
    const users = 12;
    await Promise.all(
      Array.from({ length: users }, async (_, i) => {
        const server = i % 2 ? a : b;
        const browser = new TestBrowser(server);
        const emailAddress = `user${i}@example.com`;
        const signUp = await browser.signUp({ latestCode: (to: string) => outbox.filter((email) => email.to === to).at(-1)!.code! } as never, {
          emailAddress,
          password: 'a-long-enough-passphrase',
        });
        await browser.call('POST', `/v1/client/sessions/${signUp.createdSessionId}/end`);
      }),
    );
    const byWorker = { a: 0, b: 0 };
    const workers = [
      a.webhooks.createWorker({ batchSize: 2, onAttempt: () => void byWorker.a++ }),
      b.webhooks.createWorker({ batchSize: 2, onAttempt: () => void byWorker.b++ }),
    ];
    // Both claim at once, round after round, until neither finds work twice in a row.
    let idle = 0;
    while (idle < 2) {
      const claimed = await Promise.all(workers.map((worker) => worker.runOnce()));
      idle = claimed.every((count) => count === 0) ? idle + 1 : 0;
    }

    const ids = receiver.received.map((webhook) => webhook.id);
    expect(ids).toHaveLength(users * 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byWorker.a).toBeGreaterThan(0);
    expect(byWorker.b).toBeGreaterThan(0);
    const perUser = new Map<string, string[]>();
    for (const { payload } of receiver.received) {
      const userId = String(payload.type === 'user.created' ? payload.data.id : payload.data.userId);
      perUser.set(userId, [...(perUser.get(userId) ?? []), payload.type]);
    }
    expect(perUser.size).toBe(users);
    for (const types of perUser.values()) expect(types).toEqual(['user.created', 'session.created', 'session.ended']);
  });

  it('skips a delivery another instance is claiming instead of waiting for it, and never hands out a user’s next one early', async () => {
    const { a, b, outbox, clock } = await twoInstances();
    const receiver = await startReceiver();
    await a.webhooks.add({ url: receiver.url, events: ['user.created', 'session.created'] });
    for (const i of [1, 2]) {
      const browser = new TestBrowser(a);
      await browser.signUp({ latestCode: (to: string) => outbox.filter((email) => email.to === to).at(-1)!.code! } as never, {
        emailAddress: `user${i}@example.com`,
        password: 'a-long-enough-passphrase',
      });
    }
    const pending = (await a.store.listBy('webhookDeliveries', 'status', 'pending')) as WebhookDeliveryRecord[];
    expect(pending).toHaveLength(4);
    const [first] = pending;
    // Instance A holds the first user's oldest delivery row locked in an open transaction.
    let claimedMeanwhile: WebhookDeliveryRecord[] = [];
    await a.store.transaction(async (tx) => {
      await tx.update('webhookDeliveries', first!.id, { updatedAt: clock.now() });
      claimedMeanwhile = await b.store.claimWebhookDeliveries!(clock.now(), 10, 60_000);
    });
    // B returned at once (no deadlock on the locked row) with the other user's oldest only:
    // the first user's next delivery stays behind the locked one.
    expect(claimedMeanwhile.map((delivery) => delivery.orderingKey)).toEqual([pending[2]!.orderingKey]);
    expect(claimedMeanwhile[0]!.id).toBe(pending.find((delivery) => delivery.orderingKey === pending[2]!.orderingKey)!.id);
    // Leased: not handed out again until the lease runs out.
    expect(await a.store.claimWebhookDeliveries!(clock.now(), 10, 60_000)).toEqual([expect.objectContaining({ id: first!.id })]);
    expect(await b.store.claimWebhookDeliveries!(clock.now(), 10, 60_000)).toEqual([]);
    clock.advance(60_001);
    expect((await b.store.claimWebhookDeliveries!(clock.now(), 10, 60_000)).map((delivery) => delivery.id).sort()).toEqual(
      [first!.id, claimedMeanwhile[0]!.id].sort(),
    );
  });
});
