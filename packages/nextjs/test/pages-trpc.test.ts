import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { buildLatchProps, getAuth } from '../src/pages-router';
import { createLatchContext, requireSignedIn } from '../src/trpc';
import { frontendApi, secret, serveLatchApp } from './harness';

const app = serveLatchApp();
const options = { frontendApi, secret };

/** Node's response, as much of it as buildLatchProps uses. */
function fakeResponse() {
  const headers = new Map<string, string | string[]>();
  return { headers, getHeader: (name: string) => headers.get(name), setHeader: (name: string, value: string | string[]) => headers.set(name, value) };
}

describe('Pages Router', () => {
  it('getAuth(req) reads Node-style headers (API routes, getServerSideProps)', async () => {
    const { cookie, sessionId } = await app.signIn();
    expect(await getAuth({ headers: { cookie } }, options)).toMatchObject({ sessionId, userId: expect.stringMatching(/^user_/) });
    expect(await getAuth({ headers: {} }, options)).toMatchObject({ userId: null, sessionId: null });
  });

  it('buildLatchProps(ctx): the initial state with the session and its user, verified once per request', async () => {
    const { cookie, sessionId } = await app.signIn();
    const req = { headers: { cookie } };
    await getAuth(req, options);
    const jwksCalls = app.requests.length;
    const { latchState } = await buildLatchProps({ req, res: fakeResponse() }, options);
    expect(app.requests.slice(jwksCalls)).toEqual(['GET /api/latch/v1/client']); // the session's JSON, nothing verified again
    expect(latchState).toMatchObject({ frontendApi, secure: false, initialState: { sessionId, session: { id: sessionId, user: { firstName: 'Ada' } } } });
  });

  it('buildLatchProps(ctx) renews an expired session cookie on the response', async () => {
    const { clientToken } = await app.signIn();
    const res = fakeResponse();
    res.setHeader('set-cookie', 'theme=dark');
    const { latchState } = await buildLatchProps({ req: { headers: { cookie: `latch_client=${clientToken}` } }, res }, options);
    expect(latchState.initialState.userId).toMatch(/^user_/);
    const cookies = res.headers.get('set-cookie') as string[];
    expect(cookies[0]).toBe('theme=dark');
    expect(cookies[1]).toMatch(/^latch_session=ey.+; Max-Age=60$/);
  });
});

describe('tRPC', () => {
  it('createLatchContext reads a fetch Request (fetch adapter) and a Node request (Next adapter) alike', async () => {
    const { cookie, sessionId } = await app.signIn();
    const fetchCtx = await createLatchContext({ req: new Request('http://localhost:3000/api/trpc/x', { headers: { cookie } }) }, options);
    const nodeCtx = await createLatchContext({ req: { headers: { cookie } } }, options);
    expect(fetchCtx.auth.sessionId).toBe(sessionId);
    expect(nodeCtx.auth.sessionId).toBe(sessionId);
  });

  it('requireSignedIn: UNAUTHORIZED when signed out, the narrowed state when signed in', async () => {
    const signedOut = await createLatchContext({ req: { headers: {} } }, options);
    const error = (() => {
      try {
        requireSignedIn(signedOut.auth);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
    const { cookie } = await app.signIn();
    const signedIn = requireSignedIn((await createLatchContext({ req: { headers: { cookie } } }, options)).auth);
    const userId: string = signedIn.userId;
    expect(userId).toMatch(/^user_/);
  });
});
