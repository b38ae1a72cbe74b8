import { createMemoryStorage, LatchClient } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, grace } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Resolves once `predicate` holds for the client's state. */
function until(client: LatchClient, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve();
    const unsubscribe = client.subscribe(() => {
      if (predicate()) {
        unsubscribe();
        resolve();
      }
    });
  });
}

describe('tabs', () => {
  it('a sign-in, a switch and a sign-out in one tab reach the other', async () => {
    const backend = createMockBackend({ users: [ada, grace], settings: { multiSession: true } });
    server.use(...backend.handlers);
    // Two tabs of one browser: the same storage, the same channel name.
    const tokenStorage = createMemoryStorage();
    const tabA = new LatchClient({ frontendApi: backend.url, tokenStorage });
    const tabB = new LatchClient({ frontendApi: backend.url, tokenStorage });
    await Promise.all([tabA.load(), tabB.load()]);

    await tabA.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    await until(tabB, () => tabB.user?.firstName === 'Ada');

    await tabA.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    await until(tabB, () => tabB.user?.firstName === 'Grace');
    expect(tabB.sessions).toHaveLength(2);

    const adaSession = tabA.sessions.find((s) => s.user.firstName === 'Ada')!;
    await tabA.setActive({ session: adaSession });
    await until(tabB, () => tabB.session?.id === adaSession.id);

    await tabA.signOut();
    await until(tabB, () => tabB.session === null);
    expect(tabB.sessions).toEqual([]);
    expect(await tabB.getToken()).toBeNull();

    tabA.destroy();
    tabB.destroy();
  });

  it('stops listening after destroy()', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const tokenStorage = createMemoryStorage();
    const openTab = () => new LatchClient({ frontendApi: backend.url, tokenStorage });
    const tabA = openTab();
    const tabB = openTab();
    const tabC = openTab();
    await Promise.all([tabA.load(), tabB.load(), tabC.load()]);
    tabB.destroy();

    await tabA.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    await until(tabC, () => tabC.session !== null);
    expect(tabB.session).toBeNull();
    tabA.destroy();
    tabC.destroy();
  });
});
