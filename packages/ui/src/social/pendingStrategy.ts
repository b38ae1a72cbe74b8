/**
 * The provider a redirect flow went to, for this tab only (sessionStorage):
 * the callback page does not know it from the URL, and needs it to mark the
 * provider "Last used" once signed in and for "Try again" after a failure.
 */
const key = 'latch:pending-strategy';

export function setPendingStrategy(strategy: string): void {
  try {
    sessionStorage.setItem(key, strategy);
  } catch {
    // No storage: no "Try again" after a failure, and no badge.
  }
}

export function pendingStrategy(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
