import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
