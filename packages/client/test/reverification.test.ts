import { createMockBackend, type MockUser } from '@latch/mock';
import { isReverificationError } from '@latch/client';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, apiFailure, newClient, signedInClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const elevenMinutes = 11 * 60 * 1000;

/** A mock backend whose clock the test moves, so a session can go stale. */
function backendWithClock(users: MockUser[] = [ada]) {
  let time = Date.now();
  const backend = createMockBackend({ users, now: () => time });
  server.use(...backend.handlers);
  return { backend, advance: (ms: number) => void (time += ms) };
}

describe('reverification', () => {
  it('recognises reverification_required, reverifies with the password, and the retry succeeds', async () => {
    const { backend, advance } = backendWithClock();
    const client = await signedInClient(backend.url);
    advance(elevenMinutes);

    const refused = await apiFailure(client.user!.createEmailAddress({ emailAddress: 'countess@example.com' }));
    expect(isReverificationError(refused)).toBe(true);
    expect(refused.status).toBe(403);
    expect(refused.strategies).toEqual(['password']);
    expect(isReverificationError(new Error('reverification_required'))).toBe(false);

    const wrong = await apiFailure(client.session!.reverify({ strategy: 'password', password: 'not-the-password' }));
    expect(wrong.code).toBe('form_password_incorrect');
    await client.session!.reverify({ strategy: 'password', password: ada.password });
    const added = await client.user!.createEmailAddress({ emailAddress: 'countess@example.com' });
    expect(added.emailAddress).toBe('countess@example.com');
  });

  it('sends an email code to a user without a password and reverifies with it', async () => {
    const { backend, advance } = backendWithClock([{ emailAddress: 'grace@example.com' }]);
    const client = newClient(backend.url);
    await client.load();
    const signIn = await client.signIn.create({ identifier: 'grace@example.com' });
    const factor = signIn.supportedFirstFactors.find((offered) => offered.strategy === 'email_code');
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor && 'emailAddressId' in factor ? factor.emailAddressId : '' });
    await client.signIn.attemptFirstFactor({ strategy: 'email_code', code: backend.latestCode('grace@example.com')! });
    advance(elevenMinutes);

    const refused = await apiFailure(client.user!.delete());
    expect(refused.strategies).toEqual(['email_code']);
    await client.session!.prepareReverification({ strategy: 'email_code' });
    await client.session!.reverify({ strategy: 'email_code', code: backend.latestCode('grace@example.com')! });
    await client.user!.delete();
    expect(client.user).toBeNull();
  });
});
