import { Limits } from '@latch/protocol';
import { fail } from '../errors';
import type { UserRecord } from '../store/records';
import type { ServerContext } from './context';

/** Failures older than this no longer count toward a lockout. */
const failureWindowMs = 24 * 60 * 60 * 1000;

/**
 * Runs one credential check (password, email code, TOTP, backup code) under
 * the account lockout: 10 consecutive failures lock the account for an hour.
 *
 * The failure counter is taken *before* the check, atomically, so 50 parallel
 * guesses cannot all be evaluated. Its key carries the end of the previous
 * lock: when a lock ends, every request sees the same fresh counter at once,
 * with no reset step that a slow request could race.
 */
export async function guardedAttempt(ctx: ServerContext, user: UserRecord, check: () => Promise<boolean>): Promise<boolean> {
  const now = ctx.now();
  if (user.lockedUntil !== null && user.lockedUntil > now) throw locked(user.lockedUntil - now);
  const key = `lockout:${user.id}:${user.lockedUntil ?? 0}`;
  const attempt = await ctx.store.increment(key, 1, failureWindowMs, now);
  if (attempt > Limits.lockoutThreshold) throw locked(Limits.lockoutMs);

  let passed = false;
  try {
    passed = await check();
  } finally {
    if (passed) await ctx.store.resetCounter(key);
    else if (attempt === Limits.lockoutThreshold) {
      await ctx.store.update('users', user.id, { lockedUntil: now + Limits.lockoutMs });
    }
  }
  return passed;
}

function locked(remainingMs: number) {
  return fail('user_locked', { retryAfterSeconds: Math.ceil(remainingMs / 1000) });
}
