import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, apiFailure, grace, newClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('sessions', () => {
  it('holds two accounts in multi-session mode, switches between them and signs one out', async () => {
    const backend = createMockBackend({ users: [ada, grace], settings: { multiSession: true } });
    server.use(...backend.handlers);
    const client = newClient(backend.url);
    await client.load();

    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const adaSession = client.session!;
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    expect(client.sessions).toHaveLength(2);
    expect(client.user?.firstName).toBe('Grace');

    const again = await apiFailure(client.signIn.create({ identifier: ada.emailAddress, password: ada.password }));
    expect(again.code).toBe('identifier_already_signed_in');

    await client.setActive({ session: adaSession });
    expect(client.session?.id).toBe(adaSession.id);
    expect(client.user?.firstName).toBe('Ada');
    await expect(client.setActive({ session: null })).rejects.toThrow(TypeError);

    await client.signOut({ sessionId: adaSession.id });
    expect(client.sessions.map((s) => s.user.firstName)).toEqual(['Grace']);
    expect(await client.sessions[0]!.getToken()).toMatch(/^ey/);
  });

  it('refuses a second sign-in in single-session mode', async () => {
    const backend = createMockBackend({ users: [ada, grace], settings: { multiSession: false } });
    server.use(...backend.handlers);
    const client = newClient(backend.url);
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });

    const error = await apiFailure(client.signIn.create({ identifier: grace.emailAddress, password: grace.password }));
    expect(error.code).toBe('identifier_already_signed_in');
    expect(client.user?.firstName).toBe('Ada');
  });

  it('signs every session out and forgets their tokens', async () => {
    const backend = createMockBackend({ users: [ada, grace], settings: { multiSession: true } });
    server.use(...backend.handlers);
    const client = newClient(backend.url);
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    const [first, second] = client.sessions;

    await client.signOut();
    expect(client.sessions).toEqual([]);
    expect(client.session).toBeNull();
    expect(await client.getToken()).toBeNull();
    // The server ended them too: their token route refuses.
    expect(await first!.getToken()).toBeNull();
    expect(await second!.getToken()).toBeNull();
  });
});
