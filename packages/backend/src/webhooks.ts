/**
 * Checks that a webhook came from your Latch server, by the Standard
 * Webhooks scheme (https://www.standardwebhooks.com): an HMAC-SHA256 of
 * `webhook-id.webhook-timestamp.body` under the endpoint's `whsec_` secret,
 * in `webhook-signature` as `v1,<base64>` (several, space-separated, while a
 * secret rotates). WebCrypto only: it runs in Node, edge runtimes and Deno.
 */

/** Why a webhook was refused; stable codes, safe to log. */
export type WebhookVerificationReason =
  /** `webhook-id`, `webhook-timestamp` or `webhook-signature` is missing. */
  | 'headers_missing'
  /** `webhook-timestamp` is not a number of seconds, or is further than the tolerance from now (a replay, or a clock that is off). */
  | 'timestamp_invalid'
  /** No signature in the header matches any of the secrets. */
  | 'signature_invalid'
  /** The signature fails and the body is not the bytes Latch sent: it was parsed and serialised again. */
  | 'body_altered'
  /** The body given is a parsed object, or was already read: verification needs the raw body. */
  | 'body_not_raw'
  /** A secret is not a `whsec_…` (or plain base64) secret. */
  | 'secret_invalid'
  /** The signature holds but the body is not JSON: not a Latch webhook. */
  | 'payload_invalid';

const rawBodyAdvice =
  'Verify the raw body exactly as received: `await request.text()` (fetch/Next.js route handlers) or `express.raw({ type: "application/json" })` (Express), not a parsed and re-serialised object.';

const messages: Record<WebhookVerificationReason, string> = {
  headers_missing: 'The webhook-id, webhook-timestamp and webhook-signature headers are required.',
  timestamp_invalid: 'The webhook-timestamp is invalid or too far from now (a replayed message, or a clock that is off).',
  signature_invalid: `No webhook signature matches the secret. Check that you use this endpoint's secret; if you did, the body may have been changed on the way. ${rawBodyAdvice}`,
  body_altered: `The signature does not match, and the body is not the compact JSON Latch sends: it looks parsed and serialised again (a body parser ran first). ${rawBodyAdvice}`,
  body_not_raw: `The webhook body given is a parsed object or was already read. ${rawBodyAdvice}`,
  secret_invalid: 'The webhook secret must be the whsec_… value shown when the endpoint was added or its secret rotated.',
  payload_invalid: 'The webhook body is not JSON.',
};

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason) {
    super(messages[reason]);
    this.reason = reason;
  }
}

export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  return value instanceof WebhookVerificationError;
}

/** Headers as `fetch` has them, or as Node's `IncomingMessage.headers` (lowercase names). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** For Node and Express: the headers and the body exactly as received (a string, or a Buffer/Uint8Array). */
export interface RawWebhook {
  headers: WebhookHeaders;
  rawBody: string | Uint8Array;
}

export interface VerifyWebhookOptions {
  /** The endpoint's `whsec_…` secret; during a rotation, both the new and the old one. */
  secret: string | readonly string[];
  /** How far `webhook-timestamp` may be from now, either way. Default 300 (5 minutes). */
  toleranceInSeconds?: number;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

/** What Latch sends: `{ type, timestamp, data }`. */
export interface LatchWebhookEvent<D = Record<string, unknown>> {
  type: string;
  /** ISO 8601: when the change happened. */
  timestamp: string;
  data: D;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Verifies a webhook and returns its parsed payload; throws a
 * `WebhookVerificationError` saying why not. Pass the `Request` itself (it
 * reads its body) or `{ headers, rawBody }`.
 */
export async function verifyWebhook<E = LatchWebhookEvent>(input: Request | RawWebhook, options: VerifyWebhookOptions): Promise<E> {
  const keys = await Promise.all((typeof options.secret === 'string' ? [options.secret] : [...options.secret]).map(importSecret));
  if (keys.length === 0) throw new WebhookVerificationError('secret_invalid');
  const { headers, body } = await readInput(input);
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('headers_missing');
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  const now = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.toleranceInSeconds ?? 300;
  if (!Number.isFinite(seconds) || Math.abs(now - seconds) > tolerance) throw new WebhookVerificationError('timestamp_invalid');

  const signed = concat(encoder.encode(`${id}.${timestamp}.`), body);
  const offered = signatures
    .split(' ')
    .map((entry) => entry.split(','))
    .filter(([version, value]) => version === 'v1' && value)
    .map(([, value]) => base64Bytes(value!))
    .filter((value): value is Uint8Array => value !== null);
  let valid = false;
  for (const key of keys) {
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, signed as BufferSource));
    // Every signature is compared, in constant time, whatever matched before.
    for (const signature of offered) valid = constantTimeEqual(expected, signature) || valid;
  }
  const text = decoder.decode(body);
  if (!valid) throw new WebhookVerificationError(looksReserialised(text) ? 'body_altered' : 'signature_invalid');
  try {
    return JSON.parse(text) as E;
  } catch {
    throw new WebhookVerificationError('payload_invalid');
  }
}

async function readInput(input: Request | RawWebhook): Promise<{ headers: WebhookHeaders; body: Uint8Array }> {
  if (typeof Request !== 'undefined' && input instanceof Request) {
    if (input.bodyUsed) throw new WebhookVerificationError('body_not_raw');
    return { headers: input.headers, body: new Uint8Array(await input.arrayBuffer()) };
  }
  const { headers, rawBody } = input as RawWebhook & { body?: unknown };
  if (typeof rawBody === 'string') return { headers, body: encoder.encode(rawBody) };
  if (rawBody instanceof Uint8Array) return { headers, body: rawBody };
  // `{ headers, rawBody: req.body }` after express.json(), or the Express request itself.
  throw new WebhookVerificationError('body_not_raw');
}

function header(headers: WebhookHeaders, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

async function importSecret(secret: string): Promise<CryptoKey> {
  const bytes = base64Bytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (!bytes || bytes.length === 0) throw new WebhookVerificationError('secret_invalid');
  return crypto.subtle.importKey('raw', bytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function base64Bytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** Latch sends `JSON.stringify` output: a JSON body that differs from its own compact form was re-serialised (pretty-printed, reordered…). */
function looksReserialised(text: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) !== text;
  } catch {
    return false;
  }
}
