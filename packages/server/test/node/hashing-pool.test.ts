import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, pbkdf2Hashing } from '../../src/index';
import { createHashingPool, type HashingPool } from '../../src/node/index';
import { ada, errorCode, startService, type TestService } from './helpers';

describe('password hashing on worker threads', () => {
  const pools: HashingPool[] = [];
  let running: TestService | undefined;
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
    await running?.close();
    running = undefined;
  });
  function pool(options: Parameters<typeof createHashingPool>[0]): HashingPool {
    const created = createHashingPool(options);
    pools.push(created);
    return created;
  }

  it('makes the same pbkdf2-sha256 hashes as the core: each verifies the other', async () => {
    const threads = pool({ threads: 1, scheme: 'pbkdf2-sha256', iterations: 1000 });
    const webCrypto = pbkdf2Hashing(1000);
    const fromWorker = await threads.hash('correct-horse-battery');
    expect(fromWorker).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect(await webCrypto.verify('correct-horse-battery', fromWorker)).toBe(true);
    expect(await webCrypto.verify('wrong-horse-battery', fromWorker)).toBe(false);
    const fromWebCrypto = await webCrypto.hash('naïve café ☕');
    expect(await threads.verify('naïve café ☕', fromWebCrypto)).toBe(true);
    expect(await threads.verify('naive cafe', fromWebCrypto)).toBe(false);
  });

  it('refuses work beyond its queue with 503 service_unavailable and a Retry-After, and finishes what it took', async () => {
    const threads = pool({ threads: 1, queueLimit: 1, scheme: 'pbkdf2-sha256', iterations: 50_000 });
    const first = threads.hash('one');
    const queued = threads.hash('two');
    const refused = await threads.hash('three').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiFailure);
    expect((refused as ApiFailure).error.code).toBe('service_unavailable');
    expect((refused as ApiFailure).error.meta?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await expect(first).resolves.toMatch(/^pbkdf2-sha256\$/);
    await expect(queued).resolves.toMatch(/^pbkdf2-sha256\$/);
  });

  it('close() ends its threads and refuses later work', async () => {
    const threads = pool({ threads: 2, argon2: { memoryCost: 1024 } });
    await Promise.all([threads.hash('a'), threads.hash('b')]);
    expect(threads.liveThreads).toBe(2);
    await threads.close();
    expect(threads.liveThreads).toBe(0);
    await expect(threads.hash('c')).rejects.toThrow('closed');
  });

  it('a sign-in storm beyond the queue gets 503 with Retry-After over HTTP; service.close() ends the threads', async () => {
    // No `hashing`: the service hashes with its own pool and the production iterations.
    running = await startService({ hashing: undefined, hashPool: { threads: 1, queueLimit: 1 } });
    await running.service.latch.admin.createUser(ada);
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => running!.client().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: 'wrong-password-1' })),
    );
    const overloaded = replies.filter((reply) => reply.status === 503);
    expect(overloaded.length).toBeGreaterThan(0);
    for (const reply of overloaded) {
      expect(errorCode(reply)).toBe('service_unavailable');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Every other attempt was really evaluated: a wrong password, not an error.
    for (const reply of replies.filter((reply) => reply.status !== 503)) expect(errorCode(reply)).toBe('form_password_incorrect');
    expect(running.service.hashPool?.liveThreads).toBe(1);
    await running.close();
    expect(running.service.hashPool?.liveThreads).toBe(0);
  });
});
