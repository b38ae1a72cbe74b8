import { LatchClient } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, grace, newClient, signedInClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('state', () => {
  it('keeps the snapshot and its resources when nothing changed', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const client = await signedInClient(backend.url);
    const before = client.getState();
    expect(client.getState()).toBe(before);
    expect(Object.isFrozen(before)).toBe(true);

    // An answer whose client JSON is unchanged keeps every object.
    let notified = 0;
    client.subscribe(() => notified++);
    await client.user!.getSessions();
    expect(client.getState()).toBe(before);
    expect(client.user).toBe(before.user);
    expect(notified).toBe(0);
  });

  it('notifies subscribers on a change and replaces only what changed', async () => {
    const backend = createMockBackend({ users: [ada, grace], settings: { multiSession: true } });
    server.use(...backend.handlers);
    const client = await signedInClient(backend.url);
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    const before = client.getState();
    const adaUser = before.sessions.find((s) => s.user.firstName === 'Ada')!.user;

    const snapshots: unknown[] = [];
    const unsubscribe = client.subscribe(() => snapshots.push(client.getState()));
    await client.user!.update({ firstName: 'Amazing Grace' });
    expect(snapshots).toEqual([client.getState()]);
    expect(client.getState()).not.toBe(before);
    expect(client.user).not.toBe(before.user);
    expect(client.sessions.find((s) => s.user.id === adaUser.id)?.user).toBe(adaUser);
    expect(client.environment).toBe(before.environment);

    unsubscribe();
    await client.user!.update({ firstName: 'Grace' });
    expect(snapshots).toHaveLength(1);
  });

  it('starts signed in from a server-rendered initialState, then follows the server', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const source = await signedInClient(backend.url);
    const sessionJSON = rawSession(source);

    const client = new LatchClient({
      frontendApi: backend.url,
      broadcast: false,
      initialState: { userId: sessionJSON.user.id, sessionId: sessionJSON.id, session: sessionJSON },
    });
    expect(client.getState().isLoaded).toBe(false);
    expect(client.session?.id).toBe(sessionJSON.id);
    expect(client.user?.firstName).toBe('Ada');

    // This browser has no client token: the server says signed out.
    await client.load();
    expect(client.getState().isLoaded).toBe(true);
    expect(client.session).toBeNull();
  });

  it('shows the user from initialState when only the user is known', () => {
    const client = newClient('https://latch.mock', {
      initialState: { userId: 'user_1', sessionId: 'sess_1', user: userJSON('user_1') },
    });
    expect(client.user?.id).toBe('user_1');
    expect(client.user?.fullName).toBe('Ada Lovelace');
    expect(client.session).toBeNull();
    expect(client.getState().isLoaded).toBe(false);
  });
});

/** The session JSON as the server sent it, rebuilt from the client's objects. */
function rawSession(client: LatchClient) {
  const session = client.session!;
  return {
    id: session.id,
    status: session.status,
    createdAt: session.createdAt.getTime(),
    lastActiveAt: session.lastActiveAt.getTime(),
    expireAt: session.expireAt.getTime(),
    abandonAt: session.abandonAt.getTime(),
    user: userJSON(session.user.id),
  };
}

function userJSON(id: string) {
  return {
    id,
    firstName: 'Ada',
    lastName: 'Lovelace',
    username: null,
    primaryEmailAddressId: 'idn_1',
    emailAddresses: [
      { id: 'idn_1', emailAddress: 'ada@example.com', verification: { status: 'verified' as const, strategy: 'email_code', attempts: 0, expireAt: null } },
    ],
    imageUrl: null,
    passwordEnabled: true,
    totpEnabled: false,
    backupCodeEnabled: false,
    twoFactorEnabled: false,
    createdAt: 0,
    updatedAt: 0,
    lastSignInAt: null,
  };
}
