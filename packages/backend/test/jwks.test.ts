import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLatchBackend } from '@latch/backend';
import { issuer, makeKey, serveJwks, sign } from './helpers';

const servers: Array<{ close(): Promise<void> }> = [];
async function jwksServer(...keys: Awaited<ReturnType<typeof makeKey>>[]) {
  const server = await serveJwks(keys);
  servers.push(server);
  return server;
}
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Moves the clock that jose reads (Date only; the timers under fetch keep running). */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

describe('the JWKS cache', () => {
  it('follows a key rotation: a token with the new kid verifies after a refetch', async () => {
    clockAt('2030-01-01T00:00:00Z');
    const [oldKey, newKey] = [await makeKey('key_old'), await makeKey('key_new')];
    const jwks = await jwksServer(oldKey);
    const backend = createLatchBackend({ jwksUrl: jwks.url, issuer });

    expect((await backend.verifyToken(await sign(oldKey))).userId).toBe('user_ada');
    expect(jwks.state.fetches).toBe(1);

    // The server rotates: it now signs with the new key and still publishes the previous one.
    jwks.state.keys = [newKey, oldKey];
    // Within jose's 30 s cooldown an unknown kid is refused without a fetch…
    await expect(backend.verifyToken(await sign(newKey))).rejects.toMatchObject({ reason: 'token_unknown_kid' });
    expect(jwks.state.fetches).toBe(1);

    // …after it, the unknown kid makes one refetch and the new key is found.
    vi.setSystemTime(new Date('2030-01-01T00:00:31Z'));
    expect((await backend.verifyToken(await sign(newKey))).sessionId).toBe('sess_1');
    expect(jwks.state.fetches).toBe(2);
    // Tokens signed before the rotation stay valid until they expire.
    expect((await backend.verifyToken(await sign(oldKey))).userId).toBe('user_ada');
    expect(jwks.state.fetches).toBe(2);
  });

  it('does not turn a flood of made-up kids into a flood of fetches', async () => {
    clockAt('2030-01-01T00:00:00Z');
    const key = await makeKey('key_1');
    const jwks = await jwksServer(key);
    const backend = createLatchBackend({ jwksUrl: jwks.url, issuer });
    await backend.verifyToken(await sign(key));

    const forged = await Promise.all(Array.from({ length: 20 }, async (_, i) => sign(await makeKey(`key_forged_${i}`))));
    const reasons = await Promise.all(forged.map((token) => backend.verifyToken(token).catch((error: { reason: string }) => error.reason)));
    expect(new Set(reasons)).toEqual(new Set(['token_unknown_kid']));
    expect(jwks.state.fetches).toBe(1);
  });

  it('keeps one cache per backend: each fetches its JWKS once for many tokens', async () => {
    const key = await makeKey('key_1');
    const jwks = await jwksServer(key);
    const [first, second] = [createLatchBackend({ jwksUrl: jwks.url, issuer }), createLatchBackend({ jwksUrl: jwks.url, issuer })];
    await Promise.all([first, second, first, second].map(async (backend) => backend.verifyToken(await sign(key))));
    await first.verifyToken(await sign(key));
    expect(jwks.state.fetches).toBe(2);
  });

  it('reports jwks_unavailable when the JWKS answers an error or cannot be reached', async () => {
    const key = await makeKey('key_1');
    const jwks = await jwksServer(key);
    jwks.state.status = 500;
    const failing = createLatchBackend({ jwksUrl: jwks.url, issuer });
    await expect(failing.verifyToken(await sign(key))).rejects.toMatchObject({ reason: 'jwks_unavailable' });

    await jwks.close();
    const unreachable = createLatchBackend({ jwksUrl: jwks.url, issuer });
    await expect(unreachable.verifyToken(await sign(key))).rejects.toMatchObject({ reason: 'jwks_unavailable' });
  });
});
