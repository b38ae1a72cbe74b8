import { fail } from '../errors';
import type { CoreRequest } from './request';

export type JsonObject = Record<string, unknown>;

/**
 * Reads a JSON object body. Never buffers more than `maxBytes + 1` bytes, so
 * a 10 MB upload costs no more than a 100 KB one. An empty body is `{}`.
 */
export async function readJsonBody(request: CoreRequest, maxBytes: number): Promise<JsonObject> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw fail('body_too_large');
  const bytes = await readAtMost(request, maxBytes);
  if (bytes.length === 0) return {};
  if (!isJsonContentType(request.headers.get('content-type'))) throw fail('unsupported_content_type');
  return parseJsonObject(decodeUtf8(bytes));
}

/** A form POST body (`application/x-www-form-urlencoded`), as an object of its first values. */
export async function readFormBody(request: CoreRequest, maxBytes: number): Promise<JsonObject> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw fail('body_too_large');
  const bytes = await readAtMost(request, maxBytes);
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (bytes.length > 0 && mediaType !== 'application/x-www-form-urlencoded') throw fail('unsupported_content_type');
  const body: JsonObject = {};
  for (const [key, value] of new URLSearchParams(decodeUtf8(bytes))) {
    if (!forbiddenKeys.has(key) && !Object.hasOwn(body, key)) body[key] = value;
  }
  return body;
}

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

async function readAtMost(request: CoreRequest, maxBytes: number): Promise<Uint8Array> {
  if (request.bufferedBody) {
    const bytes = await request.bufferedBody();
    if (bytes.byteLength > maxBytes) throw fail('body_too_large');
    return bytes;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw fail('body_too_large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('invalid_json', { message: 'The request body is not valid UTF-8.' });
  }
}

/** Keys that could reach an object's prototype if the body were ever merged into another object. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export function parseJsonObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text, (key, inner: unknown) => (forbiddenKeys.has(key) ? undefined : inner));
  } catch {
    throw fail('invalid_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail('invalid_json', { message: 'The request body must be a JSON object.' });
  }
  return value as JsonObject;
}
