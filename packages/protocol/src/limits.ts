/**
 * Security defaults from SECURITY.md, shared so the server enforces and the UI
 * describes the same numbers. An instance may configure most of them.
 * Plain literals, not `60 * 60 * 1000`: bundlers cannot prove arithmetic free
 * of side effects, so the whole table would ship in every app that imports
 * anything from this package, used or not.
 */
export const Limits = {
  passwordMinLength: 8,
  passwordMaxLength: 256,
  /** Consecutive failures (password, email code, TOTP, backup code) that lock an account. */
  lockoutThreshold: 10,
  lockoutMs: 3_600_000, // 1 hour
  emailCodeLength: 6,
  emailCodeTtlMs: 600_000, // 10 minutes
  emailCodeMaxAttempts: 5,
  backupCodeCount: 10,
  sessionTokenTtlSeconds: 60,
  clockSkewSeconds: 5,
  sessionIdleMs: 604_800_000, // 7 days
  sessionAbsoluteMs: 2_592_000_000, // 30 days
  /** Sensitive actions need the session's user to have proven itself this recently (step-up). */
  reverificationMaxAgeMs: 600_000, // 10 minutes
  maxBodyBytes: 102_400, // 100 KiB
  /** Longest name, username or email accepted; longer input is a 422, not a 500. */
  maxFieldLength: 256,
  maxImageBytes: 524_288, // 512 KiB
} as const;
