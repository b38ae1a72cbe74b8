import type { ApiErrorResponse } from '@latch/protocol';
import type { ApiFailure } from '../errors';

/**
 * A response as the core makes it: status, headers and the body as text.
 * `toFetchResponse` makes a Fetch `Response` of it for in-process hosts (the
 * mock, Next.js); the Node listener writes it out as is, without building
 * the Response and its stream only to read them back.
 */
export interface PlainResponse {
  status: number;
  headers: Headers;
  body: string | null;
}

export function jsonResponse(body: unknown, status = 200, headers = new Headers()): PlainResponse {
  headers.set('content-type', 'application/json; charset=utf-8');
  return { status, headers, body: JSON.stringify(body) };
}

export function errorResponse(failure: ApiFailure, headers = new Headers()): PlainResponse {
  const retryAfter = failure.error.meta?.retryAfterSeconds;
  if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
  const body: ApiErrorResponse = { errors: [failure.error] };
  return jsonResponse(body, failure.status, headers);
}

export function toFetchResponse(response: PlainResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}
