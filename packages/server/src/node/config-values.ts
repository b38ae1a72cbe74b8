import { readFileSync } from 'node:fs';
import { decodeEncryptionKey } from '../core/crypto/encryption';
import type { RateLimit } from '../core/policy';

/** A setting the service cannot start with. The message names the setting, its flag and what was wrong. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A raw setting as given, with the names to blame it by: `LATCH_PORT / --port`. */
export interface RawSetting {
  label: string;
  value: string;
}

/**
 * A setting that names a JSON file (`--settings`, `--oauth`): its parsed
 * content, and how to blame a problem in it on the file and its setting.
 */
export function readJsonSetting(setting: RawSetting): { json: unknown; problem(message: string): ConfigError } {
  const problem = (message: string) => new ConfigError(`${setting.label}: ${setting.value}: ${message}`);
  try {
    return { json: JSON.parse(readFileSync(setting.value, 'utf8')), problem };
  } catch (error) {
    throw problem(error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot read the file');
  }
}

function invalid(setting: RawSetting, expected: string): ConfigError {
  return new ConfigError(`${setting.label} must be ${expected}, got '${setting.value}'`);
}

export function parseInteger(setting: RawSetting, min: number, max: number): number {
  const value = Number(setting.value);
  if (!/^\d+$/.test(setting.value.trim()) || value < min || value > max) throw invalid(setting, `an integer ${min}–${max}`);
  return value;
}

export function parseBoolean(setting: RawSetting): boolean {
  const value = setting.value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(value)) return false;
  throw invalid(setting, 'true or false');
}

export function parseChoice<T extends string>(setting: RawSetting, choices: Record<string, T>): T {
  const choice = choices[setting.value.trim().toLowerCase()];
  if (choice === undefined) throw invalid(setting, `one of ${Object.keys(choices).join(', ')}`);
  return choice;
}

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `12h`, `7d` (or `500ms`) in milliseconds. */
export function parseDuration(setting: RawSetting): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(setting.value.trim());
  const amount = Number(match?.[1]);
  if (!match || amount <= 0) throw invalid(setting, 'a duration such as 30m, 12h or 7d');
  return amount * (units[match[2] ?? 'ms'] ?? 1);
}

/** `5/10m`: at most 5 per 10 minutes. */
export function parseRateLimit(setting: RawSetting): RateLimit {
  const [count = '', window = ''] = setting.value.split('/');
  const max = Number(count.trim());
  if (!/^\d+$/.test(count.trim()) || max < 1 || !window) throw invalid(setting, 'a limit such as 5/10m (at most 5 per 10 minutes)');
  return { max, windowMs: parseDuration({ ...setting, value: window }) };
}

/** Base64 of exactly 32 bytes: an AES-256 key. */
export function parseEncryptionKey(setting: RawSetting): string {
  try {
    decodeEncryptionKey(setting.value);
  } catch {
    // The value is a secret: never echo it.
    throw new ConfigError(`${setting.label} must be 32 bytes in base64, such as the output of \`openssl rand -base64 32\``);
  }
  return setting.value.trim();
}

/** Comma-separated origins, each exactly `scheme://host[:port]`, as a browser sends in `Origin`. */
export function parseOrigins(setting: RawSetting): string[] {
  const entries = setting.value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (originOf(entry) !== entry) {
      throw new ConfigError(`${setting.label} must list origins such as https://app.example.com (no path, no trailing slash), got '${entry}'`);
    }
  }
  return entries;
}

/**
 * The public URL: an origin, https unless the host is this machine, since
 * cookies without Secure (and without the `__Host-` prefix) are only safe on
 * localhost.
 */
export function parsePublicUrl(setting: RawSetting): string {
  const value = setting.value.trim().replace(/\/$/, '');
  const origin = originOf(value);
  if (origin !== value) throw invalid(setting, 'an origin such as https://auth.example.com (no path)');
  const { protocol, hostname } = new URL(origin);
  if (protocol === 'http:' && !isLocalHostname(hostname)) {
    throw invalid(setting, 'an https URL (plain http is only allowed on localhost)');
  }
  return origin;
}

function isLocalHostname(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/**
 * Development mode hands out every emailed code at GET /v1/dev/outbox, so
 * anyone who can reach the server could take over any account: it is only
 * allowed where nobody else can reach the server, a localhost public URL.
 */
export function assertDevModeAllowed(publicUrl: string, label: string): void {
  if (isLocalHostname(new URL(publicUrl).hostname)) return;
  throw new ConfigError(
    `Development mode (${label}) is only allowed when the public URL is localhost or 127.0.0.1, not ${publicUrl}: ` +
      'it serves every emailed code at GET /v1/dev/outbox, so anyone who reaches the server could take over any account. ' +
      'Remove the development flag in production.',
  );
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
