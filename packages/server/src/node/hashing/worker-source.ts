/**
 * The code of a password-hashing worker thread. It is handed to `new
 * Worker(..., { eval: true })` as text rather than kept as its own file, so
 * the same thing runs from the built package and from the TypeScript sources
 * under Vitest (Node 20 cannot load a .ts worker file). It must stay plain
 * CommonJS JavaScript with no imports but Node's own.
 *
 * pbkdf2Sync, not pbkdf2: the async form would queue on libuv's thread pool,
 * which is exactly what this thread exists to stay off.
 */
export const pbkdf2WorkerSource = `
const { parentPort } = require('node:worker_threads');
const { pbkdf2Sync } = require('node:crypto');
parentPort.on('message', ({ password, salt, iterations }) => {
  try {
    const derived = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
    parentPort.postMessage({ derived: Uint8Array.from(derived) });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;
