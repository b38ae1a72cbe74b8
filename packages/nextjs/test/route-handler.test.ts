import { MemoryStore } from '@latch/server';
import { describe, expect, it, vi } from 'vitest';
import { createLatchRouteHandler } from '../src/route-handler';
import { ada, frontendApi, origin, serveLatchApp } from './harness';

const app = serveLatchApp();

describe('createLatchRouteHandler', () => {
  it('serves the frontend API under its mount path, with the client token in an HttpOnly cookie on the app', async () => {
    const res = await app.browserFetch(null, 'POST', '/v1/client/sign_ins', { identifier: ada.emailAddress, password: ada.password });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^latch_client=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const jwks = await fetch(`${frontendApi}/.well-known/jwks.json`);
    expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  it("signs tokens as the mount URL: the issuer auth() checks", async () => {
    const { jwt } = await app.signIn();
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { iss: string };
    expect(claims.iss).toBe(frontendApi);
  });

  it('keeps the CSRF check: a cookie-authenticated mutation from another origin is refused', async () => {
    const { clientToken, sessionId } = await app.signIn();
    const res = await app.latch.POST(
      new Request(`${frontendApi}/v1/client/sessions/${sessionId}/end`, {
        method: 'POST',
        headers: { cookie: `latch_client=${clientToken}`, origin: 'https://evil.example', 'latch-requested-with': 'fetch' },
      }),
    );
    expect(res.status).toBe(403);
  });

  it('opens the store on the first request, not at import (next build opens no database), and once', async () => {
    const open = vi.fn(() => new MemoryStore());
    const onReady = vi.fn();
    const handler = createLatchRouteHandler({ frontendApi, store: open, onReady });
    expect(open).not.toHaveBeenCalled();
    await Promise.all([handler.GET(new Request(`${frontendApi}/v1/environment`)), handler.GET(new Request(`${frontendApi}/v1/client`))]);
    expect(open).toHaveBeenCalledTimes(1);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('mounted where LATCH_FRONTEND_API does not point: the error says where to put it', async () => {
    const handler = createLatchRouteHandler({ frontendApi, store: new MemoryStore() });
    await expect(handler.GET(new Request(`${origin}/api/auth/v1/client`))).rejects.toThrow(
      'createLatchRouteHandler() got /api/auth/v1/client, outside /api/latch (the path of LATCH_FRONTEND_API). ' +
        'Put the route at app/api/latch/[...latch]/route.ts, or set LATCH_FRONTEND_API to the URL of the folder it is in.',
    );
  });

  it('on the edge runtime: refuses, and says to remove the runtime setting from the route', async () => {
    vi.stubGlobal('EdgeRuntime', 'edge-runtime');
    try {
      const handler = createLatchRouteHandler({ frontendApi, store: new MemoryStore() });
      await expect(handler.GET(new Request(`${frontendApi}/v1/environment`))).rejects.toThrow(
        "which needs the Node.js runtime (its database, and one process that holds it), and this route runs on the edge runtime. " +
          "Remove `export const runtime = 'edge'` from app/api/latch/[...latch]/route.ts (Node.js is the default).",
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
