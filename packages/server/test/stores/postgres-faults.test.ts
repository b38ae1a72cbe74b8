import { afterEach, describe, expect, it } from 'vitest';
import { main, PostgresStore, serve, type PostgresTimeouts } from '@latch/server/node';
import { startService, testEncryptionKey, type HttpClient, type TestService } from '../node/helpers';
import { startFaultyProxy, type FaultyProxy } from './tcp-proxy';
import { testPostgresUrl, uniqueSchema } from './test-stores';

/** Short limits, so each fault shows within a second or two. */
const timeouts: Partial<PostgresTimeouts> = { connectMs: 500, statementMs: 1_000 };

/** The test database's URL, reached through `proxy` instead of directly. */
function throughProxy(proxy: FaultyProxy): string {
  const url = new URL(testPostgresUrl());
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}

/**
 * PostgreSQL that is silent, stopped or cut off mid-run: the start fails
 * fast with a message that says what and where, and a running service
 * answers 503 with Retry-After (never 500, never a hang) and /health 503,
 * until the database is back.
 */
describe('PostgreSQL faults over HTTP', () => {
  const opened: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const resource of opened.splice(0).reverse()) await resource.close();
  });

  async function proxy(toDatabase: boolean) {
    const { hostname, port } = new URL(testPostgresUrl());
    const started = await startFaultyProxy(toDatabase ? { host: hostname, port: Number(port || 5432) } : null);
    opened.push(started);
    return started;
  }

  it('a blackholed database at start: the start fails within the connect timeout, naming the database and the timeout', async () => {
    const blackhole = await proxy(false);
    const database = `postgres://latch:secret-password@127.0.0.1:${blackhole.port}/latch_prod`;
    const failure = await serve({ port: 0, database, encryptionKey: testEncryptionKey, databaseTimeouts: { connectMs: 300 } }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain(`127.0.0.1:${blackhole.port}/latch_prod`);
    expect(message).toContain('300 ms connect timeout');
    expect(message).not.toContain('secret-password');
  });

  it('the CLI, started on a blackholed database, exits with that message instead of hanging', async () => {
    const blackhole = await proxy(false);
    const database = `postgres://postgres@127.0.0.1:${blackhole.port}/latch`;
    let stderr = '';
    const exitCode = await main(['start', '--port', '0', '--database', database, '--database-connect-timeout', '300ms', '--encryption-key', testEncryptionKey], {}, {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
      untilStopped: () => new Promise(() => undefined),
    });
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`Could not reach PostgreSQL at 127.0.0.1:${blackhole.port}/latch within the 300 ms connect timeout`);
  });

  it('a refused connection at start fails the same way', async () => {
    const stopped = await proxy(false);
    await stopped.cut();
    const database = `postgres://postgres@127.0.0.1:${stopped.port}/latch`;
    await expect(PostgresStore.connect({ connectionString: database, timeouts })).rejects.toThrow(`Could not reach PostgreSQL at 127.0.0.1:${stopped.port}/latch`);
  });

  async function runningThrough(link: FaultyProxy) {
    const store = await PostgresStore.connect({ connectionString: throughProxy(link), schema: uniqueSchema(), max: 2, timeouts });
    opened.push(store);
    const running: TestService = await startService({ store });
    opened.push(running);
    return running;
  }

  let signUps = 0;
  function signUp(browser: HttpClient) {
    signUps += 1;
    return browser.call('POST', '/v1/client/sign_ups', { emailAddress: `user${signUps}@example.com`, password: 'correct-horse-battery' });
  }

  /** Routes that need the database, for a client that has one. */
  async function everyRoute(browser: HttpClient) {
    return [
      await signUp(browser),
      await browser.call('GET', '/v1/client'),
      await browser.call('POST', '/v1/client/sign_ins', { identifier: 'nobody@example.com' }),
      await browser.call('GET', '/.well-known/jwks.json'),
    ];
  }

  for (const fault of ['cut', 'blackhole'] as const) {
    it(`a database ${fault === 'cut' ? 'stopped' : 'blackholed'} mid-run: 503 with Retry-After on every route and /health 503, then recovery`, async () => {
      const link = await proxy(true);
      const running = await runningThrough(link);
      const browser = running.client();
      expect((await signUp(browser)).status).toBe(200);
      expect((await fetch(`${running.service.url}/health`)).status).toBe(200);

      if (fault === 'cut') await link.cut();
      else link.blackhole();
      for (const reply of await everyRoute(browser)) {
        expect(reply.status).toBe(503);
        expect(reply.headers.get('retry-after')).toBe('5');
        expect(reply.json.errors?.[0]?.code).toBe('service_unavailable');
      }
      const health = await fetch(`${running.service.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable' });

      await link.restore();
      await expect.poll(async () => (await fetch(`${running.service.url}/health`)).status, { timeout: 10_000 }).toBe(200);
      expect((await signUp(browser)).status).toBe(200);
      expect((await browser.call('GET', '/v1/client')).status).toBe(200);
      expect(running.entries().filter((entry) => entry.level === 'error')).toEqual([]);
    });
  }
});
