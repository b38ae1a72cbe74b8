import type { IncomingMessage, ServerResponse } from 'node:http';

type VerifyWebhook = typeof import('../packages/backend/src/index').verifyWebhook;

/** One webhook as the log keeps it: what arrived, and whether its signature held. */
export interface LoggedWebhook {
  id: string | null;
  type: string | null;
  receivedAt: string;
  verified: boolean;
  /** The verification error's reason when it failed. */
  error: string | null;
  data: unknown;
}

/** How many webhooks the log keeps, newest first. */
const keep = 50;

/**
 * The app's side of webhooks, in the playground's dev server: a receiver
 * that verifies each delivery with `verifyWebhook` and keeps the last few in
 * memory, and a read-only JSON view of them for the playground's pages
 * (`GET /api/webhooks/log`). Nothing here changes the server.
 */
export function createWebhookLog(options: { secret: () => string; verifyWebhook: VerifyWebhook }) {
  const log: LoggedWebhook[] = [];
  return {
    entries: () => [...log],
    /** POST: the endpoint the Latch server delivers to. Answers 204, or 400 when the signature fails (so the server retries). */
    receive(req: IncomingMessage, res: ServerResponse): void {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks);
        const entry = (fields: Partial<LoggedWebhook>) => {
          log.unshift({ id: header(req, 'webhook-id'), type: null, receivedAt: new Date().toISOString(), verified: false, error: null, data: null, ...fields });
          log.length = Math.min(log.length, keep);
        };
        options.verifyWebhook({ headers: req.headers, rawBody }, { secret: options.secret() }).then(
          (event) => {
            entry({ type: event.type, verified: true, data: event.data });
            res.writeHead(204).end();
          },
          (error: { reason?: string; message?: string }) => {
            entry({ error: error.reason ?? error.message ?? 'failed' });
            res.writeHead(400).end();
          },
        );
      });
    },
    /** GET: the log, newest first. */
    list(req: IncomingMessage, res: ServerResponse): void {
      if (req.method !== 'GET') return void res.writeHead(405, { allow: 'GET' }).end();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ data: log }));
    },
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
