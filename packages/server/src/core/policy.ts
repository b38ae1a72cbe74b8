import { Limits } from '@latch/protocol';

/** At most `max` events per fixed window of `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Limits on what an unauthenticated caller can make the server do. They are
 * counted in the store, so every instance on one database shares them.
 */
export interface RateLimits {
  /** Emails with a code to one address: each costs a real email, so this stops mail bombing. */
  emailsPerAddress: RateLimit;
  /** Emails with a code asked for from one network address, to any addresses: stops one caller mailing many. */
  emailsPerIp: RateLimit;
  /** Sign-ins started from one network address: slows account enumeration. */
  signInsPerIp: RateLimit;
  /** Sign-ups started from one network address. */
  signUpsPerIp: RateLimit;
}

/** How long a session lives: it idles out without activity and ends at its absolute lifetime. */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
  /**
   * A token mint records the session's activity (`lastActiveAt`) only when
   * the stored one is at least this old, so most mints write nothing. The
   * idle timeout then holds to within this interval: a session may idle out
   * up to this much sooner than `idleMs` after its last mint, never later.
   */
  activityIntervalMs: number;
}

const tenMinutes = 10 * 60 * 1000;

export const defaultRateLimits: RateLimits = {
  emailsPerAddress: { max: 5, windowMs: tenMinutes },
  emailsPerIp: { max: 30, windowMs: tenMinutes },
  signInsPerIp: { max: 100, windowMs: tenMinutes },
  signUpsPerIp: { max: 20, windowMs: tenMinutes },
};

/** Step-up: a sensitive action needs a verification on the session within this long. */
export const defaultReverificationMaxAgeMs = Limits.reverificationMaxAgeMs;

export const defaultSessionLifetime: SessionLifetime = {
  idleMs: Limits.sessionIdleMs,
  absoluteMs: Limits.sessionAbsoluteMs,
  activityIntervalMs: 30_000,
};
