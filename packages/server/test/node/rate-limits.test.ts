import { afterEach, describe, expect, it } from 'vitest';
import type { SignInJSON } from '@latch/protocol';
import { ada, createServiceStore, errorCode, startService, type TestService } from './helpers';

// On a 10-minute boundary, so a fresh window has exactly 600 s left.
const START = Date.UTC(2025, 0, 6, 9, 0, 0);

describe('rate limits', () => {
  const running: TestService[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((test) => test.close()));
  });

  async function start(options: Parameters<typeof startService>[0] = {}) {
    const test = await startService({ now: () => START, ...options });
    running.push(test);
    return test;
  }

  it('sends at most 5 emails to one address per 10 minutes, then 429 with Retry-After', async () => {
    const test = await start();
    await test.service.latch.admin.createUser(ada);
    const statuses: number[] = [];
    let last;
    for (let attempt = 0; attempt < 6; attempt++) {
      // A new browser each time: the limit is per address, not per sign-in.
      const browser = test.client();
      const signIn = (await browser.call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress })).json.response as SignInJSON;
      const factor = signIn.supportedFirstFactors.find((candidate) => candidate.strategy === 'email_code');
      last = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/prepare_first_factor`, {
        strategy: 'email_code',
        emailAddressId: factor && 'emailAddressId' in factor ? factor.emailAddressId : '',
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(errorCode(last!)).toBe('too_many_requests');
    expect(last!.headers.get('retry-after')).toBe('600');
    expect(test.service.outbox).toHaveLength(5);
  });

  it('limits sign-ins started from one address, across every instance on the database', async () => {
    const store = await createServiceStore();
    const limits = { rateLimits: { signInsPerIp: { max: 3, windowMs: 600_000 } }, store };
    const first = await start(limits);
    const second = await start(limits);
    const statuses: number[] = [];
    for (const test of [first, second, first, second]) {
      statuses.push((await test.client().call('POST', '/v1/client/sign_ins', { identifier: 'nobody@example.com' })).status);
    }
    // Unknown accounts still count (with enumeration protection each gets a decoy sign-in): the limit is what slows down guessing who has one.
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('shares the account lockout between instances on one database', async () => {
    const store = await createServiceStore();
    const first = await start({ store });
    const second = await start({ store });
    await first.service.latch.admin.createUser(ada);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const test = attempt % 2 === 0 ? first : second;
      const reply = await test.client().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: `wrong-${attempt}-password` });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
    const locked = await first.client().call('POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(errorCode(locked)).toBe('user_locked');
  });

  it('sends at most so many emails for one client address, whatever the recipients', async () => {
    const test = await start({ rateLimits: { emailsPerIp: { max: 2, windowMs: 600_000 } } });
    const statuses: number[] = [];
    for (const emailAddress of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const browser = test.client();
      const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress, password: 'cobol-compiler-1959' });
      const id = (created.json.response as { id: string }).id;
      statuses.push((await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(test.service.outbox?.map((email) => email.to)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('limits sign-ups started from one address', async () => {
    const test = await start({ rateLimits: { signUpsPerIp: { max: 1, windowMs: 60_000 } } });
    const body = { emailAddress: 'grace@example.com', password: 'cobol-compiler-1959' };
    expect((await test.client().call('POST', '/v1/client/sign_ups', body)).status).toBe(200);
    const refused = await test.client().call('POST', '/v1/client/sign_ups', body);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
  });

  it('reads the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    const limits = { signInsPerIp: { max: 1, windowMs: 600_000 } };
    const direct = await start({ rateLimits: limits });
    const spoofed = (ip: string) =>
      direct.client({ 'x-forwarded-for': ip }).call('POST', '/v1/client/sign_ins', { identifier: 'nobody@example.com' });
    expect((await spoofed('203.0.113.1')).status).toBe(200);
    // Without a trusted proxy, a made-up X-Forwarded-For does not buy a fresh counter.
    expect((await spoofed('203.0.113.2')).status).toBe(429);

    const proxied = await start({ rateLimits: limits, trustProxy: 1 });
    const viaProxy = (chain: string) =>
      proxied.client({ 'x-forwarded-for': chain }).call('POST', '/v1/client/sign_ins', { identifier: 'nobody@example.com' });
    expect((await viaProxy('203.0.113.1')).status).toBe(200);
    expect((await viaProxy('203.0.113.2')).status).toBe(200);
    // The proxy appends the real address; what the client put before it is ignored.
    expect((await viaProxy('198.51.100.7, 203.0.113.1')).status).toBe(429);
  });
});
