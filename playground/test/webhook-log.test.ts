import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@latch/backend';
import { newWebhookSecret, signWebhook, webCrypto } from '@latch/server';
import { createWebhookLog } from '../webhook-log';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serveLog(secret: string) {
  const log = createWebhookLog({ secret: () => secret, verifyWebhook });
  const server = createServer((req, res) => (req.url === '/api/webhooks/log' ? log.list(req, res) : log.receive(req, res)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the playground's webhook log", () => {
  it('keeps verified deliveries and refuses forged ones, newest first, read-only', async () => {
    const secret = newWebhookSecret(webCrypto);
    const url = await serveLog(secret);
    const body = JSON.stringify({ type: 'user.created', timestamp: new Date().toISOString(), data: { id: 'user_1' } });
    const send = async (key: string) => {
      const headers = await signWebhook(webCrypto, [key], { id: 'msg_1', timestampSeconds: Math.floor(Date.now() / 1000), body });
      return (await fetch(`${url}/api/webhooks/latch`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body })).status;
    };
    expect(await send(secret)).toBe(204);
    expect(await send(newWebhookSecret(webCrypto))).toBe(400);
    const log = (await (await fetch(`${url}/api/webhooks/log`)).json()) as { data: unknown[] };
    expect(log.data).toMatchObject([
      { id: 'msg_1', verified: false, error: 'signature_invalid', data: null },
      { id: 'msg_1', type: 'user.created', verified: true, error: null, data: { id: 'user_1' } },
    ]);
    expect((await fetch(`${url}/api/webhooks/log`, { method: 'DELETE' })).status).toBe(405);
  });
});
