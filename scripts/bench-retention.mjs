// `node scripts/bench-retention.mjs [users] [sign-ins per day] [days]`: the
// storage a Latch SQLite database needs over time. It builds `users`
// (default 100,000) users with a verified email and a password, prints the
// database size (the live data), then simulates `days` (default 30) days of
// sign-ins through the real server core with a simulated clock: each sign-in
// comes from a new browser, a quarter of them sign out the same day, and
// abandoned sign-ins and sign-ups come along, while the retention sweep runs
// every simulated hour, as the service's timer would. It prints the size
// again and what the sweep deleted. Hashing is the development setting and
// SQLite does not sync to disk here: the figures are sizes, not speeds.
// Needs `npm run build -w packages/server`. Prints figures; asserts nothing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLatchServer, devOnlyFastHashing } from '../packages/server/dist/index.js';
import { SqliteStore } from '../packages/server/dist/node/index.js';

const users = Number(process.argv[2] ?? 100_000);
const signInsPerDay = Number(process.argv[3] ?? 1_000);
const days = Number(process.argv[4] ?? 30);
const hour = 60 * 60 * 1000;
const day = 24 * hour;
const dir = mkdtempSync(join(tmpdir(), 'latch-bench-retention-'));
const filename = join(dir, 'latch.db');
const store = new SqliteStore({ filename });
const db = store['db'];
db.pragma('synchronous = OFF');

let now = Date.UTC(2026, 0, 1);
const password = 'quiet-morning-tea-42';
const server = createLatchServer({
  issuer: 'https://auth.example.com',
  store,
  now: () => now,
  hashing: devOnlyFastHashing,
  rateLimits: { signInsPerIp: { max: 1e9, windowMs: hour }, signUpsPerIp: { max: 1e9, windowMs: hour }, emailsPerIp: { max: 1e9, windowMs: hour }, emailsPerAddress: { max: 1e9, windowMs: hour } },
});

function size() {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true });
  const used = (db.pragma('page_count', { simple: true }) - db.pragma('freelist_count', { simple: true })) * pageSize;
  const rows = Object.fromEntries(['users', 'email_addresses', 'clients', 'sessions', 'sign_ins', 'sign_ups', 'verifications'].map((t) => [t, db.prepare(`SELECT count(*) FROM latch_${t}`).pluck().get()]));
  return { file: statSync(filename).size, used, rows };
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const describe = (s) => `${mb(s.file)} file (${mb(s.used)} in use); rows: ${Object.entries(s.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`;

// The live data: users with a verified primary email and a password, written in large transactions.
const hash = await devOnlyFastHashing.hash(password);
for (let start = 0; start < users; start += 1000) {
  await store.transaction(async (tx) => {
    for (let i = start; i < Math.min(users, start + 1000); i++) {
      const id = `user_${i}`;
      const email = `user${i}@example.com`;
      await tx.insert('emailAddresses', { id: `idn_${i}`, userId: id, emailAddress: email, verifiedEmail: email, verification: { status: 'verified', strategy: 'email_code', attempts: 0, expireAt: null, codeId: null }, createdAt: now });
      await tx.insert('users', { id, firstName: `User`, lastName: `${i}`, username: null, imageUrl: null, primaryEmailAddressId: `idn_${i}`, passwordHash: hash, totpSecret: null, pendingTotpSecret: null, lockedUntil: null, createdAt: now, updatedAt: now, lastSignInAt: null });
    }
  });
}
const before = size();
console.log(`Latch storage over time · SQLite · ${users.toLocaleString('en')} users, ${signInsPerDay.toLocaleString('en')} sign-ins a day for ${days} days, sweep every hour`);
console.log(`live data:        ${describe(before)}`);

async function call(token, method, path, body) {
  const headers = new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (body) headers.set('content-type', 'application/json');
  const response = await server.handler(new Request(`https://auth.example.com${path}`, { method, headers, body: body && JSON.stringify(body) }));
  return { token: response.headers.get('latch-client-token') ?? token, json: await response.json(), status: response.status };
}

const deleted = { signIns: 0, signUps: 0, verifications: 0, sessions: 0, clients: 0, batches: 0 };
let failures = 0;
const started = performance.now();
for (let d = 0; d < days; d++) {
  const dayStart = now;
  const toSignOut = [];
  for (let h = 0; h < 24; h++) {
    now = dayStart + h * hour;
    const count = Math.round(signInsPerDay / 24);
    for (let i = 0; i < count; i++) {
      const user = Math.floor(Math.random() * users);
      const signIn = await call(null, 'POST', '/v1/client/sign_ins', { identifier: `user${user}@example.com`, password });
      if (signIn.status !== 200) failures++;
      else if (Math.random() < 0.25) toSignOut.push([signIn.token, signIn.json.response.createdSessionId]);
      // One in ten gives up after the identifier; one in fifty starts a sign-up and never finishes.
      if (Math.random() < 0.1) await call(null, 'POST', '/v1/client/sign_ins', { identifier: `user${user}@example.com` });
      if (Math.random() < 0.02) {
        const signUp = await call(null, 'POST', '/v1/client/sign_ups', { emailAddress: `new${d}-${h}-${i}@example.com`, password });
        await call(signUp.token, 'POST', `/v1/client/sign_ups/${signUp.json.response.id}/prepare_verification`, { strategy: 'email_code' });
      }
    }
    if (h === 23) for (const [token, sessionId] of toSignOut.splice(0)) await call(token, 'POST', `/v1/client/sessions/${sessionId}/end`);
    const report = await server.admin.purgeExpired();
    for (const key of Object.keys(deleted)) deleted[key] += report[key];
  }
  now = dayStart + day;
}
const after = size();
const seconds = (performance.now() - started) / 1000;
console.log(`after ${days} days:    ${describe(after)}`);
console.log(`ratio to the live data: ${(after.file / before.file).toFixed(2)}× the file, ${(after.used / before.used).toFixed(2)}× in use (target ≤ 2×)`);
console.log(`the sweep deleted: ${Object.entries(deleted).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(', ')}`);
console.log(`(${(signInsPerDay * days).toLocaleString('en')} sign-ins simulated in ${seconds.toFixed(0)} s${failures ? `; ${failures} failed` : ''})`);
store.close();
rmSync(dir, { recursive: true, force: true });
