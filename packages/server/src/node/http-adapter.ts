import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CoreRequest } from '../core/http/request';
import type { PlainResponse } from '../core/http/respond';

/**
 * Bodies declared this small (Content-Length) are read in one go: a stream
 * costs more than the bytes. Larger or undeclared ones are streamed, so the
 * core's limit still holds without buffering them here.
 */
const bufferedBodyMaxBytes = 16 * 1024;

/**
 * The core's view of a Node request, without a Fetch `Request`: headers read
 * straight from the raw ones, joined as `Headers` would join them. The URL's
 * origin is the service's public URL, whatever Host the request claims:
 * behind a proxy the listener sees plain http and an internal host, while
 * cookies and the CSRF check must see what the browser sees.
 */
export function toCoreRequest(req: IncomingMessage, publicOrigin: string): CoreRequest {
  const method = req.method ?? 'GET';
  const headers = rawHeaderView(req.rawHeaders);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const declared = Number(headers.get('content-length') ?? Number.NaN);
  const small = hasBody && headers.get('transfer-encoding') === null && declared >= 0 && declared <= bufferedBodyMaxBytes;
  return {
    method,
    url: requestUrl(req, publicOrigin),
    headers,
    body: hasBody && !small ? bodyStream(req) : null,
    ...(small ? { bufferedBody: () => readWholeBody(req) } : {}),
  };
}

function requestUrl(req: IncomingMessage, publicOrigin: string): string {
  // Concatenated, not resolved: a request line such as `//evil.example/x` must stay a path on our origin.
  return new URL(`${publicOrigin}${req.url?.startsWith('/') ? req.url : '/'}`).href;
}

/** `get` as on Fetch `Headers`: names case-insensitive, repeated headers joined with ", ". */
function rawHeaderView(rawHeaders: readonly string[]): CoreRequest['headers'] {
  const values = new Map<string, string>();
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    const earlier = values.get(name);
    values.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { get: (name) => values.get(name.toLowerCase()) ?? null };
}

/** A small body, whole; fails with ClientDisconnected if the client goes before sending it all. */
function readWholeBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.once('error', (error) => {
      if (!settled) reject(new ClientDisconnected(error));
      settled = true;
    });
    req.once('close', () => {
      if (!settled) reject(new ClientDisconnected());
      settled = true;
    });
  });
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
  writePlainResponse(res, { status: response.status, headers: response.headers, body: null }, body);
}

/** Writes the core's response out as it is (no Fetch `Response` in between), each Set-Cookie as its own header line. */
export function writePlainResponse(res: ServerResponse, response: PlainResponse, bytes?: Buffer): void {
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const bodiless = response.status === 204 || response.status === 304;
  const body = bodiless ? undefined : (bytes ?? Buffer.from(response.body ?? '', 'utf8'));
  if (body) res.setHeader('content-length', body.byteLength);
  res.writeHead(response.status);
  res.end(body);
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
