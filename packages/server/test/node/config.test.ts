import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, serve } from '../../src/node/index';
import { tempDir } from './helpers';

const production = { NODE_ENV: 'production' };

function configError(argv: string[], env: Record<string, string> = {}): string {
  try {
    loadConfig(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`no ConfigError for ${argv.join(' ')} ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  function settingsFile(content: string): string {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'latch.settings.json');
    writeFileSync(file, content);
    return file;
  }

  it('has safe defaults: loopback, SQLite under .latch, development mode off', () => {
    expect(loadConfig([], {})).toEqual({
      command: 'start',
      port: 8787,
      host: '127.0.0.1',
      database: './.latch/latch.db',
      allowedOrigins: [],
      redirectOrigins: [],
      passkeys: {},
      settings: {},
      cookies: {},
      sessionLifetime: {},
      retention: {},
      rateLimits: {},
      trustProxy: 0,
      dev: false,
      timeouts: {},
      databaseTimeouts: {},
      logLevel: 'info',
      webhooks: { worker: true },
    });
    expect(loadConfig(['--webhook-retry-delays', '1s, 5m', '--webhook-timeout', '3s', '--webhook-workers', 'off'], {}).webhooks).toEqual({
      retryDelaysMs: [1000, 300_000],
      timeoutMs: 3000,
      worker: false,
    });
    // NODE_ENV plays no part: only the explicit flag or variable turns development mode on.
    expect(loadConfig([], { NODE_ENV: 'development' }).dev).toBe(false);
    expect(loadConfig([], production).dev).toBe(false);
    expect(loadConfig([], { LATCH_DEV: '1' }).dev).toBe(true);
    expect(loadConfig(['--dev'], production).dev).toBe(true);
    expect(loadConfig([], { LATCH_DEV: 'false' }).dev).toBe(false);
  });

  it('refuses development mode unless the public URL is localhost, and says why', () => {
    expect(loadConfig(['--dev', '--public-url', 'http://localhost:8787'], {}).dev).toBe(true);
    expect(loadConfig([], { LATCH_DEV: '1', LATCH_PUBLIC_URL: 'http://127.0.0.1:8787' }).dev).toBe(true);
    expect(configError(['--dev', '--public-url', 'https://auth.example.com'], {})).toMatch(
      /^Development mode \(--dev\) is only allowed when the public URL is localhost or 127\.0\.0\.1, not https:\/\/auth\.example\.com: it serves every emailed code at GET \/v1\/dev\/outbox/,
    );
    expect(configError([], { LATCH_DEV: 'true', LATCH_PUBLIC_URL: 'https://auth.example.com' })).toMatch(/^Development mode \(LATCH_DEV\)/);
    // A public https URL without the flag starts as usual, in production mode.
    expect(loadConfig(['--public-url', 'https://auth.example.com'], {}).dev).toBe(false);
  });

  it('reads every setting from the environment, and a flag wins over its variable', () => {
    const config = loadConfig(['migrate', '--port', '9000'], {
      LATCH_PORT: '8000',
      LATCH_HOST: '0.0.0.0',
      LATCH_DATABASE: 'postgres://latch@db/latch',
      LATCH_PUBLIC_URL: 'https://auth.example.com/',
      LATCH_ALLOWED_ORIGINS: 'https://app.example.com, https://admin.example.com',
      LATCH_REDIRECT_ORIGINS: 'https://www.example.com',
      LATCH_COOKIE_SAME_SITE: 'strict',
      LATCH_COOKIE_MAX_AGE: '30d',
      LATCH_SESSION_IDLE: '12h',
      LATCH_SESSION_LIFETIME: '7d',
      LATCH_SESSION_ACTIVITY_INTERVAL: '1m',
      LATCH_REVERIFICATION_MAX_AGE: '5m',
      LATCH_RATE_LIMIT_EMAILS: '3/15m',
      LATCH_RATE_LIMIT_EMAILS_PER_IP: '12/1h',
      LATCH_RATE_LIMIT_SIGN_INS: '50/1h',
      LATCH_RATE_LIMIT_SIGN_UPS: '10/1h',
      LATCH_TRUST_PROXY: '1',
      LATCH_SMTP_URL: 'smtps://user:secret@smtp.example.com:465',
      LATCH_EMAIL_FROM: 'Acme <no-reply@example.com>',
      LATCH_REQUEST_TIMEOUT: '20s',
      LATCH_HEADERS_TIMEOUT: '5s',
      LATCH_KEEP_ALIVE_TIMEOUT: '2s',
      LATCH_DATABASE_CONNECT_TIMEOUT: '3s',
      LATCH_DATABASE_STATEMENT_TIMEOUT: '1500ms',
      LATCH_DATABASE_LOCK_TIMEOUT: '1s',
      LATCH_LOG_LEVEL: 'debug',
      LATCH_SESSION_RETENTION: '90d',
    });
    expect(config).toMatchObject({
      command: 'migrate',
      port: 9000,
      host: '0.0.0.0',
      database: 'postgres://latch@db/latch',
      publicUrl: 'https://auth.example.com',
      allowedOrigins: ['https://app.example.com', 'https://admin.example.com'],
      redirectOrigins: ['https://www.example.com'],
      cookies: { sameSite: 'Strict', maxAgeSeconds: 30 * 86_400 },
      sessionLifetime: { idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000, activityIntervalMs: 60_000 },
      retention: { endedSessionsMs: 90 * 86_400_000 },
      reverificationMaxAgeMs: 5 * 60_000,
      rateLimits: {
        emailsPerAddress: { max: 3, windowMs: 15 * 60_000 },
        emailsPerIp: { max: 12, windowMs: 3_600_000 },
        signInsPerIp: { max: 50, windowMs: 3_600_000 },
        signUpsPerIp: { max: 10, windowMs: 3_600_000 },
      },
      trustProxy: 1,
      smtp: { url: 'smtps://user:secret@smtp.example.com:465', from: 'Acme <no-reply@example.com>' },
      timeouts: { requestMs: 20_000, headersMs: 5_000, keepAliveMs: 2_000 },
      databaseTimeouts: { connectMs: 3_000, statementMs: 1_500, lockMs: 1_000 },
      logLevel: 'debug',
    });
  });

  it('reads the passkeys’ relying party, and serve() refuses one that cannot work before opening anything', async () => {
    expect(loadConfig(['--passkey-rp-id', 'example.com'], { LATCH_PASSKEY_ORIGINS: 'https://app.example.com,https://example.com' }).passkeys).toEqual({
      rpId: 'example.com',
      origins: ['https://app.example.com', 'https://example.com'],
    });
    expect(configError(['--passkey-origins', 'https://app.example.com/login'])).toMatch(/^LATCH_PASSKEY_ORIGINS \/ --passkey-origins must list origins/);
    const offTheRpId = { rpId: 'example.com', origins: ['https://example.org'] };
    await expect(serve({ port: 0, dev: true, database: '/nonexistent/never-opened.db', passkeys: offTheRpId })).rejects.toThrow(ConfigError);
    // Turned on with the public URL's defaults: an API on auth.example.com for an app elsewhere needs --passkey-rp-id.
    const settings = { firstFactors: { passkey: true } };
    await expect(serve({ port: 0, publicUrl: 'https://auth.example.com', allowedOrigins: ['https://app.example.com'], settings, encryptionKey: Buffer.alloc(32, 7).toString('base64') })).rejects.toThrow(/not on the RP ID auth\.example\.com/);
  });

  it('names the setting, its flag and the bad value in every error', () => {
    expect(configError(['--port', 'abc'])).toBe("LATCH_PORT / --port must be an integer 0–65535, got 'abc'");
    expect(configError([], { LATCH_PORT: '70000' })).toBe("LATCH_PORT / --port must be an integer 0–65535, got '70000'");
    expect(configError(['--public-url', 'http://auth.example.com'])).toMatch(/^LATCH_PUBLIC_URL \/ --public-url must be an https URL/);
    expect(configError(['--public-url', 'https://auth.example.com/api'])).toMatch(/^LATCH_PUBLIC_URL \/ --public-url must be an origin/);
    expect(configError([], { LATCH_ALLOWED_ORIGINS: 'https://app.example.com/' })).toContain(
      "LATCH_ALLOWED_ORIGINS / --allowed-origins must list origins such as https://app.example.com (no path, no trailing slash), got 'https://app.example.com/'",
    );
    expect(configError(['--redirect-origins', 'javascript:alert(1)'])).toMatch(/^LATCH_REDIRECT_ORIGINS \/ --redirect-origins/);
    expect(configError(['--session-idle', '7 days'])).toBe("LATCH_SESSION_IDLE / --session-idle must be a duration such as 30m, 12h or 7d, got '7 days'");
    expect(configError(['--session-idle', '30s', '--session-activity-interval', '30s'])).toBe(
      'LATCH_SESSION_ACTIVITY_INTERVAL / --session-activity-interval must be shorter than the idle timeout (--session-idle, default 7d)',
    );
    expect(configError(['--rate-limit-emails', '5'])).toMatch(/^LATCH_RATE_LIMIT_EMAILS \/ --rate-limit-emails must be a limit such as 5\/10m/);
    expect(configError(['--cookie-same-site', 'none'])).toBe("LATCH_COOKIE_SAME_SITE / --cookie-same-site must be one of lax, strict, got 'none'");
    expect(configError([], { LATCH_DEV: 'maybe' })).toBe("LATCH_DEV / --dev must be true or false, got 'maybe'");
    expect(configError(['--trust-proxy=-1'])).toBe("LATCH_TRUST_PROXY / --trust-proxy must be an integer 0–10, got '-1'");
  });

  it('requires a From address with SMTP, and never echoes the SMTP password', () => {
    expect(configError(['--smtp-url', 'smtp://mail.example.com'])).toBe(
      'LATCH_EMAIL_FROM / --email-from is required when LATCH_SMTP_URL / --smtp-url is set.',
    );
    const message = configError(['--smtp-url', 'http://user:hunter2@mail.example.com', '--email-from', 'a@example.com']);
    expect(message).toMatch(/^LATCH_SMTP_URL \/ --smtp-url must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(message).not.toContain('hunter2');
  });

  it('refuses unknown flags and commands with a pointer to --help', () => {
    expect(configError(['--prot', '80'])).toMatch(/Unknown option '--prot'.*--help/);
    expect(configError(['serve'])).toBe("Unknown command 'serve': use start, rotate-keys, rotate-encryption-key, migrate, purge, keys, users, webhooks (or --help).");
    expect(loadConfig(['--help'], {}).command).toBe('help');
    expect(loadConfig(['rotate-keys', '-h'], {}).command).toBe('help');
  });

  it('reads instance settings from a JSON file', () => {
    const file = settingsFile(
      JSON.stringify({
        applicationName: 'Acme',
        firstFactors: { emailCode: false },
        signUp: { fields: { username: 'required', lastName: 'off' } },
        multiSession: true,
        branding: { logoUrl: 'https://acme.example/logo.svg' },
      }),
    );
    expect(loadConfig(['--settings', file], {}).settings).toEqual({
      applicationName: 'Acme',
      firstFactors: { emailCode: false },
      signUp: { fields: { username: 'required', lastName: 'off' } },
      multiSession: true,
      branding: { logoUrl: 'https://acme.example/logo.svg' },
    });
  });

  it('names the file and the setting when the settings file is wrong', () => {
    const label = 'LATCH_SETTINGS / --settings';
    const unknown = settingsFile('{ "signUp": { "feilds": {} } }');
    expect(configError(['--settings', unknown])).toBe(`${label}: ${unknown}: unknown setting 'signUp.feilds'`);
    const wrongType = settingsFile('{ "multiSession": "yes" }');
    expect(configError([], { LATCH_SETTINGS: wrongType })).toBe(`${label}: ${wrongType}: 'multiSession' must be a boolean, got "yes"`);
    const badRequirement = settingsFile('{ "signUp": { "fields": { "firstName": "maybe" } } }');
    expect(configError(['--settings', badRequirement])).toContain(`'signUp.fields.firstName' must be "required", "optional" or "off", got "maybe"`);
    const method = settingsFile('{ "emailVerification": { "method": "magic" } }');
    expect(configError(['--settings', method])).toContain(`'emailVerification.method' must be "code", "link" or "both", got "magic"`);
    const redirects = settingsFile('{ "allowedRedirectOrigins": ["https://x.example"] }');
    expect(configError(['--settings', redirects])).toContain("unknown setting 'allowedRedirectOrigins'");
    const proto = settingsFile('{ "__proto__": { "multiSession": true } }');
    expect(configError(['--settings', proto])).toContain("unknown setting '__proto__'");
    expect(configError(['--settings', settingsFile('{ nope')])).toMatch(/not valid JSON/);
    expect(configError(['--settings', '/no/such/latch.json'])).toBe(`${label}: /no/such/latch.json: cannot read the file`);
  });
});
