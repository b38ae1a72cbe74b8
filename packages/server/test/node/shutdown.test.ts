import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignUpJSON } from '@latch/protocol';
import type { OutgoingEmail } from '../../src/index';
import { startService, tempDir, type TestService } from './helpers';

describe('graceful shutdown', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('stops accepting connections but finishes the requests in flight', async () => {
    // A mailer that holds its request until the test lets go.
    let mailerCalled!: () => void;
    const inMailer = new Promise<void>((resolve) => (mailerCalled = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const sent: OutgoingEmail[] = [];
    const test: TestService = await startService({
      mailer: async (email) => {
        mailerCalled();
        await released;
        sent.push(email);
      },
    });
    cleanups.push(() => test.close());
    const browser = test.client();
    const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: 'cobol-compiler-1959' });
    const id = (created.json.response as SignUpJSON).id;
    const slow = browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    await inMailer;

    let closed = false;
    const closing = test.close().then(() => (closed = true));
    await expect(fetch(`${test.service.url}/health`)).rejects.toThrow();
    expect(closed).toBe(false);

    release();
    const reply = await slow;
    expect(reply.status).toBe(200);
    expect(reply.headers.get('connection')).toBe('close');
    expect(sent).toHaveLength(1);
    await closing;
    expect(closed).toBe(true);
  });

  it('cuts connections that outlive the shutdown timeout', async () => {
    const test = await startService({ shutdownTimeoutMs: 50, mailer: () => new Promise(() => undefined) });
    const browser = test.client();
    const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: 'cobol-compiler-1959' });
    const id = (created.json.response as SignUpJSON).id;
    const stuck = browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await test.close();
    await expect(stuck).rejects.toThrow();
  });

  it('closes the database it opened, and the keys survive a restart on SQLite', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const database = join(dir.path, 'nested', 'latch.db');
    const first = await startService({ database });
    const kid = ((await (await fetch(`${first.service.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys[0]?.kid;
    await first.close();
    await expect(first.store.ping()).rejects.toThrow();

    const second = await startService({ database });
    cleanups.push(() => second.close());
    const keys = ((await (await fetch(`${second.service.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys;
    expect(keys.map((key) => key.kid)).toEqual([kid]);
  });
});
