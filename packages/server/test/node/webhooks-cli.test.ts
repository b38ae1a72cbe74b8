import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@latch/backend';
import { TestBrowser, type TestServer } from '../helpers';
import { startReceiver } from '../webhook-receiver';
import { latestCode, runMain as run, startService, tempDir, testEncryptionKey, type TestService } from './helpers';

const env = { LATCH_ENCRYPTION_KEY: testEncryptionKey };

describe('latch-server webhooks', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  function database(): string {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    return join(dir.path, 'latch.db');
  }
  async function service(file: string): Promise<TestService> {
    const started = await startService({ database: file, dev: true, webhooks: { pollIntervalMs: 20 } });
    cleanups.push(() => started.close());
    return started;
  }
  async function until(condition: () => boolean | Promise<boolean>) {
    for (let i = 0; i < 250 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await condition()).toBe(true);
  }

  it('adds, lists, shows deliveries, replays, rotates, enables and removes endpoints; the service delivers', async () => {
    const file = database();
    const receiver = await startReceiver();
    // Outside development mode, plain http is refused (and so is localhost).
    const refused = await run(['webhooks', 'add', receiver.url, '--database', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^latch-server: Webhooks cannot go to this machine/);

    const added = await run(['webhooks', 'add', receiver.url, '--events', 'user.created', '--description', 'CRM sync', '--database', file, '--dev'], env);
    expect(added.code, added.stderr).toBe(0);
    const id = /^Added (ep_\w+) active /m.exec(added.stdout)?.[1];
    const secret = /(whsec_[A-Za-z0-9+/=]+)/.exec(added.stdout)?.[1];
    expect(id && secret).toBeTruthy();
    const listed = await run(['webhooks', 'list', '--database', file], env);
    expect(listed.stdout).toContain(`${id} active ${receiver.url} (CRM sync) events: user.created`);
    expect(listed.stdout).not.toContain('whsec_');

    const { service: latch, store } = await service(file);
    // The receiver has the request before the worker has recorded the attempt: wait for that too.
    const settled = async () => (await store.listBy('webhookDeliveries', 'status', 'pending')).length === 0;
    const browser = new TestBrowser(latch.url);
    const test = { latestCode: (to: string) => latestCode(latch.outbox, to) } as TestServer;
    await browser.signUp(test, { emailAddress: 'ada@example.com', password: 'correct-horse-battery' });
    await until(() => receiver.received.length === 1);
    await until(settled);
    const [webhook] = receiver.received;
    await expect(verifyWebhook({ headers: webhook!.headers, rawBody: webhook!.body }, { secret: secret! })).resolves.toMatchObject({ type: 'user.created' });

    const deliveries = await run(['webhooks', 'deliveries', id!, '--database', file], env);
    expect(deliveries.stdout).toMatch(new RegExp(`${webhook!.id} user.created attempt 1 succeeded HTTP 204 \\d+ ms`));
    const replayed = await run(['webhooks', 'replay', webhook!.id, '--database', file], env);
    expect(replayed.stdout).toBe(`Queued 1 deliveries of ${webhook!.id}.\n`);
    await until(() => receiver.received.length === 2);
    await until(settled);
    expect(receiver.received[1]!.id).toBe(webhook!.id);
    const since = await run(['webhooks', 'replay', '--since', '2020-01-01T00:00:00Z', '--database', file], env);
    expect(since.stdout).toMatch(/^Queued 1 deliveries of the messages since 2020-01-01T00:00:00.000Z/);

    const rotated = await run(['webhooks', 'rotate-secret', id!, '--database', file], env);
    expect(rotated.stdout).toMatch(/^New signing secret for ep_\w+: whsec_/);
    expect(rotated.stdout).toMatch(/previous secret also signs every message until \d{4}-/);
    expect((await run(['webhooks', 'enable', id!, '--database', file], env)).stdout).toBe(`Enabled ${id}; 0 failed deliveries are queued again.\n`);
    expect((await run(['webhooks', 'remove', id!, '--database', file], env)).stdout).toBe(`Removed ${id} and its delivery log.\n`);
    expect((await run(['webhooks', 'list', '--database', file], env)).stdout).toBe('No webhook endpoints.\n');
  });

  it('explains its usage and unknown ids', async () => {
    const file = database();
    const unknown = await run(['webhooks', 'frobnicate', '--database', file], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown webhooks action 'frobnicate'.*Usage: latch-server webhooks add <url>/);
    expect((await run(['webhooks', 'remove', 'ep_nope', '--database', file], env)).stderr).toBe('latch-server: No webhook endpoint ep_nope.\n');
    expect((await run(['webhooks', 'add', 'https://hooks.example.com/x', '--events', 'user.nope', '--database', file], env)).stderr).toBe(
      "latch-server: Unknown webhook event type 'user.nope'.\n",
    );
    expect((await run(['--help'])).stdout).toContain('webhooks');
  });
});
