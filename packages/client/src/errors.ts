import type { ApiError, ErrorCode, ReverificationStrategy } from '@latch/protocol';

/**
 * The API answered with an error status. `code` is the first error's code, the
 * one a UI usually localizes; `errors` keeps them all (field errors carry
 * `meta.paramName`). Status 0: the browser, not the API, refused a passkey
 * prompt (`passkey_not_allowed`, `passkey_not_supported`, …).
 */
export class LatchAPIError extends Error {
  override readonly name = 'LatchAPIError';
  readonly code: ErrorCode;
  /** Seconds to wait before retrying, from the `Retry-After` header (429 user_locked). */
  readonly retryAfterSeconds?: number;
  /** For `reverification_required`: how the user can reverify (`session.reverify`). */
  readonly strategies?: ReverificationStrategy[];

  constructor(
    readonly status: number,
    readonly errors: ApiError[],
    retryAfterSeconds?: number,
  ) {
    const first = errors[0] ?? { code: 'internal_error', message: `HTTP ${status}` };
    super(first.longMessage ?? first.message);
    this.code = first.code;
    this.retryAfterSeconds = retryAfterSeconds ?? first.meta?.retryAfterSeconds;
    this.strategies = first.meta?.strategies;
  }
}

/** `fetch` itself failed: offline, DNS, CORS, aborted. Nothing reached the API, or no answer came back. */
export class LatchNetworkError extends Error {
  override readonly name = 'LatchNetworkError';
}

export function isLatchAPIError(e: unknown): e is LatchAPIError {
  return e instanceof LatchAPIError;
}

/**
 * A sensitive action (email, password, TOTP, backup codes, account deletion)
 * was refused because the session's last verification is too old: reverify
 * with one of `strategies` through `session.reverify()`, then retry.
 */
export function isReverificationError(e: unknown): e is LatchAPIError & { code: 'reverification_required'; strategies: ReverificationStrategy[] } {
  return isLatchAPIError(e) && e.code === 'reverification_required';
}

export function isLatchNetworkError(e: unknown): e is LatchNetworkError {
  return e instanceof LatchNetworkError;
}
