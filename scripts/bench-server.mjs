// `npm run bench:server`: throughput and latency of the built Latch server on
// loopback, on SQLite and on PostgreSQL, with the production password hashing.
// The server runs as its own process (the CLI); this process is the load.
// Every loop is bounded in count and time. Prints figures; asserts nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectionPool, ms, percentile, send } from './bench/load.mjs';
import { latchCli as cli, startLatch as startServer } from './bench/processes.mjs';

const adminUrl = process.env.LATCH_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const concurrency = 16;
const refreshSeconds = 5;
const maxRefreshes = 50_000;
const signIns = 20;
const password = 'quiet-morning-tea-42';
// The storm: wrong-password sign-ins all at once, spread over accounts so none
// reaches the lockout (10 failures), so every one of them costs a full hash.
const stormSignIns = 100;
const stormAccounts = 12;
const wrongPerAccount = Math.ceil(stormSignIns / stormAccounts);

/**
 * Keep-alive connections through `node:http`, as many as there are callers:
 * far less CPU per request than fetch, which on a 2-core machine would make
 * the load process, not the server, the bottleneck.
 */
const agent = connectionPool(Infinity);

/** A browser in header mode: keeps the client token the server hands out. */
function browser(url) {
  let token = null;
  return async (method, path, body) => {
    const headers = { 'latch-requested-with': 'fetch' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await send(agent, url + path, { method, headers, body });
    token = response.headers['latch-client-token'] ?? token;
    return { status: response.status, json: JSON.parse(response.text) };
  };
}

async function signUp(url, email) {
  const call = browser(url);
  const created = await call('POST', '/v1/client/sign_ups', { emailAddress: email, password });
  const id = created.json.response.id;
  await call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
  const outbox = JSON.parse((await send(agent, `${url}/v1/dev/outbox`)).text);
  const code = outbox.filter((e) => e.to === email).at(-1).code;
  const done = await call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code });
  return { call, sessionId: done.json.response.createdSessionId };
}

/**
 * 100 concurrent wrong-password sign-ins with the production hashing, while
 * one caller keeps minting session tokens: how long a mint waits behind them.
 */
async function signInStorm(url, call, sessionId) {
  if (wrongPerAccount >= 10) throw new Error('the storm would lock accounts: add accounts');
  const accounts = ['bench@example.com'];
  for (let i = 1; i < stormAccounts; i++) {
    await signUp(url, `storm${i}@example.com`);
    accounts.push(`storm${i}@example.com`);
  }
  const mints = [];
  let storming = true;
  const minting = (async () => {
    while (storming) {
      const t = performance.now();
      const reply = await call('POST', `/v1/client/sessions/${sessionId}/tokens`);
      if (reply.status !== 200) throw new Error(`token mint failed: ${JSON.stringify(reply.json)}`);
      mints.push(performance.now() - t);
    }
  })();
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: stormSignIns }, async (_, i) => {
      const reply = await browser(url)('POST', '/v1/client/sign_ins', { identifier: accounts[i % accounts.length], password: 'wrong-password-123' });
      return reply.status;
    }),
  );
  const stormSeconds = (performance.now() - started) / 1000;
  storming = false;
  await minting;
  mints.sort((a, b) => a - b);
  const refused = statuses.filter((status) => status === 503).length;
  const unexpected = statuses.filter((status) => status !== 503 && status !== 422);
  if (unexpected.length > 0) throw new Error(`storm sign-ins answered ${[...new Set(unexpected)].join(', ')}`);
  return { mints, stormSeconds, refused };
}


async function measure(name, database) {
  const server = await startServer(database);
  try {
    const { call, sessionId } = await signUp(server.url, 'bench@example.com');
    // Token refreshes: `concurrency` callers in a loop, bounded by time and count.
    const latencies = [];
    const deadline = performance.now() + refreshSeconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline && latencies.length < maxRefreshes) {
          const t = performance.now();
          const reply = await call('POST', `/v1/client/sessions/${sessionId}/tokens`);
          if (reply.status !== 200) throw new Error(`token refresh failed: ${JSON.stringify(reply.json)}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    // Sign-ins with the production hashing (PBKDF2-SHA256, 600,000 iterations), one at a time.
    const signInLatencies = [];
    for (let i = 0; i < signIns; i++) {
      const t = performance.now();
      const reply = await browser(server.url)('POST', '/v1/client/sign_ins', { identifier: 'bench@example.com', password });
      if (reply.json.response?.status !== 'complete') throw new Error(`sign-in failed: ${JSON.stringify(reply.json)}`);
      signInLatencies.push(performance.now() - t);
    }
    signInLatencies.sort((a, b) => a - b);
    const storm = await signInStorm(server.url, call, sessionId);
    console.log(
      `${name.padEnd(10)} token refreshes: ${Math.round(latencies.length / seconds)}/s ` +
        `(p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, ${concurrency} concurrent, ${latencies.length} in ${seconds.toFixed(1)} s) · ` +
        `sign-in: p50 ${ms(percentile(signInLatencies, 50))}, p99 ${ms(percentile(signInLatencies, 99))} (${signIns} sequential)`,
    );
    console.log(
      `${''.padEnd(10)} token mints during ${stormSignIns} concurrent wrong-password sign-ins: ` +
        `p50 ${ms(percentile(storm.mints, 50))}, p99 ${ms(percentile(storm.mints, 99))} (${storm.mints.length} mints in ${storm.stormSeconds.toFixed(1)} s; ` +
        `${storm.refused} sign-ins answered 503 by the full hashing queue)`,
    );
  } finally {
    await server.stop();
  }
}

async function pgAdmin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (process.argv.includes('--compare')) {
  await import('./bench/compare.mjs');
  process.exit(0);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Latch server benchmark · Node ${process.version} · ${cpus().length} × ${cpu} · loopback`);
try {
  readFileSync(cli);
} catch {
  console.error('Build first: npm run build');
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'latch-bench-'));
try {
  await measure('SQLite', join(folder, 'latch.db'));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const database = `latch_bench_${randomBytes(6).toString('hex')}`;
try {
  await pgAdmin(`CREATE DATABASE ${database}`);
} catch (error) {
  console.log(`PostgreSQL   skipped: no server at ${adminUrl} (${error.message}); set LATCH_TEST_PG_URL`);
  process.exit(0);
}
try {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await measure('PostgreSQL', url.toString());
} finally {
  await pgAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
