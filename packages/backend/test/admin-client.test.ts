import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStorage, LatchClient } from '@latch/client';
import { createLatchClient, isLatchApiError, LatchApiError } from '@latch/backend';
import { devOnlyFastHashing } from '@latch/server';
import { createLogger, serve, type LatchService } from '@latch/server/node';

/** A real Latch listener on loopback (SQLite in memory), with one secret key. */
async function start() {
  const service = await serve({
    port: 0,
    dev: true,
    database: ':memory:',
    hashing: devOnlyFastHashing,
    logger: createLogger(() => undefined),
    sessionClaims: { role: '{{user.publicMetadata.role}}' },
  });
  services.push(service);
  const { key } = await service.latch.admin.secretKeys.create('backend test');
  return { service, latch: createLatchClient({ secretKey: key, apiUrl: service.url }) };
}

const services: LatchService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

describe('createLatchClient against a real listener', () => {
  it('creates, lists, updates, bans, unbans and deletes users', async () => {
    const { latch } = await start();
    const ada = await latch.users.create({ emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', privateMetadata: { plan: 'pro' } });
    expect(ada).toMatchObject({ firstName: 'Ada', privateMetadata: { plan: 'pro' }, banned: false });
    await latch.users.create({ emailAddress: 'grace@example.com' });

    const page = await latch.users.list({ limit: 1, orderBy: 'created_at' });
    expect(page.data.map((user) => user.id)).toEqual([ada.id]);
    const next = await latch.users.list({ limit: 1, orderBy: 'created_at', cursor: page.nextCursor ?? '' });
    expect(next.data[0]?.emailAddresses[0]?.emailAddress).toBe('grace@example.com');
    expect((await latch.users.list({ emailAddress: ['ada@example.com'] })).data).toHaveLength(1);

    expect(await latch.users.update(ada.id, { publicMetadata: { role: 'admin' } })).toMatchObject({ publicMetadata: { role: 'admin' } });
    expect((await latch.users.ban(ada.id)).banned).toBe(true);
    expect((await latch.users.unban(ada.id)).banned).toBe(false);
    expect(await latch.users.get(ada.id)).toMatchObject({ id: ada.id });
    expect(await latch.users.delete(ada.id)).toEqual({ id: ada.id, deleted: true });
  });

  it('throws LatchApiError with the API’s code and status', async () => {
    const { latch, service } = await start();
    const error = await latch.users.get('user_nobody').catch((e: unknown) => e);
    expect(isLatchApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, code: 'resource_not_found' });
    await latch.users.create({ emailAddress: 'ada@example.com' });
    await expect(latch.users.create({ emailAddress: 'ada@example.com' })).rejects.toMatchObject({ code: 'form_identifier_exists', status: 422 });
    await expect(latch.users.update('x', { publicMetadata: { blob: 'x'.repeat(9000) } })).rejects.toBeInstanceOf(LatchApiError);

    const revoked = createLatchClient({ secretKey: 'sk_live_not-a-key', apiUrl: service.url });
    await expect(revoked.users.list()).rejects.toMatchObject({ status: 401, code: 'authentication_invalid' });
    expect(() => createLatchClient({ secretKey: 'pk_live_x', apiUrl: service.url })).toThrow(/needs a secret key/);
  });

  it('makes sign-in tokens that a browser client signs in with once; lists and revokes sessions', async () => {
    const { latch, service } = await start();
    const user = await latch.users.create({ emailAddress: 'ada@example.com', publicMetadata: { role: 'admin' } });
    const { token } = await latch.signInTokens.create({ userId: user.id, expiresInSeconds: 600 });
    const browser = new LatchClient({ frontendApi: service.url, tokenStorage: createMemoryStorage(), broadcast: false });
    await browser.load();
    const signIn = await browser.signIn.create({ strategy: 'ticket', ticket: token });
    expect(signIn.status).toBe('complete');
    expect(browser.user?.id).toBe(user.id);
    await browser.getToken();
    expect(browser.getState().sessionClaims).toMatchObject({ role: 'admin', sub: user.id });

    const sessions = await latch.sessions.list({ userId: user.id, status: 'active' });
    expect(sessions.data).toHaveLength(1);
    const revoked = await latch.sessions.revoke(sessions.data[0]?.id ?? '');
    expect(revoked.status).toBe('revoked');
    expect(await browser.getToken({ skipCache: true })).toBeNull();

    const again = new LatchClient({ frontendApi: service.url, tokenStorage: createMemoryStorage(), broadcast: false });
    await again.load();
    await expect(again.signIn.create({ strategy: 'ticket', ticket: token })).rejects.toMatchObject({ code: 'sign_in_token_invalid' });
    browser.destroy();
    again.destroy();
  });

  it('adds, verifies and removes email addresses', async () => {
    const { latch } = await start();
    const user = await latch.users.create({ emailAddress: 'ada@example.com' });
    const added = await latch.emailAddresses.create({ userId: user.id, emailAddress: 'ada@work.example' });
    expect(added.verification.status).toBe('unverified');
    expect((await latch.emailAddresses.verify(added.id)).verification.status).toBe('verified');
    expect(await latch.emailAddresses.delete(added.id)).toEqual({ id: added.id, deleted: true });
  });
});
