import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frontendApi, secret, serveLatchApp } from './harness';

// auth() reads the request through next/headers; here the test is the request.
const request = vi.hoisted(() => ({ headers: new Headers() as Headers | Error }));
vi.mock('next/headers', () => ({
  headers: async () => {
    if (request.headers instanceof Error) throw request.headers;
    return request.headers;
  },
}));

const { auth, currentUser } = await import('../src/app-router');
const app = serveLatchApp();

beforeEach(() => {
  vi.stubEnv('LATCH_FRONTEND_API', frontendApi);
  vi.stubEnv('LATCH_SECRET', secret);
  return () => vi.unstubAllEnvs();
});

/** React's request cache holds only within a request; outside one, each call runs afresh, like a new request. */
function asRequest(headers: Record<string, string>) {
  request.headers = new Headers(headers);
}

describe('auth() and currentUser() in the App Router', () => {
  it('signed in, without the middleware: verifies the session cookie itself', async () => {
    const { cookie, sessionId } = await app.signIn();
    asRequest({ cookie });
    const state = await auth();
    expect(state).toMatchObject({ userId: expect.stringMatching(/^user_/), sessionId });
    expect(await state.getToken()).toMatch(/^ey/);
    expect(await currentUser()).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('signed out: nulls, and currentUser() is null without asking the server', async () => {
    asRequest({});
    expect(await auth()).toMatchObject({ userId: null, sessionId: null });
    expect(await (await auth()).getToken()).toBeNull();
    expect(await currentUser()).toBeNull();
    expect(app.requests).toEqual([]);
  });

  it('auth.protect() in a page: a redirect to sign-in back to the page the middleware saw', async () => {
    asRequest({ accept: 'text/html', 'x-latch-path': '/posts?page=2', host: 'localhost:3000' });
    const error = await auth.protect().catch((e: unknown) => e);
    expect((error as { digest: string }).digest).toContain('NEXT_REDIRECT;replace;/sign-in?redirect_url=%2Fposts%3Fpage%3D2;307;');
  });

  it('auth.protect() in a server action redirects too', async () => {
    asRequest({ 'next-action': 'abc', accept: 'text/x-component', host: 'localhost:3000', 'x-latch-path': '/posts' });
    const error = await auth.protect().catch((e: unknown) => e);
    expect((error as { digest: string }).digest).toMatch(/^NEXT_REDIRECT;(replace|push);\/sign-in/);
  });

  it('auth.protect() in a page the middleware did not run for: says to add it, and where; returnTo still works', async () => {
    asRequest({ accept: 'text/html', host: 'localhost:3000' });
    await expect(auth.protect()).rejects.toThrow(
      'only latchMiddleware() knows which page that is, and it did not run for this request. Add proxy.ts (Next 16) or ' +
        'middleware.ts (Next 15) next to your app/ folder with `export default latchMiddleware()`',
    );
    const state = await auth();
    const error = (() => {
      try {
        return state.redirectToSignIn({ returnTo: '/posts' });
      } catch (thrown) {
        return thrown as { digest: string };
      }
    })();
    expect(error.digest).toContain('NEXT_REDIRECT;replace;/sign-in?redirect_url=%2Fposts;307;');
  });

  it('auth.protect() signed in: the signed-in state, typed', async () => {
    const { cookie } = await app.signIn();
    asRequest({ cookie, accept: 'text/html' });
    const { userId } = await auth.protect();
    expect(userId).toMatch(/^user_/);
  });

  it("auth.protect() in a route handler without Next's authInterrupts flag: says to add it, and where", async () => {
    asRequest({ accept: '*/*' });
    await expect(auth.protect()).rejects.toThrow(
      "auth.protect() answers a signed-out route handler with 401 through Next's unauthorized(), which needs " +
        '`experimental: { authInterrupts: true }` in next.config.ts. Add it',
    );
  });

  it('called outside a request: says where auth() works', async () => {
    request.headers = new Error('`headers` was called outside a request scope. Read more: …');
    await expect(auth()).rejects.toThrow('auth() and currentUser() read the request, so they work only while one is handled');
  });

  it("Next's own signals from headers() (a page found dynamic during the build) pass through untouched", async () => {
    const dynamic = Object.assign(new Error('Dynamic server usage: headers'), { digest: 'DYNAMIC_SERVER_USAGE' });
    request.headers = dynamic;
    await expect(auth()).rejects.toBe(dynamic);
  });

  it('a session without the client cookie (a latch-server on another site): currentUser() says how to set it up', async () => {
    const { jwt } = await app.signIn();
    asRequest({ cookie: `latch_session=${jwt}` });
    await expect(currentUser()).rejects.toThrow('Mount the server in the app with createLatchRouteHandler (app/api/latch/[...latch]/route.ts)');
  });
});
