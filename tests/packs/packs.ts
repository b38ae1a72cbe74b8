import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Helpers for tests that install @latch/* the way a user's app does: from the `npm run pack` tarballs. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const packsDir = join(repoRoot, 'dist-packs');

export const run = promisify(execFile);

/** `{ '@latch/react': 'file:/…/dist-packs/latch-react-0.1.0.tgz', … }` for every packed package. */
export function tarballDependencies(): Record<string, string> {
  const entries = readdirSync(packsDir)
    .filter((file) => file.endsWith('.tgz'))
    .map((file) => [`@latch/${/^latch-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(file)![1]}`, `file:${join(packsDir, file)}`]);
  return Object.fromEntries(entries);
}

/** `npm install` in an app folder; the cache answers most of it, so it stays offline-friendly and quick. */
export async function npmInstall(dir: string, extraArgs: string[] = []): Promise<void> {
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...extraArgs], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A browser without a browser: fetch with a cookie jar, for an app whose
 * Latch API is at `/api/latch`. Mutations carry the Origin and the custom
 * header the API's CSRF check asks of cookie-authenticated requests.
 */
export function apiClient(baseUrl: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        origin: baseUrl,
        'latch-requested-with': 'fetch',
        ...(jar.size ? { cookie: cookie() } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (!value || /;\s*Max-Age=0\b/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  return {
    call,
    jar,
    cookie,
    /** A page load, as a browser asks for it. */
    page: (path: string) => call('GET', path, undefined, { accept: 'text/html' }),
    async signIn(identifier: string, password: string): Promise<void> {
      const res = await call('POST', '/api/latch/v1/client/sign_ins', { identifier, password });
      if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    },
  };
}

/**
 * Copies an app out of the repository (so the repository stays clean) and
 * installs it as a user would, with every @latch/* from the packed tarballs.
 */
export async function installApp(sourceDir: string, appDir: string): Promise<void> {
  cpSync(sourceDir, appDir, {
    recursive: true,
    filter: (source) => !/\/(node_modules|\.next|\.latch)(\/|$)/.test(source.slice(sourceDir.length)),
  });
  const manifestPath = join(appDir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
  const packed = tarballDependencies();
  for (const name of Object.keys(manifest.dependencies)) {
    if (name.startsWith('@latch/')) manifest.dependencies[name] = packed[name]!;
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  await npmInstall(appDir, ['--ignore-scripts']);
  // better-sqlite3 compiles from source for ~90 s; the workspace already has the same version built.
  const workspaceDriver = join(repoRoot, 'node_modules/better-sqlite3');
  const appDriver = join(appDir, 'node_modules/better-sqlite3');
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (existsSync(join(workspaceDriver, 'build/Release')) && version(workspaceDriver) === version(appDriver)) {
    cpSync(join(workspaceDriver, 'build'), join(appDriver, 'build'), { recursive: true });
  } else {
    await run('npm', ['rebuild', 'better-sqlite3'], { cwd: appDir });
  }
}

/** `next build`; resolves to what it printed (warnings included). */
export async function nextBuild(appDir: string): Promise<string> {
  const { stdout, stderr } = await run('node', ['node_modules/next/dist/bin/next', 'build'], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout + stderr;
}

export interface RunningApp {
  url: string;
  stop: () => void;
  /** Everything the app printed so far. */
  log: () => string;
}

function stopGroup(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

/** `next start` with its own environment (LATCH_FRONTEND_API on its port by default); resolves once it answers. */
export async function startApp(appDir: string, env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  let output = '';
  // Its own process group, so stopping it also stops any worker it forks.
  const child = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    cwd: appDir,
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LATCH_FRONTEND_API: `http://localhost:${port}/api/latch`, ...env },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await fetch(`${url}/logo.svg`).then((res) => res.ok, () => false);
    if (up) return { url, stop: () => stopGroup(child), log: () => output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stopGroup(child);
  throw new Error(`next start did not come up:\n${output}`);
}
