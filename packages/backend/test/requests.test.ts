import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorResponse } from '@latch/protocol';
import { createLatchBackend, type LatchAuth, type LatchBackend, type NodeRequestLike } from '@latch/backend';
import { issuer, makeKey, serveJwks, sessionClaims, sign, type TestKey } from './helpers';

let key: TestKey;
let backend: LatchBackend;
beforeAll(async () => {
  key = await makeKey('key_1');
  backend = createLatchBackend({ publicKey: key.publicJwk, issuer });
});

const expiredClaims = () => sessionClaims({ exp: Math.floor(Date.now() / 1000) - 60 });

/** A backend whose JWKS answers 500, to stand for an outage of the Latch server. */
async function withUnreachableJwks(test: (backend: LatchBackend) => Promise<void>) {
  const jwks = await serveJwks([key]);
  jwks.state.status = 500;
  try {
    await test(createLatchBackend({ jwksUrl: jwks.url, issuer }));
  } finally {
    await jwks.close();
  }
}

describe('authenticateRequest (fetch-style handlers)', () => {
  const request = (headers: Record<string, string> = {}) => new Request('https://api.example.com/me', { headers });

  it('resolves to the caller for a valid Bearer token, the scheme in any case', async () => {
    const token = await sign(key);
    expect(await backend.authenticateRequest(request({ authorization: `Bearer ${token}` }))).toEqual({ userId: 'user_ada', sessionId: 'sess_1' });
    expect(await backend.authenticateRequest(request({ authorization: `bearer  ${token} ` }))).toEqual({ userId: 'user_ada', sessionId: 'sess_1' });
  });

  it('answers 401 JSON with WWW-Authenticate: Bearer when there is no token', async () => {
    const response = await backend.authenticateRequest(request());
    expect(response).toBeInstanceOf(Response);
    const { status, headers } = response as Response;
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('cache-control')).toBe('no-store');
    const body = (await (response as Response).json()) as ApiErrorResponse;
    expect(body.errors).toEqual([{ code: 'authentication_invalid', message: expect.stringContaining('Authorization: Bearer') }]);
  });

  it('answers 401 with error="invalid_token" for a token that fails, saying why', async () => {
    const response = (await backend.authenticateRequest(request({ authorization: `Bearer ${await sign(key, expiredClaims())}` }))) as Response;
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const body = (await response.json()) as ApiErrorResponse;
    expect(body.errors[0]).toEqual({ code: 'authentication_invalid', message: 'The session token has expired.' });
  });

  it('reads the Authorization header only: other schemes and cookies are no token', async () => {
    const token = await sign(key);
    const notBearer: Record<string, string>[] = [{ authorization: `Basic ${btoa('ada:pw')}` }, { authorization: token }, { cookie: `__session=${token}` }];
    for (const headers of notBearer) {
      const response = (await backend.authenticateRequest(request(headers))) as Response;
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 503, not 401, when the JWKS cannot be fetched', async () => {
    await withUnreachableJwks(async (unavailable) => {
      const response = (await unavailable.authenticateRequest(request({ authorization: `Bearer ${await sign(key)}` }))) as Response;
      expect(response.status).toBe(503);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(((await response.json()) as ApiErrorResponse).errors[0]?.code).toBe('internal_error');
    });
  });
});

describe('getAuth (Node handlers)', () => {
  it('reads a plain request object', async () => {
    const req: NodeRequestLike = { headers: { authorization: `Bearer ${await sign(key)}` } };
    expect(await backend.getAuth(req)).toEqual({ userId: 'user_ada', sessionId: 'sess_1' });
  });

  it('is null without a token or with a bad one', async () => {
    expect(await backend.getAuth({ headers: {} })).toBeNull();
    expect(await backend.getAuth({ headers: { authorization: `Bearer ${await sign(key, expiredClaims())}` } })).toBeNull();
    expect(await backend.getAuth({ headers: { authorization: 'Bearer not-a-jwt' } })).toBeNull();
    expect(await backend.getAuth({ headers: { authorization: [`Bearer ${await sign(key)}`] } })).toBeNull();
  });

  it('throws, rather than claim "signed out", when the JWKS cannot be fetched', async () => {
    await withUnreachableJwks(async (unavailable) => {
      const req = { headers: { authorization: `Bearer ${await sign(key)}` } };
      await expect(unavailable.getAuth(req)).rejects.toMatchObject({ reason: 'jwks_unavailable' });
    });
  });
});

describe('requireAuth (Express/Connect middleware)', () => {
  interface Outcome {
    req: NodeRequestLike & { auth?: LatchAuth };
    res: { statusCode: number; headers: Record<string, string>; body: string | undefined; ended: boolean };
    /** The arguments next() got, or undefined when it was not called. */
    nextArgs: unknown[] | undefined;
  }

  /** Runs the middleware on plain objects and settles when it calls next() or ends the response. */
  function run(middleware: ReturnType<LatchBackend['requireAuth']>, authorization?: string) {
    return new Promise<Outcome>((resolve) => {
      const req: NodeRequestLike & { auth?: LatchAuth } = { headers: authorization ? { authorization } : {} };
      const res = {
        statusCode: 200,
        headers: {} as Record<string, string>,
        body: undefined as string | undefined,
        ended: false,
        setHeader(name: string, value: string) {
          res.headers[name.toLowerCase()] = value;
        },
        end(body?: string) {
          Object.assign(res, { body, ended: true });
          resolve({ req, res, nextArgs: undefined });
        },
      };
      middleware(req, res, (...nextArgs: unknown[]) => resolve({ req, res, nextArgs }));
    });
  }

  it('sets req.auth and calls next() for a valid token', async () => {
    const { req, res, nextArgs } = await run(backend.requireAuth(), `Bearer ${await sign(key)}`);
    expect(nextArgs).toEqual([]);
    expect(req.auth).toEqual({ userId: 'user_ada', sessionId: 'sess_1' });
    expect(res.ended).toBe(false);
  });

  it('answers 401 JSON itself, without calling next(), for a missing or bad token', async () => {
    for (const authorization of [undefined, `Bearer ${await sign(key, expiredClaims())}`]) {
      const { req, res, nextArgs } = await run(backend.requireAuth(), authorization);
      expect(nextArgs).toBeUndefined();
      expect(req.auth).toBeUndefined();
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((JSON.parse(res.body!) as ApiErrorResponse).errors[0]?.code).toBe('authentication_invalid');
    }
  });

  it('answers 503 when the JWKS cannot be fetched', async () => {
    await withUnreachableJwks(async (unavailable) => {
      const { res, nextArgs } = await run(unavailable.requireAuth(), `Bearer ${await sign(key)}`);
      expect(nextArgs).toBeUndefined();
      expect(res.statusCode).toBe(503);
    });
  });
});
