import { Limits } from '@latch/protocol';
import { fail } from '../errors';
import type { UserRecord } from '../store/records';
import type { ServerContext } from './context';

/** Failures older than this no longer count toward a lockout. */
const failureWindowMs = 24 * 60 * 60 * 1000;
/** Checks in flight are counted per minute of the clock; see `reserveCheck`. */
const reservationBucketMs = 60 * 1000;
/** Outlives the two buckets that are ever read, so a late release never lands on an expired counter that is still read. */
const reservationTtlMs = 3 * reservationBucketMs;
/** How long a check waits for others in flight before answering 503; poll delays double up to the cap. */
const maxWaitMs = 3000;
const firstPollMs = 10;
const maxPollMs = 200;

/**
 * Runs one credential check (password, email code, TOTP, backup code) under
 * the account lockout: 10 failures of any factor lock the account for an
 * hour, and only a completed sign-in (`resetLockout`) clears them. A passed
 * check, a first factor included, clears nothing: knowing the password must
 * not buy more TOTP or backup-code guesses.
 *
 * Two counters per account, both keyed by the end of the previous lock (its
 * "epoch"), so when a lock ends every request sees fresh counters at once:
 * - failures: checks that failed;
 * - reservations: checks in flight. A check reserves a slot *before* it runs
 *   and releases it when done, pass or fail (a failure is recorded before
 *   the release, so it is never out of both counters).
 * A check runs only while failures + reservations ≤ 10. So of 50 parallel
 * wrong guesses at most 10 are ever evaluated: the last of any 11 to reserve
 * sees the others in one counter or the other. Parallel checks cannot be told
 * apart before they run, so excess is not treated as failure: while failures
 * alone are under 10, a check that finds no free slot releases its
 * reservation and waits (briefly, with bounded polling, because other
 * instances on the same store are not in this process to notify us) for the
 * checks ahead of it to finish. 12 concurrent correct sign-ins all succeed;
 * wrong guesses that pile up behind 10 failures see the lock. A request that
 * still finds no slot after `maxWaitMs` gets 503 with Retry-After.
 */
export async function guardedAttempt(ctx: ServerContext, user: UserRecord, check: () => Promise<boolean>): Promise<boolean> {
  const reservation = await reserveCheck(ctx, user);
  let passed = false;
  try {
    passed = await check();
  } finally {
    await endAttempt(ctx, user, reservation, passed);
  }
  return passed;
}

/**
 * `guardedAttempt` in two halves, for a flow that records the outcome in
 * the same transaction as its own writes (one commit instead of two): take
 * a slot before the check; `endAttempt` records a failure and frees the
 * slot. Call `endAttempt` exactly once, whatever happens (also when the
 * transaction it was meant for fails).
 */
export function beginAttempt(ctx: ServerContext, user: UserRecord): Promise<Reservation> {
  return reserveCheck(ctx, user);
}

/** A failure is recorded before the slot is freed, so a check is never out of both counters. */
export async function endAttempt(ctx: ServerContext, user: UserRecord, reservation: Reservation, passed: boolean): Promise<void> {
  if (!passed) await recordFailure(ctx, user, reservation.epoch);
  await release(ctx, reservation.key);
}

/** A completed sign-in (every required factor passed) starts the failure count again. */
export async function resetLockout(ctx: ServerContext, user: UserRecord): Promise<void> {
  await ctx.store.resetCounter(failuresKey(user.id, epochOf(user)));
}

/** No email goes out for a locked account: a code it could not use anyway, and one less way to mail-bomb its owner. */
export function assertNotLocked(ctx: ServerContext, user: UserRecord): void {
  const now = ctx.now();
  if (user.lockedUntil !== null && user.lockedUntil > now) throw locked(user.lockedUntil - now);
}

export interface Reservation {
  key: string;
  epoch: number;
}

/**
 * Reservations go to the counter of the current minute, and the count is
 * this minute's plus the previous minute's: every check still in flight
 * (checks take well under a minute) is in one of the two, and a reservation
 * lost to a crashed process stops counting after two minutes instead of
 * holding the account's slots for a day.
 */
async function reserveCheck(ctx: ServerContext, user: UserRecord): Promise<Reservation> {
  let waitedMs = 0;
  for (let pollMs = firstPollMs; ; pollMs = Math.min(pollMs * 2, maxPollMs)) {
    assertNotLocked(ctx, user);
    const now = ctx.now();
    const epoch = epochOf(user);
    const bucket = now - (now % reservationBucketMs);
    const key = reservationKey(user.id, epoch, bucket);
    const reserved = await ctx.store.increment(key, 1, reservationTtlMs, now);
    const earlier = await ctx.store.increment(reservationKey(user.id, epoch, bucket - reservationBucketMs), 0, reservationTtlMs, now);
    const failures = await ctx.store.increment(failuresKey(user.id, epoch), 0, failureWindowMs, now);
    if (failures + reserved + Math.max(0, earlier) <= Limits.lockoutThreshold) return { key, epoch };
    await release(ctx, key);
    if (failures >= Limits.lockoutThreshold) throw locked(Limits.lockoutMs);
    if (waitedMs >= maxWaitMs) throw fail('service_unavailable', { retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    waitedMs += pollMs;
  }
}

/** The failure that reaches the threshold sets the lock; the next epoch starts when it ends. */
async function recordFailure(ctx: ServerContext, user: UserRecord, epoch: number): Promise<void> {
  const now = ctx.now();
  const failures = await ctx.store.increment(failuresKey(user.id, epoch), 1, failureWindowMs, now);
  if (failures === Limits.lockoutThreshold) await ctx.store.update('users', user.id, { lockedUntil: now + Limits.lockoutMs });
}

async function release(ctx: ServerContext, key: string): Promise<void> {
  await ctx.store.increment(key, -1, reservationTtlMs, ctx.now());
}

function epochOf(user: UserRecord): number {
  return user.lockedUntil ?? 0;
}

function failuresKey(userId: string, epoch: number): string {
  return `lockout:${userId}:${epoch}`;
}

function reservationKey(userId: string, epoch: number, bucket: number): string {
  return `lockout-inflight:${userId}:${epoch}:${bucket}`;
}

function locked(remainingMs: number) {
  return fail('user_locked', { retryAfterSeconds: Math.ceil(remainingMs / 1000) });
}
