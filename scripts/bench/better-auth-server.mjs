// Better Auth on SQLite (better-sqlite3) behind `node:http`, for the side-by-side
// benchmark (scripts/bench/compare.mjs). Copied into bench/.compare/ and run
// from there, where better-auth is installed; better-sqlite3 resolves from the
// workspace. Its defaults except: no rate limit (the load comes from one
// address), WAL like Latch's SQLite store, and the JWT plugin (60 s tokens,
// GET /api/auth/token) without its header on every session read.
// Prints {"url": ...} once it listens.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { jwt } from 'better-auth/plugins';

const [file] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}`;
const auth = betterAuth({
  baseURL: url,
  secret: 'latch-benchmark-secret-not-for-production-use-0123456789',
  database: db,
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  plugins: [jwt({ jwt: { expirationTime: '60s' }, disableSettingJwtHeader: true })],
});
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
server.on('request', toNodeHandler(auth));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(JSON.stringify({ url }));
