import type { ApiError, ErrorCode } from '@latch/protocol';

/**
 * The API answered with an error status. `code` is the first error's code, the
 * one a UI usually localizes; `errors` keeps them all (field errors carry
 * `meta.paramName`).
 */
export class LatchAPIError extends Error {
  override readonly name = 'LatchAPIError';
  readonly code: ErrorCode;
  /** Seconds to wait before retrying, from the `Retry-After` header (429 user_locked). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly errors: ApiError[],
    retryAfterSeconds?: number,
  ) {
    const first = errors[0] ?? { code: 'internal_error', message: `HTTP ${status}` };
    super(first.longMessage ?? first.message);
    this.code = first.code;
    this.retryAfterSeconds = retryAfterSeconds ?? first.meta?.retryAfterSeconds;
  }
}

/** `fetch` itself failed: offline, DNS, CORS, aborted. Nothing reached the API, or no answer came back. */
export class LatchNetworkError extends Error {
  override readonly name = 'LatchNetworkError';
}

export function isLatchAPIError(e: unknown): e is LatchAPIError {
  return e instanceof LatchAPIError;
}

export function isLatchNetworkError(e: unknown): e is LatchNetworkError {
  return e instanceof LatchNetworkError;
}
