import { fail } from '../errors';
import type { RateLimits } from '../policy';
import type { ServerContext } from './context';

/**
 * Counts one event for `subject` and refuses it with a 429 once the limit is
 * passed. Windows are aligned to the clock, so every instance agrees on the
 * counter's key and Retry-After is the exact time left in the window. A
 * subject of null (the host did not say who the caller is) is not limited.
 */
export async function assertWithinRateLimit(ctx: ServerContext, limit: keyof RateLimits, subject: string | null): Promise<void> {
  if (subject === null) return;
  const { max, windowMs } = ctx.rateLimits[limit];
  const now = ctx.now();
  const windowStart = now - (now % windowMs);
  const count = await ctx.store.increment(`rate:${limit}:${subject}:${windowStart}`, 1, windowMs, now);
  if (count > max) {
    throw fail('too_many_requests', { retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) });
  }
}
