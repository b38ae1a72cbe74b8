import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../playground/test/chromium';
import { freePort, npmInstall, run, tarballDependencies } from './packs';

// A user's first Vite + React app: @latch/* from the packed tarballs (never
// the workspace), built for production, <SignIn/> on the mock backend in the
// page's service worker. It fails when a package misses a file, a dependency
// or an export that only the workspace provided.
const runnable = Boolean(chromiumPath) || process.env.CI === 'true';

const files: Record<string, string> = {
  'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fresh app</title></head>
<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`,
  'vite.config.js': `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({ plugins: [react()] });`,
  'src/main.tsx': `import { createRoot } from 'react-dom/client';
import { LatchProvider } from '@latch/react';
import { SignIn } from '@latch/ui';
import { createMockBackend } from '@latch/mock';
import { startMockWorker } from '@latch/mock/browser';

const backend = createMockBackend({ users: [{ emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada' }] });
await startMockWorker(backend, { quiet: true, onUnhandledRequest: 'bypass' });
createRoot(document.getElementById('root')!).render(
  <LatchProvider frontendApi={backend.url}><SignIn /></LatchProvider>,
);`,
  'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'ESNext', target: 'ES2022', moduleResolution: 'Bundler' } }),
};

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serveStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(root, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe.runIf(runnable)('a fresh Vite + React app on the packed tarballs', () => {
  const appDir = mkdtempSync(join(tmpdir(), 'latch-vite-app-'));
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(appDir, name, '..'), { recursive: true });
      writeFileSync(join(appDir, name), text);
    }
    const manifest = {
      name: 'fresh-vite-app',
      private: true,
      type: 'module',
      dependencies: { ...tarballDependencies(), react: '^19.2.0', 'react-dom': '^19.2.0', msw: '^2.15.0' },
      devDependencies: { vite: '^8.3.8', '@vitejs/plugin-react': '^6.3.0' },
    };
    writeFileSync(join(appDir, 'package.json'), JSON.stringify(manifest, null, 2));
    // The SQL drivers are optional peers of @latch/server: a browser app installs none of them.
    await npmInstall(appDir, ['--ignore-scripts']);
    mkdirSync(join(appDir, 'public'));
    cpSync(join(appDir, 'node_modules/msw/lib/mockServiceWorker.js'), join(appDir, 'public/mockServiceWorker.js'));
    await run('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: appDir });
    const port = await freePort();
    server = await serveStatic(join(appDir, 'dist'), port);
    url = `http://localhost:${port}/`;
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(appDir, { recursive: true, force: true });
  }, 30_000);

  it('installs nothing from the workspace', async () => {
    const { stdout } = await run('npm', ['ls', '--all', '--json'], { cwd: appDir });
    const tree = JSON.stringify(JSON.parse(stdout));
    expect(tree).not.toContain('/packages/');
    expect(tree).toContain('dist-packs/latch-ui-0.1.0.tgz');
  });

  it('renders <SignIn/>, and the mock backend in its service worker answers it', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Email address').fill('ada@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    // The next step exists only if the mock server core found the account.
    await page.getByRole('heading', { name: 'Enter your password' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.latch-identityPreviewText').textContent()).toBe('ada@example.com');
  });
});
