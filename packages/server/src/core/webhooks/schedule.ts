/**
 * When a failed delivery is tried again: the delay after each failed
 * attempt, the schedule Svix and the Standard Webhooks guide use. The first
 * attempt is immediate; after the 8th failure (about 27½ hours after the
 * event) the delivery is marked failed and its endpoint failing.
 */
export const webhookRetryDelaysMs: readonly number[] = [
  5_000, // 5 s
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3_600_000, // 2 h
  5 * 3_600_000, // 5 h
  10 * 3_600_000, // 10 h
  10 * 3_600_000, // 10 h
];

/** When to try again after `attempts` failed attempts, or null when the schedule is used up. */
export function nextAttemptDelay(attempts: number, delays: readonly number[] = webhookRetryDelaysMs): number | null {
  return delays[attempts - 1] ?? null;
}
