import { isLatchAPIError, isLatchNetworkError } from '@latch/client';

/** What a form shows for a failed call: the API's own message, or a network hint. */
export function errorText(error: unknown): string {
  if (isLatchAPIError(error)) return error.errors[0]?.longMessage ?? error.errors[0]?.message ?? error.message;
  if (isLatchNetworkError(error)) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
