import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

export type PlaygroundMode = 'server' | 'mock';

export interface RunningPlayground {
  vite: ViteDevServer;
  /** The page's origin with a trailing slash, on localhost (the server's public URL: cookies and the CSRF origin check match). */
  url: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface PlaygroundOptions {
  /** The page's port, when the test must know it first (a provider's callback URLs); default a free one. */
  port?: number;
  /** More of the dev server's settings, as `npm start` reads them from the environment (LATCH_OAUTH, LATCH_LINK_ANY_DEVICE, …); unset again on close. */
  env?: Record<string, string>;
}

/**
 * What `npm start` (the real server on a fresh SQLite file, same-origin
 * through Vite's proxy, cookie mode) or `npm run start:mock` (the mock
 * backend in the page's service worker) serves, on free ports.
 */
export async function startPlayground(mode: PlaygroundMode, options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const dataDir = mkdtempSync(join(tmpdir(), 'latch-playground-'));
  const port = options.port ?? (await freePort());
  // The dev-server plugin reads these when Vite loads its config.
  const env = { ...options.env, LATCH_PORT: String(await freePort()), LATCH_DATABASE: join(dataDir, 'latch.db') };
  Object.assign(process.env, env);
  const vite = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root: fileURLToPath(new URL('..', import.meta.url)),
    mode: mode === 'mock' ? 'mock' : 'development',
    server: { port },
    logLevel: 'error',
  });
  await vite.listen();
  return {
    vite,
    url: `http://localhost:${port}/`,
    async close() {
      await vite.close();
      for (const name of Object.keys(env)) delete process.env[name];
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
