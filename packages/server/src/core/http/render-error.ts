import { ApiFailure, fail } from '../errors';
import { StoreUnavailable } from '../store/store';
import { errorResponse } from './respond';
import { MethodNotAllowed } from './router';

/**
 * Any throw from a request, as a response: expected failures with their code,
 * 405 with `Allow`, 503 for a store fault, and 500 for the rest (after telling
 * `onError`, which may not throw its way out of here).
 */
export function renderError(error: unknown, headers: Headers, onError: (error: unknown) => void): Response {
  if (error instanceof ApiFailure) return errorResponse(error, headers);
  if (error instanceof MethodNotAllowed) {
    if (error.allowed.length > 0) headers.set('allow', error.allowed.join(', '));
    return errorResponse(fail('method_not_allowed'), headers);
  }
  // A database that is down, locked or full: the request was fine, so say
  // "try again shortly" rather than report a bug.
  if (error instanceof StoreUnavailable) return errorResponse(fail('service_unavailable', { retryAfterSeconds: error.retryAfterSeconds }), headers);
  try {
    onError(error);
  } catch {
    // A failing logger must not turn a 500 into a thrown handler.
  }
  return errorResponse(fail('internal_error'), headers);
}
