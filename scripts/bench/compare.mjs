// `npm run bench:server -- --compare`: Latch and Better Auth side by side, on
// SQLite, through the same load from this process over loopback, in
// alternated rounds (each round starts with the next contender) so a machine
// that speeds up or slows down treats both alike. A third phase mints while
// another process writes to the same disk, flushing every 256 KB.
//
// Better Auth is never a dependency of this workspace: it is installed here,
// on demand, into bench/.compare/ (ignored by git), pinned to one version,
// and runs on the workspace's better-sqlite3. Each server is its own process.
// Prints figures; asserts nothing.
//
// Options: --rounds N (default 3), --seconds S per load phase (default 5),
// --connections C (default 32), --sign-ins N per round (default 10), and
// --baseline path/to/cli.js: another build of latch-server (say, main's) as a
// third contender, to measure a change against it in the same rounds.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedLoop, connectionPool, ms, percentile, send } from './load.mjs';
import { latchCli, startLatch, startProcess } from './processes.mjs';

const betterAuthVersion = '1.7.25';
const compareDir = new URL('../../bench/.compare/', import.meta.url).pathname;

function textOption(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const rounds = option('rounds', 3);
const seconds = option('seconds', 5);
const connections = option('connections', 32);
const signInsPerRound = option('sign-ins', 10);
const baselineCli = textOption('baseline');
const password = 'quiet-morning-tea-42';
const email = 'bench@example.com';

/** Better Auth, pinned, in its own folder: `npm install --prefix` the first time (or when the pin changes). */
function installBetterAuth() {
  mkdirSync(compareDir, { recursive: true });
  const manifest = { name: 'latch-bench-compare', private: true, type: 'module', dependencies: { 'better-auth': betterAuthVersion } };
  const installed = join(compareDir, 'node_modules/better-auth/package.json');
  const current = existsSync(installed) ? JSON.parse(readFileSync(installed, 'utf8')).version : null;
  writeFileSync(join(compareDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (current !== betterAuthVersion) {
    console.log(`Installing better-auth@${betterAuthVersion} into bench/.compare/ (not a workspace dependency)…`);
    execFileSync('npm', ['install', '--prefix', compareDir, '--no-audit', '--no-fund', '--no-package-lock'], { stdio: 'inherit' });
  }
  copyFileSync(new URL('./better-auth-server.mjs', import.meta.url), join(compareDir, 'server.mjs'));
}

/** Latch: a user signed up and in (header mode); the calls the load makes. */
async function latchTarget(url, name = 'Latch') {
  const agent = connectionPool(connections);
  const call = async (method, path, { token, body } = {}) => {
    const headers = { 'latch-requested-with': 'fetch' };
    if (token) headers.authorization = `Bearer ${token}`;
    const reply = await send(agent, url + path, { method, headers, body });
    return { ...reply, json: JSON.parse(reply.text), token: reply.headers['latch-client-token'] ?? token };
  };
  const created = await call('POST', '/v1/client/sign_ups', { body: { emailAddress: email, password } });
  let token = created.token;
  await call('POST', `/v1/client/sign_ups/${created.json.response.id}/prepare_verification`, { token, body: { strategy: 'email_code' } });
  const outbox = JSON.parse((await send(agent, `${url}/v1/dev/outbox`)).text);
  const code = outbox.filter((mail) => mail.to === email).at(-1).code;
  const done = await call('POST', `/v1/client/sign_ups/${created.json.response.id}/attempt_verification`, { token, body: { code } });
  token = done.token;
  const sessionId = done.json.response.createdSessionId;
  const ok = (reply, what) => {
    if (reply.status !== 200) throw new Error(`Latch ${what}: ${reply.status} ${reply.text}`);
    return true;
  };
  return {
    name,
    mint: async () => ok(await call('POST', `/v1/client/sessions/${sessionId}/tokens`, { token }), 'token mint'),
    read: async () => ok(await call('GET', '/v1/client', { token }), 'session read'),
    signIn: async () => {
      const reply = await call('POST', '/v1/client/sign_ins', { body: { identifier: email, password } });
      if (reply.json.response?.status !== 'complete') throw new Error(`Latch sign-in: ${reply.text}`);
    },
    close: () => agent.destroy(),
  };
}

/** Better Auth: the same user through its email-and-password routes, with its session cookie. */
async function betterAuthTarget(url) {
  const agent = connectionPool(connections);
  // Better Auth checks the Origin of cookie-carrying mutations against its base URL.
  const call = (method, path, { cookie, body } = {}) => send(agent, url + path, { method, headers: { origin: url, ...(cookie ? { cookie } : {}) }, body });
  const cookieOf = (reply) => (reply.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  const signedUp = await call('POST', '/api/auth/sign-up/email', { body: { email, password, name: 'Bench' } });
  if (signedUp.status !== 200) throw new Error(`Better Auth sign-up: ${signedUp.status} ${signedUp.text}`);
  const cookie = cookieOf(signedUp);
  const ok = (reply, what) => {
    if (reply.status !== 200) throw new Error(`Better Auth ${what}: ${reply.status} ${reply.text}`);
    return true;
  };
  const first = await call('GET', '/api/auth/token', { cookie });
  if (!JSON.parse(first.text).token) throw new Error(`Better Auth token: ${first.text}`);
  return {
    name: 'Better Auth',
    mint: async () => ok(await call('GET', '/api/auth/token', { cookie }), 'token mint'),
    read: async () => ok(await call('GET', '/api/auth/get-session', { cookie }), 'session read'),
    signIn: async () => {
      const reply = await call('POST', '/api/auth/sign-in/email', { body: { email, password } });
      if (reply.status !== 200 || !cookieOf(reply)) throw new Error(`Better Auth sign-in: ${reply.status} ${reply.text}`);
    },
    close: () => agent.destroy(),
  };
}

async function sequential(once, count) {
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await once();
    latencies.push(performance.now() - t);
  }
  return latencies;
}

const phaseNames = { mint: 'token mints  ', read: 'session reads', mintWhileDiskWrites: 'mints + disk ' };
const diskWriter = new URL('./disk-writer.mjs', import.meta.url).pathname;
const rate = (value) => `${Math.round(value).toLocaleString('en-US')}/s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

if (!existsSync(latchCli)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
installBetterAuth();
const folder = mkdtempSync(join(tmpdir(), 'latch-compare-'));
const servers = [];
try {
  servers.push(await startLatch(join(folder, 'latch.db')));
  servers.push(await startProcess([join(compareDir, 'server.mjs'), join(folder, 'better-auth.db')], { cwd: compareDir }));
  const targets = [await latchTarget(servers[0].url), await betterAuthTarget(servers[1].url)];
  if (baselineCli) {
    servers.push(await startLatch(join(folder, 'baseline.db'), {}, baselineCli));
    targets.push(await latchTarget(servers[2].url, 'baseline'));
  }
  console.log(
    `Latch vs Better Auth ${betterAuthVersion} · SQLite (WAL) on ${folder} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ` +
      `load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at the start`,
  );
  console.log(`${rounds} alternated rounds · ${connections} connections · ${seconds} s per phase · ${signInsPerRound} sequential sign-ins per round\n`);
  const totals = new Map(targets.map((target) => [target.name, { mint: [], read: [], mintWhileDiskWrites: [], mintRates: [], readRates: [], mintWhileDiskWritesRates: [], signIn: [] }]));
  for (let round = 1; round <= rounds; round++) {
    // Each round starts with the next contender, so none always runs first (or last).
    const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]);
    for (const phase of ['mint', 'read', 'mintWhileDiskWrites']) {
      for (const target of order) {
        const writer = phase === 'mintWhileDiskWrites' ? await startProcess([diskWriter, join(folder, 'disk-writer.bin')]) : null;
        const result = await closedLoop(phase === 'read' ? target.read : target.mint, { callers: connections, seconds }).finally(() => writer?.stop());
        const total = totals.get(target.name);
        total[phase].push(...result.latencies);
        total[`${phase}Rates`].push(result.perSecond);
        console.log(
          `round ${round} ${phaseNames[phase]} ${target.name.padEnd(11)} ${rate(result.perSecond).padStart(8)} ` +
            `p50 ${ms(percentile(result.latencies, 50))} p99 ${ms(percentile(result.latencies, 99))}`,
        );
      }
    }
    for (const target of order) totals.get(target.name).signIn.push(...(await sequential(target.signIn, signInsPerRound)));
  }
  console.log(`\nload average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at the end\n`);
  const summary = [...totals].map(([name, total]) => {
    for (const list of [total.mint, total.read, total.mintWhileDiskWrites, total.signIn]) list.sort((a, b) => a - b);
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return { name, mintRate: mean(total.mintRates), readRate: mean(total.readRates), diskRate: mean(total.mintWhileDiskWritesRates), ...total };
  });
  for (const s of summary) {
    console.log(
      `${s.name.padEnd(11)} token mints ${rate(s.mintRate)} (p50 ${ms(percentile(s.mint, 50))}, p99 ${ms(percentile(s.mint, 99))}) · ` +
        `session reads ${rate(s.readRate)} (p50 ${ms(percentile(s.read, 50))}, p99 ${ms(percentile(s.read, 99))}) · ` +
        `mints while another process writes to the disk ${rate(s.diskRate)} (p50 ${ms(percentile(s.mintWhileDiskWrites, 50))}, p99 ${ms(percentile(s.mintWhileDiskWrites, 99))}) · ` +
        `sign-in p50 ${ms(percentile(s.signIn, 50))}, p99 ${ms(percentile(s.signIn, 99))}`,
    );
  }
  const [latch, ...others] = summary;
  for (const other of others) {
    console.log(
      `Latch / ${other.name}: token mints ${ratio(latch.mintRate, other.mintRate)} the rate, session reads ${ratio(latch.readRate, other.readRate)} the rate, ` +
        `sign-in p50 ${ratio(percentile(latch.signIn, 50), percentile(other.signIn, 50))} the time`,
    );
  }
  for (const target of targets) target.close();
} finally {
  for (const server of servers) await server.stop();
  rmSync(folder, { recursive: true, force: true });
}
