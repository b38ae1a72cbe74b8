import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/node/index';
import { ada, startService, type TestService } from './helpers';

/** What came back on a raw socket before the server closed it (or `waitMs` passed). */
function rawExchange(url: string, request: string, options: { destroyAfterWrite?: boolean } = {}): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(request);
      if (options.destroyAfterWrite) setImmediate(() => socket.destroy());
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

function statusOf(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
}

/** A request that asks the server to close the connection after answering, so `rawExchange` resolves. */
function requestLine(method: string, path: string, extra = ''): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`;
}

describe('hostile and broken clients get a 4xx, never a 500', () => {
  let running: TestService | undefined;
  const lines: string[] = [];
  afterEach(async () => {
    await running?.close();
    running = undefined;
    lines.length = 0;
  });

  async function start(options: Parameters<typeof startService>[0] = {}) {
    running = await startService({ logger: createLogger((line) => void lines.push(line), 'debug'), ...options });
    await running.service.latch.admin.createUser(ada);
    return running.service;
  }

  const logged = () => lines.map((line) => JSON.parse(line) as { level: string; msg: string; status?: number });

  it('TRACE, CONNECT and unknown methods → 405, on API paths and elsewhere', async () => {
    const service = await start();
    for (const request of [
      requestLine('TRACE', '/v1/client'),
      requestLine('TRACE', '/'),
      requestLine('PROPFIND', '/v1/client'),
      requestLine('CONNECT', 'example.com:443'),
    ]) {
      const response = await rawExchange(service.url, request);
      expect(statusOf(response), request).toBe(405);
      expect(response).toMatch(/^allow: GET, POST, PATCH, DELETE$/im);
      expect(response).toMatch(/^x-content-type-options: nosniff$/im);
      expect(response).toContain('"code":"method_not_allowed"');
    }
    expect(logged().filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('a malformed request line gets 400 with the security headers, and huge headers 431', async () => {
    const service = await start();
    const malformed = await rawExchange(service.url, 'GET /v1/client HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    expect(statusOf(malformed)).toBe(400);
    expect(malformed).toMatch(/^x-content-type-options: nosniff$/im);
    const huge = await rawExchange(service.url, requestLine('GET', '/v1/client', `X-Big: ${'a'.repeat(20_000)}\r\n`));
    expect(statusOf(huge)).toBe(431);
  });

  it('a NUL, invalid UTF-8 or broken percent-encoding in a path id → 404', async () => {
    const service = await start();
    for (const id of ['%00', 'sia_%00abc', '%FF', '%C0%80', '%ED%A0%80', '%E0%A4%A', '%', 'a%0Ab']) {
      const response = await rawExchange(service.url, requestLine('GET', `/v1/client/sign_ins/${id}`));
      expect(statusOf(response), id).toBe(404);
      expect(response).toContain('"code":"resource_not_found"');
    }
    expect(logged().filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('a client that disconnects mid-body is logged at debug, not as an error', async () => {
    const service = await start();
    const headers = 'Content-Type: application/json\r\nContent-Length: 1000\r\n';
    await rawExchange(service.url, `${requestLine('POST', '/v1/client/sign_ins', headers)}{"identifier":`, { destroyAfterWrite: true });
    await expect.poll(() => logged().find((entry) => entry.msg === 'client went away mid-request')?.level).toBe('debug');
    await expect.poll(() => logged().some((entry) => entry.msg === 'request')).toBe(true);
    expect(logged().filter((entry) => entry.level === 'error')).toEqual([]);
    // And the listener is fine.
    expect((await fetch(`${service.url}/v1/environment`)).status).toBe(200);
  });

  it('a client that disconnects mid-way through a large (streamed) body is logged at debug too', async () => {
    const service = await start();
    const headers = 'Content-Type: application/json\r\nContent-Length: 50000\r\n';
    await rawExchange(service.url, `${requestLine('POST', '/v1/client/sign_ins', headers)}{"identifier":"${'a'.repeat(20_000)}`, { destroyAfterWrite: true });
    await expect.poll(() => logged().find((entry) => entry.msg === 'client went away mid-request')?.level).toBe('debug');
    expect(logged().filter((entry) => entry.level === 'error')).toEqual([]);
    expect((await fetch(`${service.url}/v1/environment`)).status).toBe(200);
  });

  it('reads a body alike whether it is declared small (read whole), declared large or chunked (streamed)', async () => {
    const service = await start();
    const send = async (body: string, chunked: boolean) => {
      const init = chunked
        ? { body: new Blob([body]).stream(), duplex: 'half' }
        : { body };
      const response = await fetch(`${service.url}/v1/client/sign_ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'latch-requested-with': 'fetch' },
        ...init,
      } as RequestInit);
      const json = (await response.json()) as { errors?: { code: string }[]; response?: { status: string } };
      return `${response.status} ${json.errors?.[0]?.code ?? json.response?.status}`;
    };
    const signIn = JSON.stringify({ identifier: ada.emailAddress, password: ada.password });
    const padded = JSON.stringify({ identifier: ada.emailAddress, password: ada.password, padding: 'x'.repeat(40_000) });
    const tooLarge = JSON.stringify({ identifier: 'x'.repeat(200_000) });
    for (const chunked of [false, true]) {
      expect(await send(signIn, chunked)).toBe('200 complete');
      expect(await send(padded, chunked)).toBe('200 complete');
      expect(await send(tooLarge, chunked)).toBe('413 body_too_large');
      expect(await send('{"identifier":', chunked)).toBe('400 invalid_json');
    }
  });

  it('a declared body that never arrives, or headers that never end, time out with 408 and a closed connection', async () => {
    const service = await start({ timeouts: { requestMs: 400, headersMs: 200 } });
    const silentBody = await rawExchange(service.url, requestLine('POST', '/v1/client/sign_ins', 'Content-Type: application/json\r\nContent-Length: 50\r\n'));
    expect(statusOf(silentBody)).toBe(408);
    const slowHeaders = await rawExchange(service.url, 'GET /v1/environment HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(statusOf(slowHeaders)).toBe(408);
    expect(slowHeaders).toMatch(/^x-content-type-options: nosniff$/im);
    expect(logged().filter((entry) => entry.level === 'error')).toEqual([]);
    expect((await fetch(`${service.url}/v1/environment`)).status).toBe(200);
  });
});
