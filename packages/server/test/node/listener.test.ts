import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientJSON } from '@latch/protocol';
import { writeResponse } from '../../src/node/http-adapter';
import { ada, errorCode, startService, TestStore, type TestService } from './helpers';

describe('the Node listener', () => {
  let running: TestService | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function start(options: Parameters<typeof startService>[0] = {}) {
    running = await startService(options);
    await running.service.latch.admin.createUser(ada);
    return running;
  }

  it('listens on 127.0.0.1 and answers the frontend API over real HTTP', async () => {
    const { service, client } = await start();
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const browser = client();
    const signIn = await browser.signIn(ada.emailAddress, ada.password);
    expect(signIn.status).toBe('complete');
    const reply = await browser.call<{ client: ClientJSON }>('GET', '/v1/client');
    expect(reply.json.client.sessions[0]?.user.firstName).toBe('Ada');
  });

  it('reports health from the store: 200 when it answers, 503 when it does not', async () => {
    const store = new TestStore();
    const { service } = await start({ store });
    const ok = await fetch(`${service.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    store.healthy = false;
    const down = await fetch(`${service.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable' });
  });

  it('refuses a 10 MB body with 413 without reading it all, declared or streamed', async () => {
    const { service } = await start();
    const huge = JSON.stringify({ identifier: 'x'.repeat(10 * 1024 * 1024) });
    const sized = await fetch(`${service.url}/v1/client/sign_ins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(sized.status).toBe(413);
    // Chunked, so no Content-Length warns the server: the core cuts it off at the limit.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 100; index++) controller.enqueue(new TextEncoder().encode(huge.slice(index * 104_858, (index + 1) * 104_858)));
        controller.close();
      },
    });
    const streamed = await fetch(`${service.url}/v1/client/sign_ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(errorCode({ status: 413, headers: streamed.headers, json: await streamed.json() })).toBe('body_too_large');
    // The listener is still healthy afterwards.
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it('answers as its public URL, whatever Host or request line the client sends', async () => {
    const { service, client } = await start({ publicUrl: 'https://auth.example.com' });
    const { port } = new URL(service.url);
    const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '//evil.example/v1/environment', headers: { host: 'evil.example' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(raw.status).toBe(404);
    const browser = client({ host: 'evil.example' });
    const { createdSessionId } = await browser.signIn(ada.emailAddress, ada.password);
    const minted = await browser.call<{ jwt: string }>('POST', `/v1/client/sessions/${createdSessionId}/tokens`);
    expect(decodeJwt(minted.json.jwt).iss).toBe('https://auth.example.com');
  });

  it('applies the configured session lifetimes: idle timeout and absolute end', async () => {
    const minute = 60_000;
    let time = Date.UTC(2025, 0, 6, 9, 0, 0);
    const { client } = await start({ now: () => time, sessionLifetime: { idleMs: 60 * minute, absoluteMs: 150 * minute } });
    const browser = client();
    const { createdSessionId } = await browser.signIn(ada.emailAddress, ada.password);
    const mint = async () => (await browser.call('POST', `/v1/client/sessions/${createdSessionId}/tokens`)).status;
    // Minting a token is activity: each one keeps the session from idling out.
    for (let step = 0; step < 2; step++) {
      time += 59 * minute;
      expect(await mint()).toBe(200);
    }
    // Still active, but 150 minutes after sign-in it ends all the same.
    time += 32 * minute;
    expect(await mint()).toBe(404);

    const idle = client();
    const second = await idle.signIn(ada.emailAddress, ada.password);
    time += 61 * minute;
    expect((await idle.call('POST', `/v1/client/sessions/${second.createdSessionId}/tokens`)).status).toBe(404);
  });

  it('writes each Set-Cookie as its own header line', async () => {
    const server = createServer((_req, res) => {
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append('set-cookie', 'a=1; Path=/; HttpOnly');
      headers.append('set-cookie', 'b=2; Path=/; Expires=Thu, 01 Jan 2026 00:00:00 GMT');
      void writeResponse(res, new Response('hello', { status: 201, headers }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(response.status).toBe(201);
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/; Expires=Thu, 01 Jan 2026 00:00:00 GMT']);
      expect(await response.text()).toBe('hello');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
