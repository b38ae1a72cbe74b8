// Another process writing to the same disk: 256 KB chunks, each flushed with
// fsync, in a file beside the databases, until it is told to stop (SIGTERM).
// The benchmark runs token mints meanwhile, to show what a server that flushes
// on the request path would suffer. Prints what it wrote when it stops.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const file = process.argv[2];
const chunk = randomBytes(256 * 1024);
const limit = 256 * 1024 * 1024; // start the file over past this size, so the disk never fills
const fd = openSync(file, 'w');
let written = 0;
let position = 0;
let stopping = false;
const started = performance.now();
process.on('SIGTERM', () => (stopping = true));
console.log(JSON.stringify({ url: 'http://disk-writer.invalid', file })); // the "I am running" line processes.mjs waits for

function burst() {
  // A burst between checks of the signal: the loop yields so SIGTERM is seen.
  for (let i = 0; i < 8 && !stopping; i++) {
    writeSync(fd, chunk, 0, chunk.length, position);
    fsyncSync(fd);
    written += chunk.length;
    position = (position + chunk.length) % limit;
  }
  if (!stopping) return setImmediate(burst);
  closeSync(fd);
  rmSync(file, { force: true });
  const seconds = (performance.now() - started) / 1000;
  console.error(`disk writer: ${(written / 2 ** 20 / seconds).toFixed(0)} MB/s with an fsync every 256 KB`);
  process.exit(0);
}
burst();
