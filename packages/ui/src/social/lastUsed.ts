/**
 * The strategy this browser last finished a sign-in with ("Last used"), kept
 * in localStorage: it names a provider, never an account, so it tells a
 * shared computer's next user nothing they could not see on the button row.
 * Storage may be off (private mode, a sandboxed frame): then there is no badge.
 */
const key = 'latch:last-strategy';

export function lastUsedStrategy(): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function rememberStrategy(strategy: string): void {
  try {
    globalThis.localStorage?.setItem(key, strategy);
  } catch {
    // Nothing to remember it in: the badge just does not show.
  }
}
