import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30 s. */
const period = 30;

function totp(secret: string, issuer = '', label = ''): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });
}

/** A fresh 160-bit secret, base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, issuer: string, label: string): string {
  return totp(secret, issuer, label).toString();
}

/** The 30-second time step `now` falls in. */
export function totpStepAt(now: number): number {
  return Math.floor(now / 1000 / period);
}

/**
 * The 30-second time step the code belongs to, accepting one step either side
 * for clock drift; null when the code is wrong. Callers record the step so a
 * code works only once.
 */
export function matchTotpStep(secret: string, code: string, now: number): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : totpStepAt(now) + delta;
}

/** The current code; for seeding tools and tests. */
export function generateTotpCode(secret: string, now: number): string {
  return totp(secret).generate({ timestamp: now });
}
