import { createMemoryStorage, isLatchAPIError, LatchClient } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSameSite, usesCookies } from '../src/transport';
import { ada, grace, newClient, signedInClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

describe('transport', () => {
  it('picks cookies only for same-site APIs', () => {
    expect(isSameSite('auth.example.com', 'auth.example.com')).toBe(true);
    expect(isSameSite('auth.example.com', 'app.example.com')).toBe(true);
    expect(isSameSite('auth.example.com', 'www.example.org')).toBe(false);
    expect(isSameSite('latch.mock', 'localhost')).toBe(false);
    expect(isSameSite('localhost', 'localhost')).toBe(true);
    expect(isSameSite('10.0.0.1', '192.168.0.1')).toBe(false);
    // No page (a server or a script): header mode unless told otherwise.
    expect(usesCookies({ frontendApi: 'https://auth.example.com' })).toBe(false);
    expect(usesCookies({ frontendApi: 'https://auth.example.com', transport: 'cookie' })).toBe(true);
  });

  it('sends the CSRF header, JSON bodies, the client token and the acting session', async () => {
    const backend = createMockBackend({ users: [ada] });
    server.use(...backend.handlers);
    const storage = createMemoryStorage();
    const requests: Request[] = [];
    server.events.on('request:start', ({ request }) => void requests.push(request.clone()));
    const client = new LatchClient({ frontendApi: backend.url, tokenStorage: storage, broadcast: false });
    await client.load();
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    await client.user!.update({ firstName: 'Augusta' });

    const [load, signIn, update] = requests;
    for (const request of requests) expect(request.headers.get('latch-requested-with')).toBe('fetch');
    expect(load!.headers.get('content-type')).toBeNull();
    expect(load!.headers.get('authorization')).toBeNull();
    expect(signIn!.headers.get('content-type')).toBe('application/json');
    expect(await signIn!.json()).toEqual({ identifier: ada.emailAddress, password: ada.password });

    const stored = storage.getItem(`latch:client-token:${backend.url}`);
    expect(stored).toBeTruthy();
    expect(update!.headers.get('authorization')).toBe(`Bearer ${stored}`);
    expect(update!.headers.get('latch-session-id')).toBe(client.session!.id);
  });

  it('turns a non-JSON error page into a LatchAPIError with code internal_error', async () => {
    server.use(
      http.get('https://proxy.test/v1/client', () =>
        HttpResponse.html('<html><body>502 Bad Gateway</body></html>', { status: 502 }),
      ),
    );
    const client = newClient('https://proxy.test');
    const error = await client.load().catch((e: unknown) => e);
    expect(isLatchAPIError(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, code: 'internal_error' });
  });

  it("acts for the user's own session, even when another one is active", async () => {
    const backend = createMockBackend({ users: [ada, grace], settings: { multiSession: true } });
    server.use(...backend.handlers);
    const client = await signedInClient(backend.url);
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    const adaSession = client.sessions.find((s) => s.user.firstName === 'Ada')!;
    expect(client.user?.firstName).toBe('Grace');

    const seen: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => void seen.push(request.headers.get('latch-session-id')));
    const updated = await adaSession.user.update({ lastName: 'King' });
    expect(seen).toEqual([adaSession.id]);
    expect(updated.lastName).toBe('King');
    expect(client.sessions.find((s) => s.id === adaSession.id)?.user).toBe(updated);
    expect(client.user?.lastName).toBe('Hopper');
  });
});
