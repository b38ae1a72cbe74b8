import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { demoAccounts, sessionClaims } from './src/demo.ts';
import { handleAdminRequest } from './src/adminProxy.ts';
import { createWebhookLog } from './webhook-log.ts';

type ServerNode = typeof import('../packages/server/src/node/index');
type Backend = typeof import('../packages/backend/src/index');

/**
 * `npm start`: runs the real Latch server (SQLite in .latch/latch.db) beside
 * Vite and proxies its routes, so the page and the API share one origin and
 * the client token rides in an HttpOnly cookie. Also serves `/api/me`, a
 * route of "the app's own API" that checks session tokens with
 * @latch/backend; a webhook receiver (`/api/webhooks/latch`, every event but
 * `email.created`) whose log `GET /api/webhooks/log` shows read-only; and
 * `/api/admin/…`, the admin page's routes: this process
 * makes itself a secret key at start (revoked at close) and calls the admin
 * API with it, so the key never reaches the browser. `vite --mode mock`
 * skips all of this: the page then runs the mock backend in the browser.
 */
export function latchDevServer(options: { latchPort: number }): Plugin {
  const target = `http://127.0.0.1:${options.latchPort}`;
  return {
    name: 'latch-dev-server',
    apply: (_config, env) => env.command === 'serve' && env.mode !== 'mock',
    config: () => ({
      server: { proxy: { '/v1': target, '/.well-known': target, '/health': target } },
    }),
    async configureServer(vite) {
      // Loaded through Vite so the packages' TypeScript sources run without a build.
      const { serve, createLogger, readOAuthFile } = (await vite.ssrLoadModule('@latch/server/node')) as ServerNode;
      const { createLatchBackend, createLatchClient, verifyWebhook } = (await vite.ssrLoadModule('@latch/backend')) as Backend;
      const publicUrl = `http://localhost:${vite.config.server.port}`;
      const latch = await serve({
        port: options.latchPort,
        database: process.env.LATCH_DATABASE ?? '.latch/latch.db',
        publicUrl,
        allowedOrigins: [publicUrl],
        settings: { multiSession: true },
        sessionClaims,
        // Social sign-in: LATCH_OAUTH names a providers file (see the README); its callbackUrls must include this origin's sso-callback pages.
        ...(process.env.LATCH_OAUTH ? { oauth: readOAuthFile({ label: 'LATCH_OAUTH', value: process.env.LATCH_OAUTH }, process.env) } : {}),
        dev: true,
        logger: createLogger(terminalLog(vite.config.logLevel)),
      });
      await seedDemoAccounts(latch.latch);
      const secret = await webhookEndpoint(latch.latch, `${publicUrl}/api/webhooks/latch`);
      const webhooks = createWebhookLog({ secret: () => secret, verifyWebhook });
      vite.middlewares.use('/api/webhooks/latch', (req: IncomingMessage, res: ServerResponse) => webhooks.receive(req, res));
      vite.middlewares.use('/api/webhooks/log', (req: IncomingMessage, res: ServerResponse) => webhooks.list(req, res));
      const secretKey = await latch.latch.admin.secretKeys.create('playground dev server', 'test');
      vite.httpServer?.once('close', () => void latch.latch.admin.secretKeys.revoke(secretKey.info.id).finally(() => latch.close()));

      const api = createLatchBackend({ jwksUrl: `${target}/.well-known/jwks.json`, issuer: latch.publicUrl });
      const admin = createLatchClient({ secretKey: secretKey.key, apiUrl: target });
      vite.middlewares.use('/api/admin', (req: IncomingMessage, res: ServerResponse) => {
        // Connect strips the mount path; the handler wants the whole one. Its routes take no request body.
        const request = new Request(new URL(`/api/admin${req.url ?? ''}`, publicUrl), {
          method: req.method,
          headers: { authorization: req.headers.authorization ?? '' },
        });
        handleAdminRequest(request, admin, api.verifyToken).then(
          async (response) => sendJson(res, response.status, await response.json()),
          () => sendJson(res, 503, { errors: [{ code: 'internal_error', message: 'The admin API could not be reached.' }] }),
        );
      });
      vite.middlewares.use('/api/me', (req: IncomingMessage, res: ServerResponse) => {
        api.getAuth(req).then(
          (auth) => sendJson(res, auth ? 200 : 401, auth ?? { errors: [{ code: 'authentication_invalid', message: 'Sign in first.' }] }),
          () => sendJson(res, 503, { errors: [{ code: 'internal_error', message: 'Could not check the token.' }] }),
        );
      });
      printBanner(vite, target);
    },
  };
}

/** The demo accounts exist from the first start on; later starts find them. */
async function seedDemoAccounts(latch: Awaited<ReturnType<ServerNode['serve']>>['latch']) {
  for (const account of demoAccounts) {
    const existing = await latch.store.findBy('emailAddresses', 'verifiedEmail', account.emailAddress);
    if (!existing) await latch.admin.createUser(account);
    // Databases from before the admin page: give the demo admin her role.
    else if (account.publicMetadata) await latch.store.update('users', existing.userId, { publicMetadata: account.publicMetadata });
  }
}

/** The playground's own receiver, added afresh on each start (so its secret is known here). */
async function webhookEndpoint(latch: Awaited<ReturnType<ServerNode['serve']>>['latch'], url: string): Promise<string> {
  for (const endpoint of await latch.webhooks.list()) if (endpoint.url === url) await latch.webhooks.remove(endpoint.id);
  return (await latch.webhooks.add({ url, description: 'playground receiver' })).secret;
}

/**
 * The server's log, minus one line per request (the outbox panel polls twice a
 * second): emails with their codes, warnings and errors stay. When Vite itself
 * is told to be quiet (the browser tests), only errors are printed.
 */
function terminalLog(level: ViteDevServer['config']['logLevel']) {
  const quiet = level === 'error' || level === 'silent';
  return (line: string) => {
    const entry = JSON.parse(line) as { msg?: string; level?: string };
    if (entry.msg === 'request' || (quiet && entry.level !== 'error')) return;
    process.stdout.write(`${line}\n`);
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function printBanner(vite: ViteDevServer, target: string) {
  vite.config.logger.info(`  Latch server on ${target} (SQLite), proxied at /v1; email codes are logged and shown on the page.`);
}
