import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/node/cli.js', import.meta.url));

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr. */
  output: () => string;
}

/**
 * Starts the built `latch-server` CLI as its own process (so a test can
 * SIGKILL it) on a free port, and resolves once it prints where it listens.
 */
export async function spawnServer(database: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does).`);
  const child = spawn(process.execPath, [cli, 'start', '--port', '0', '--database', database], {
    env: { ...process.env, LATCH_DEV: '1', LATCH_RATE_LIMIT_SIGN_UPS: '1000/10m', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 20_000);
    const look = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
  });
  return { url, process: child, output: () => output };
}

/** SIGKILL: no shutdown hook runs, nothing is flushed that was not already committed. */
export function kill(server: SpawnedServer): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once('exit', () => resolve());
    server.process.kill('SIGKILL');
  });
}

/** How the process ended, once it has: its signal (e.g. SIGKILL) or exit code. */
export function exited(server: SpawnedServer): Promise<NodeJS.Signals | number | null> {
  const { process: child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode ?? child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}
