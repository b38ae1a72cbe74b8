/**
 * The code of a password-hashing worker thread. It is handed to `new
 * Worker(..., { eval: true })` as text rather than kept as its own file, so
 * the same thing runs from the built package and from the TypeScript sources
 * under Vitest (Node 20 cannot load a .ts worker file). It must stay plain
 * CommonJS JavaScript; the libraries it loads come by absolute path in
 * `workerData` (an eval'd worker resolves bare names from the working
 * directory, not from this package).
 *
 * Everything runs synchronously (argon2's, bcrypt's and node:crypto's Sync
 * forms): the async forms would queue on libuv's thread pool, which is
 * exactly what this thread exists to stay off. Each job is one `VerifyJob`
 * (formats.ts), `argon2-hash` or the core's `pbkdf2-derive`.
 */
export const hashingWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
let argon2, bcrypt;
const loadArgon2 = () => (argon2 ??= require(workerData.argon2));
const loadBcrypt = () => (bcrypt ??= require(workerData.bcryptjs));
const same = (a, b) => a.length === b.length && crypto.timingSafeEqual(a, b);
function scrypt(password, salt, length, N, r, p) {
  return crypto.scryptSync(password, salt, length, { N, r, p, maxmem: 256 * N * r * p + 1024 * 1024 });
}
function run(job) {
  switch (job.op) {
    case 'argon2-hash':
      return loadArgon2().hashSync(job.password, job.params);
    case 'argon2-verify':
      return loadArgon2().verifySync(job.stored, job.password);
    case 'bcrypt-verify':
      return loadBcrypt().compareSync(job.password, job.stored.replace(/^\\$2y\\$/, '$2b$'));
    case 'pbkdf2-derive':
      return Uint8Array.from(crypto.pbkdf2Sync(job.password, job.salt, job.iterations, 32, 'sha256'));
    case 'pbkdf2':
      return same(crypto.pbkdf2Sync(job.password, job.salt, job.iterations, job.expected.length, job.digest), job.expected);
    case 'scrypt':
      return same(scrypt(job.password, job.salt, job.expected.length, job.cost, job.blockSize, job.parallelization), job.expected);
    case 'firebase-scrypt': {
      // Firebase's variant: the scrypt key encrypts the project's signer key (AES-256-CTR, zero IV).
      const key = scrypt(job.password, job.salt, 32, 2 ** job.memCost, job.rounds, 1);
      const cipher = crypto.createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
      return same(Buffer.concat([cipher.update(job.signerKey), cipher.final()]), job.expected);
    }
    default:
      throw new Error('unknown hashing job ' + job.op);
  }
}
parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ result: run(job) });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;
