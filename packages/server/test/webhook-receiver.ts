import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  headers: Record<string, string>;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** What the receiver does with the next request: answer with a status, or hang (never answer). */
export type ReceiverBehaviour = number | 'hang';

export interface WebhookReceiver {
  url: string;
  /** Requests answered 2xx, in the order they arrived. */
  received: ReceivedWebhook[];
  /** Every request, whatever the answer. */
  requests: ReceivedWebhook[];
  /** Decides each request's answer; default 204. */
  behave(decide: (webhook: ReceivedWebhook) => ReceiverBehaviour): void;
  close(): Promise<void>;
}

const open: WebhookReceiver[] = [];
afterEach(async () => {
  for (const receiver of open.splice(0)) await receiver.close();
});

/** A loopback HTTP server that records the webhooks it gets; closed after each test. */
export async function startReceiver(): Promise<WebhookReceiver> {
  let decide: (webhook: ReceivedWebhook) => ReceiverBehaviour = () => 204;
  const received: ReceivedWebhook[] = [];
  const requests: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const webhook: ReceivedWebhook = {
        id: headers['webhook-id'] ?? '',
        timestamp: headers['webhook-timestamp'] ?? '',
        signature: headers['webhook-signature'] ?? '',
        headers,
        body,
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
      };
      requests.push(webhook);
      const behaviour = decide(webhook);
      if (behaviour === 'hang') return void hanging.add(response);
      if (behaviour >= 200 && behaviour < 300) received.push(webhook);
      response.writeHead(behaviour).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    requests,
    behave: (next) => void (decide = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(receiver);
  return receiver;
}
