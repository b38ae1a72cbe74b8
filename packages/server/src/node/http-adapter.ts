import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * A Fetch `Request` for a Node request. The URL's origin is the service's
 * public URL, whatever Host the request claims: behind a proxy the listener
 * sees plain http and an internal host, while cookies and the CSRF check must
 * see what the browser sees. The body is streamed, so the core's size limit
 * holds without anything being buffered here.
 */
export function toFetchRequest(req: IncomingMessage, publicOrigin: string): Request {
  const headers = new Headers();
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    headers.append(req.rawHeaders[index] ?? '', req.rawHeaders[index + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  // Concatenated, not resolved: a request line such as `//evil.example/x` must stay a path on our origin.
  const url = new URL(`${publicOrigin}${req.url?.startsWith('/') ? req.url : '/'}`);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, body: hasBody ? bodyStream(req) : null, duplex: 'half' } as RequestInit);
}

/**
 * The request body as a web stream, read only as fast as the reader pulls.
 * Cancelling (the core does at 100 KB) just stops reading: Node discards the
 * rest once the response is sent, and the socket stays usable for that response.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      req.on('data', (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (!settled) controller.close();
        settled = true;
      });
      // Node reports a connection reset mid-body as an 'aborted' error on the request.
      req.once('error', (error) => {
        if (!settled) controller.error(new ClientDisconnected(error));
        settled = true;
      });
      req.once('close', () => {
        if (!settled) controller.error(new ClientDisconnected());
        settled = true;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      settled = true;
    },
  });
}

/**
 * The client closed the connection (or the listener's request timeout cut
 * it) before the whole body arrived: routine on the internet, not a fault of
 * ours, so it is logged at debug rather than as an error.
 */
export class ClientDisconnected extends Error {
  constructor(cause?: unknown) {
    super('The client went away before sending the whole body.', { cause });
    this.name = 'ClientDisconnected';
  }
}

/** Writes a Fetch `Response` out, with each Set-Cookie as its own header line. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (response.status !== 204 && response.status !== 304) res.setHeader('content-length', body.byteLength);
  res.writeHead(response.status);
  res.end(response.status === 204 || response.status === 304 ? undefined : body);
}

/**
 * Writes a Fetch `Response` straight onto a socket and closes it: for a
 * CONNECT request, which Node hands over as a bare socket instead of a
 * request/response pair.
 */
export async function writeRawResponse(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push(`content-length: ${body.byteLength}`, 'connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n')), body]));
}

/**
 * The caller's address for rate limits. Behind `trustProxy` proxies, it is the
 * entry the outermost trusted proxy appended to X-Forwarded-For: entries left
 * of it are whatever the client sent and cannot be trusted.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string | null {
  const socketAddress = req.socket.remoteAddress ?? null;
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy <= 0 || typeof forwarded !== 'string') return socketAddress;
  const hops = forwarded.split(',').map((entry) => entry.trim()).filter(Boolean);
  return hops[Math.max(0, hops.length - trustProxy)] ?? socketAddress;
}
