import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/node/index';
import { runMain as run, tempDir, testEncryptionKey } from './helpers';

const builtCli = fileURLToPath(new URL('../../dist/node/cli.js', import.meta.url));

/** The `listening` log line of a starting server. */
function listeningLine(stdout: string): { msg: string; url: string; dev: boolean } {
  const line = stdout.split('\n').find((text) => text.includes('"msg":"Latch server listening'));
  if (!line) throw new Error(`not listening yet: ${stdout}`);
  return JSON.parse(line) as { msg: string; url: string; dev: boolean };
}

describe('latch-server', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
  function databaseFile(): string {
    const dir = tempDir();
    dirs.push(dir);
    return join(dir.path, 'data', 'latch.db');
  }

  it('--help lists the commands and every setting with its variable', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: latch-server \[command\]/m);
    for (const text of ['start', 'rotate-keys', 'migrate', '--port, LATCH_PORT', '--smtp-url, LATCH_SMTP_URL', '--settings, LATCH_SETTINGS']) {
      expect(stdout).toContain(text);
    }
  });

  it('stops with exit code 1 and a message naming the setting', async () => {
    expect(await run(['--port', 'abc'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "latch-server: LATCH_PORT / --port must be an integer 0–65535, got 'abc'\n",
    });
    const fromEnv = await run([], { LATCH_PUBLIC_URL: 'http://auth.example.com' });
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stderr).toMatch(/^latch-server: LATCH_PUBLIC_URL \/ --public-url must be an https URL/);
  });

  it('migrate creates the database and its folder', async () => {
    const database = databaseFile();
    const { code, stdout } = await run(['migrate'], { LATCH_DATABASE: database });
    expect(code).toBe(0);
    expect(stdout).toBe('The database schema is up to date.\n');
    expect(existsSync(database)).toBe(true);
  });

  it('start prints the URL, serves until stopped, then exits 0', async () => {
    let stdout = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const exit = main(['start', '--port', '0', '--database', databaseFile()], { NODE_ENV: 'production', LATCH_ENCRYPTION_KEY: testEncryptionKey }, {
      stdout: (text) => (stdout += text),
      untilStopped: () => stopped,
    });
    const listening = await vi.waitFor(() => listeningLine(stdout));
    expect(listening.msg).toBe(`Latch server listening on ${listening.url}`);
    expect(listening.dev).toBe(false);
    expect((await fetch(`${listening.url}/health`)).status).toBe(200);
    stop();
    expect(await exit).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });

  it('starts in production mode with an https public URL and no NODE_ENV: the outbox of emailed codes stays closed', async () => {
    let stdout = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const argv = ['start', '--port', '0', '--database', databaseFile(), '--public-url', 'https://auth.example.com'];
    const exit = main(argv, { LATCH_ENCRYPTION_KEY: testEncryptionKey }, { stdout: (text) => (stdout += text), untilStopped: () => stopped });
    const listening = await vi.waitFor(() => listeningLine(stdout));
    expect(listening.dev).toBe(false);
    expect((await fetch(`${listening.url}/v1/dev/outbox`)).status).toBe(404);
    stop();
    expect(await exit).toBe(0);
  });

  it('refuses to start in development mode when the public URL is not localhost, and says why', async () => {
    const { code, stdout, stderr } = await run(['start', '--dev', '--public-url', 'https://auth.example.com', '--database', databaseFile()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^latch-server: Development mode \(--dev\) is only allowed when the public URL is localhost or 127\.0\.0\.1/);
    expect(stderr).toContain('GET /v1/dev/outbox');
  });

  describe.skipIf(!existsSync(builtCli))('the built bin (skipped until `npm run build` has made dist/node/cli.js)', () => {
    function spawnCli(args: string[], env: Record<string, string> = {}) {
      const child = spawn(process.execPath, [builtCli, ...args], { env: { ...process.env, NODE_ENV: 'production', LATCH_ENCRYPTION_KEY: testEncryptionKey, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, exited, output: () => ({ stdout, stderr }) };
    }

    it('prints help and exits 0; exits 1 on a config error', async () => {
      const help = spawnCli(['--help']);
      expect(await help.exited).toBe(0);
      expect(help.output().stdout).toContain('Usage: latch-server');
      const bad = spawnCli([], { LATCH_PORT: 'abc' });
      expect(await bad.exited).toBe(1);
      expect(bad.output().stderr).toBe("latch-server: LATCH_PORT / --port must be an integer 0–65535, got 'abc'\n");
    });

    it('starts on SQLite, answers, and exits 0 on SIGTERM', async () => {
      const server = spawnCli(['--port', '0', '--database', databaseFile()]);
      try {
        const { url } = await vi.waitFor(() => listeningLine(server.output().stdout), { timeout: 10_000 });
        expect((await fetch(`${url}/health`)).status).toBe(200);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        expect(server.output().stdout).toContain('"msg":"stopped"');
      } finally {
        server.child.kill('SIGKILL');
      }
    });
  });
});
