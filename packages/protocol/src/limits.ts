/**
 * Security defaults from SECURITY.md, shared so the server enforces and the UI
 * describes the same numbers. An instance may configure most of them.
 */
export const Limits = {
  passwordMinLength: 8,
  passwordMaxLength: 256,
  /** Consecutive failures (password, email code, TOTP, backup code) that lock an account. */
  lockoutThreshold: 10,
  lockoutMs: 60 * 60 * 1000,
  emailCodeLength: 6,
  emailCodeTtlMs: 10 * 60 * 1000,
  emailCodeMaxAttempts: 5,
  backupCodeCount: 10,
  sessionTokenTtlSeconds: 60,
  clockSkewSeconds: 5,
  sessionIdleMs: 7 * 24 * 60 * 60 * 1000,
  sessionAbsoluteMs: 30 * 24 * 60 * 60 * 1000,
  /** Sensitive actions need the session's user to have proven itself this recently (step-up). */
  reverificationMaxAgeMs: 10 * 60 * 1000,
  maxBodyBytes: 100 * 1024,
  /** Longest name, username or email accepted; longer input is a 422, not a 500. */
  maxFieldLength: 256,
  maxImageBytes: 512 * 1024,
  /** Largest public, private or unsafe metadata object, as UTF-8 JSON. */
  maxMetadataBytes: 8 * 1024,
} as const;
