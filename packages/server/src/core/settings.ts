import { Limits, type EmailVerificationSettings, type EnvironmentJSON } from '@latch/protocol';

/**
 * What an instance can configure. Today it is exactly what the UI renders
 * from, so `GET /v1/environment` returns it as is.
 */
export type InstanceSettings = EnvironmentJSON & { emailVerification: EmailVerificationSettings };

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export const defaultSettings: InstanceSettings = {
  applicationName: 'Latch',
  identifiers: { emailAddress: true, username: false },
  firstFactors: { password: true, emailCode: true, passkey: false },
  // Links are opt-in; a link opened elsewhere finishes in the browser that asked for it.
  emailVerification: { method: 'code', linkCompletesOnOtherDevice: false },
  signUp: {
    enabled: true,
    fields: { emailAddress: 'required', password: 'required', firstName: 'optional', lastName: 'optional', username: 'off' },
  },
  passwordPolicy: { minLength: Limits.passwordMinLength, maxLength: Limits.passwordMaxLength, rejectCommon: true },
  mfa: { enabled: true, totp: true, backupCodes: true },
  multiSession: false,
  enumerationProtection: true,
  branding: { logoUrl: null, termsUrl: null, privacyUrl: null, helpUrl: null },
  allowedRedirectOrigins: [],
};

export function resolveSettings(overrides: DeepPartial<InstanceSettings> = {}): InstanceSettings {
  return deepMerge(defaultSettings, overrides);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges plain objects key by key; anything else in `overrides` (including null) replaces. */
function deepMerge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return (overrides === undefined ? base : overrides) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === '__proto__' || key === 'constructor' || value === undefined) continue;
    merged[key] = deepMerge(base[key], value);
  }
  return merged as T;
}
