import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@latch/server/node';
import { testStoreKind } from '../stores/test-stores';
import { startReceiver, type ReceivedWebhook } from '../webhook-receiver';
import { freshDatabase, signUpOver } from './databases';
import { kill, spawnServer, type SpawnedServer } from './spawned-server';

// Webhooks across a SIGKILL: the server is killed in the middle of a burst
// of sign-ups while its worker retries against a receiver that is down; a new
// server on the same database, with the receiver now failing, hanging and
// answering by turns, must deliver the events of every acknowledged sign-up
// at least once, each user's in the order they happened. Runs in the sqlite
// and postgres projects, on the built CLI.
const kind = testStoreKind();
const password = 'quiet-morning-tea-42';
/** Short retries and timeout, so the test sees several rounds of each within seconds (and a minute before an endpoint fails). */
const env = { LATCH_WEBHOOK_RETRY_DELAYS: '200ms,500ms,1s,2s,3s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s', LATCH_WEBHOOK_TIMEOUT: '1s' };

function signUp(server: SpawnedServer, email: string): Promise<string | null> {
  return signUpOver(server, email, password);
}

function emailOf(webhook: ReceivedWebhook): string | undefined {
  const data = webhook.payload.data as { emailAddresses?: { emailAddress: string }[] };
  return data.emailAddresses?.[0]?.emailAddress;
}

/** The user a webhook is about. */
function subjectOf(webhook: ReceivedWebhook): unknown {
  return webhook.payload.type === 'user.created' ? webhook.payload.data.id : webhook.payload.data.userId;
}

describe.runIf(kind !== 'memory')(`webhooks on ${kind} across a SIGKILL`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  // Creating and dropping a PostgreSQL database can take a while on a busy machine.
  beforeAll(async () => void (db = await freshDatabase()), 60_000);
  afterAll(async () => db?.drop(), 60_000);

  it('delivers the events of every acknowledged sign-up at least once, in order per user', { timeout: 120_000 }, async () => {
    const receiver = await startReceiver();
    // While the first server runs, the receiver is down: whatever it commits must outlive the kill in the outbox.
    receiver.behave(() => 503);
    let added = '';
    const code = await main(['webhooks', 'add', receiver.url, '--events', 'user.created,session.created', '--database', db.database, '--dev'], {}, { stdout: (text) => void (added += text), stderr: (text) => void (added += text) });
    expect(code, added).toBe(0);
    expect(added).toMatch(/whsec_/);

    const first = await spawnServer(db.database, env);
    let acknowledged = 0;
    let tenDone: () => void;
    const tenAcknowledged = new Promise<void>((resolve) => (tenDone = resolve));
    const signUps = Array.from({ length: 30 }, async (_, i) => {
      const email = await signUp(first, `burst${i}@example.com`);
      if (email && ++acknowledged === 10) tenDone();
      return email;
    });
    await tenAcknowledged;
    await kill(first);
    const acknowledgedSignUps = (await Promise.all(signUps)).filter((email): email is string => email !== null);
    expect(acknowledgedSignUps.length).toBeGreaterThanOrEqual(10);
    expect(receiver.received).toHaveLength(0);
    // Then it fails, hangs past the timeout, and answers: every 4th request 500, every 7th hangs.
    let count = 0;
    receiver.behave(() => (++count % 7 === 0 ? 'hang' : count % 4 === 0 ? 500 : 204));

    const second = await spawnServer(db.database, env);
    try {
      const createdFor = () => new Set(receiver.received.filter((webhook) => webhook.payload.type === 'user.created').map(emailOf));
      const deadline = Date.now() + 60_000;
      while (acknowledgedSignUps.some((email) => !createdFor().has(email)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const missing = acknowledgedSignUps.filter((email) => !createdFor().has(email));
      expect(missing, second.output()).toEqual([]);

      // Each user's session.created arrives after their user.created, never before.
      const userIds = new Map(receiver.received.filter((webhook) => webhook.payload.type === 'user.created').map((webhook) => [webhook.payload.data.id as string, emailOf(webhook)]));
      while (
        [...userIds.keys()].some((userId) => !receiver.received.some((webhook) => webhook.payload.type === 'session.created' && subjectOf(webhook) === userId)) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const userId of userIds.keys()) {
        const types = receiver.received.filter((webhook) => subjectOf(webhook) === userId).map((webhook) => webhook.payload.type);
        expect(types[0], `${userId}: ${types.join(', ')}`).toBe('user.created');
        expect(types).toContain('session.created');
      }
      // At least once: duplicates are possible (a send cut by the kill), but every id is a real message, signed.
      for (const webhook of receiver.received) expect(webhook.signature).toMatch(/^v1,/);
    } finally {
      await kill(second);
    }
  });
});
