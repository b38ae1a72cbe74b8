// Servers under benchmark, each its own process: the load never shares their event loop.
import { spawn } from 'node:child_process';

export const latchCli = new URL('../../packages/server/dist/node/cli.js', import.meta.url).pathname;

/** Starts `node script ...args` and resolves once it prints a JSON line with its `url`. */
export function startProcess(args, { env = {}, cwd } = {}) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (url) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        child.removeAllListeners('exit');
        resolve({ url, stop: () => new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done).kill('SIGTERM'))) });
      }
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output}`)));
  });
}

/** The built `latch-server` (or another build's CLI) in development mode (for its outbox), with rate limits the load cannot reach. */
export function startLatch(database, env = {}, cli = latchCli) {
  return startProcess([cli, 'start', '--port', '0', '--database', database], {
    env: { LATCH_DEV: '1', LATCH_RATE_LIMIT_SIGN_INS: '100000/10m', LATCH_RATE_LIMIT_SIGN_UPS: '1000/10m', ...env },
  });
}
