// The load side of the server benchmarks: keep-alive HTTP/1.1 over loopback
// through `node:http` (far cheaper per request than fetch, so the load
// process takes less of the CPU the server needs), and the figures.
import { Agent, request as httpRequest } from 'node:http';

/** A keep-alive agent that opens at most `connections` sockets: that many callers, that many connections. */
export function connectionPool(connections) {
  return new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** One request; resolves to { status, headers, text }. */
export function send(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const target = new URL(url);
    const req = httpRequest(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers: payload ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length } : headers,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * `callers` loops calling `once()` for `seconds` (and at most `maxCalls` in
 * all); each call must resolve to true. Returns the rate and the latencies.
 */
export async function closedLoop(once, { callers, seconds, maxCalls = 1_000_000 }) {
  const latencies = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline && latencies.length < maxCalls) {
        const t = performance.now();
        await once();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, latencies, count: latencies.length, seconds: elapsed };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const ms = (value) => `${value.toFixed(1)} ms`;
