import type { ApiErrorResponse } from '@latch/protocol';
import type { ApiFailure } from '../errors';

export function jsonResponse(body: unknown, status = 200, headers = new Headers()): Response {
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers });
}

export function errorResponse(failure: ApiFailure, headers = new Headers()): Response {
  const retryAfter = failure.error.meta?.retryAfterSeconds;
  if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
  const body: ApiErrorResponse = { errors: [failure.error] };
  return jsonResponse(body, failure.status, headers);
}
