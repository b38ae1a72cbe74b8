// `node scripts/bench-import.mjs [count] [database]`: imports `count` users
// (default 100,000) from a JSON Lines file with `latch-server users import`,
// run in this process from the built package, and prints users/s and the
// peak memory. The database is a fresh SQLite file unless a postgres:// URL
// is given. Hashes come from the real libraries, one per format, reused.
// Needs `npm run build -w packages/server`. Prints figures; asserts nothing.
import { randomBytes, scryptSync, pbkdf2Sync } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSync as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { main } from '../packages/server/dist/node/index.js';

const count = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'latch-bench-import-'));
const database = process.argv[3] ?? join(dir, 'latch.db');
const password = 'quiet-morning-tea-42';
const salt = randomBytes(16);
const hashes = [
  bcrypt.hashSync(password, 10),
  argon2Hash(password),
  `$scrypt$ln=15,r=8,p=1$${salt.toString('base64')}$${scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('base64')}`,
  `pbkdf2_sha256$600000$${salt.toString('hex')}$${pbkdf2Sync(password, salt.toString('hex'), 600_000, 32, 'sha256').toString('base64')}`,
];

const file = join(dir, 'users.jsonl');
const out = createWriteStream(file);
for (let i = 0; i < count; i++) {
  const line = JSON.stringify({ externalId: `legacy|${i}`, emailAddress: `user${i}@example.com`, passwordHash: hashes[i % hashes.length], firstName: `User ${i}` });
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let output = '';
const env = { LATCH_DATABASE: database, LATCH_DEV: '1', LATCH_HASH_THREADS: '1' };
const code = await main(['users', 'import', file], env, { stdout: (text) => (output += text), stderr: (text) => (output += text) });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`Latch users import · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${database.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`);
console.log(output.trim().split('\n').slice(-1)[0], `(exit ${code})`);
console.log(`${count.toLocaleString('en')} users (file ${mb(statSync(file).size)}) in ${seconds.toFixed(1)} s: ${Math.round(count / seconds).toLocaleString('en')} users/s`);
console.log(`memory: RSS ${mb(rssBefore)} before, peak ${mb(peakRss)} during the import (max RSS ${mb(process.resourceUsage().maxRSS * 1024)})`);
rmSync(dir, { recursive: true, force: true });
