import { parseArgs } from 'node:util';
import { defaultSessionLifetime, type RateLimits, type SessionLifetime } from '../core/policy';
import type { DeepPartial, InstanceSettings } from '../core/settings';
import {
  assertDevModeAllowed,
  ConfigError,
  parseBoolean,
  parseChoice,
  parseDuration,
  parseEncryptionKey,
  parseInteger,
  parseOrigins,
  parsePublicUrl,
  parseRateLimit,
  type RawSetting,
} from './config-values';
import type { LogLevel } from './logger';
import type { SmtpOptions } from './mailer';
import { defaultDatabase, type ListenerTimeouts } from './serve';
import type { DatabaseTimeouts } from './store/open-store';
import { readSettingsFile } from './settings-file';
import { readOAuthFile } from './oauth-file';
import type { OAuthOptions } from '../core/oauth/config';
import { validateClaimsTemplate } from '../core/flows/claims-template';

export { ConfigError };

/**
 * Every setting, as `--flag` and as `LATCH_FLAG` in the environment (a flag
 * wins over the environment). The descriptions are the `--help` text.
 */
export const settingDescriptions = {
  port: 'Port to listen on; 0 picks a free one. Default 8787.',
  host: 'Address to listen on. Default 127.0.0.1 (this machine only); 0.0.0.0 in a container.',
  database: `SQLite file, or a postgres:// URL. Default ${defaultDatabase}.`,
  'public-url': 'Where browsers reach the API, e.g. https://auth.example.com: the token issuer and cookie origin. https unless on localhost. Default http://localhost:<port>.',
  'allowed-origins': 'Comma-separated origins of the apps that call the API from a browser (CORS with credentials).',
  'redirect-origins': 'Comma-separated origins a sign-in may redirect back to, besides the app’s own.',
  'passkey-rp-id':
    'Passkeys (turned on by firstFactors.passkey in --settings): the RP ID, the domain they belong to, e.g. example.com for app.example.com and auth.example.com. Default: the public URL’s host.',
  'passkey-origins':
    'Passkeys: comma-separated origins of the pages that use them, each on the RP ID or a subdomain of it (https; http only on localhost). Default: the public URL and --allowed-origins.',
  settings: 'JSON file of instance settings: sign-in strategies, sign-up fields, multi-session, password policy, MFA, branding.',
  oauth:
    'JSON file of social sign-in providers: {"callbackUrls": ["https://app.example.com/sign-in/sso-callback"], "providers": [{"id": "google", "clientId": "…", "clientSecret": "env:GOOGLE_CLIENT_SECRET"}]}. "env:NAME" reads a secret from the environment. See the README for every preset.',
  'session-claims':
    'JSON object of extra session-token claims, rendered per user, e.g. {"role":"{{user.publicMetadata.role}}"}. Variables: user.id, user.username, user.firstName, user.lastName, user.primaryEmailAddress, user.publicMetadata[.path].',
  'cookie-same-site': 'SameSite of the client-token cookie: lax (default) or strict.',
  'cookie-max-age': 'How long browsers keep the client-token cookie, e.g. 30d. Default: the session lifetime (--session-lifetime).',
  'session-idle': 'A session ends after this long without activity. Default 7d.',
  'session-lifetime': 'A session ends this long after sign-in, active or not. Default 30d.',
  'session-retention': 'Ended sessions stay in the database this long (for the devices list and audits) before the retention sweep deletes them. Default 30d.',
  'session-activity-interval':
    'A token mint records session activity only if the last record is this old, so most mints write nothing; the idle timeout holds to within it. Default 30s.',
  'reverification-max-age': 'Sensitive actions (email, password, MFA changes, account deletion) need a sign-in or reverification this recent. Default 10m.',
  'rate-limit-emails': 'Emails with a code per address, e.g. 5/10m (default).',
  'rate-limit-emails-per-ip': 'Emails with a code asked for per client address, e.g. 30/10m (default).',
  'rate-limit-sign-ins': 'Sign-ins started per client address, e.g. 100/10m (default).',
  'rate-limit-sign-ups': 'Sign-ups started per client address, e.g. 20/10m (default).',
  'trust-proxy': 'Number of proxies in front that append to X-Forwarded-For; 0 (default) uses the socket address.',
  'smtp-url': 'Send emails through this SMTP server, e.g. smtps://user:pass@smtp.example.com:465. Without it, emails go to the development outbox.',
  'email-from': 'From address of emails, e.g. "Acme <no-reply@acme.example>". Required with --smtp-url.',
  'request-timeout': 'A request (headers and body) must arrive within this, else 408 and the connection is closed. Default 30s.',
  'headers-timeout': 'A request’s headers must arrive within this. Default 10s.',
  'keep-alive-timeout': 'An idle keep-alive connection is closed after this. Default 5s.',
  'database-connect-timeout': 'PostgreSQL: opening a connection (or waiting for a free one) may take this long; the start fails past it, requests get 503. Default 5s.',
  'database-statement-timeout': 'PostgreSQL: one statement may take this long, else 503. Default 5s.',
  'database-lock-timeout': 'SQLite: how long a request waits for another process’s write lock (without blocking others) before 503. Default 2s.',
  'log-level': 'Least severe log lines written: debug, info (default), warn or error.',
  'encryption-key':
    'Base64 of 32 random bytes (openssl rand -base64 32) that encrypts TOTP secrets, signing keys and the code HMAC key in the database. Required outside development mode.',
  'previous-encryption-key': 'Comma-separated keys that sealed older rows, while rotating: they only decrypt. See rotate-encryption-key.',
  'hash-threads': 'Worker threads that hash passwords, off the request thread. Default: one per core.',
  'hash-queue': 'Password hashes waiting for a thread before sign-ins get 503 with Retry-After. Default 64 per thread.',
  'webhook-timeout': 'A webhook endpoint must answer within this, else the attempt fails and is retried. Default 15s.',
  'webhook-retry-delays':
    'Comma-separated waits between webhook attempts, e.g. 5s,5m,30m,2h,5h,10h,10h (the default, about a day); after the last the endpoint is marked failing.',
  'webhook-workers': 'on (default) sends the webhook outbox from this instance; off leaves it to other instances.',
  dev: 'Development mode: emailed codes in the log and GET /v1/dev/outbox. Off unless given (--dev or LATCH_DEV=1); refused unless the public URL is localhost.',
} as const;

type SettingName = keyof typeof settingDescriptions;
type StringSetting = Exclude<SettingName, 'dev'>;

export const commands = {
  start: 'Run the server (default). Migrates the database first.',
  'rotate-keys': 'Make a new signing key; the current one stays published as the previous one.',
  'rotate-encryption-key':
    'Re-encrypt every secret with --encryption-key; --previous-encryption-key opens what the old key sealed, and is not needed afterwards.',
  migrate: 'Create or update the database schema, then exit.',
  purge: 'Delete what is over now (finished sign-ins and sign-ups, expired codes, ended sessions past --session-retention, idle clients), in small batches; the server also does this every 10 minutes.',
  keys: 'Secret keys of the admin API: keys create --name ci [--test] (prints the key once), keys list, keys revoke <key id>.',
  users:
    'Users, on the database directly: users list [--query text] [--limit n], users create --email a@b.c [--password p] (prefer LATCH_USER_PASSWORD: argv is visible to other processes), users ban|unban|delete <user id, email or username>, users import <users.jsonl> (with password hashes from another provider; safe to re-run, by externalId).',
  webhooks:
    'Manage webhook endpoints: add <url> [--events user.created,…] [--description text] | list | remove <id> | rotate-secret <id> | enable <id> | replay <message-id> [--endpoint <id>] | replay --since <time> [--endpoint <id>] | deliveries <endpoint-id> [--limit n].',
} as const;

/** What `keys` and `users` take besides the settings; refused with other commands. */
const commandOptions = {
  name: { type: 'string' },
  test: { type: 'boolean' },
  email: { type: 'string' },
  password: { type: 'string' },
  query: { type: 'string' },
  limit: { type: 'string' },
} as const;

const subcommands: Record<string, readonly string[]> = {
  keys: ['create', 'list', 'revoke'],
  users: ['list', 'create', 'ban', 'unban', 'delete', 'import'],
};

/** `keys …` and `users …`: the subcommand, its one argument (an id), and its options. */
export interface AdminCommand {
  subcommand: string;
  target?: string;
  options: { name?: string; test?: boolean; email?: string; password?: string; query?: string; limit?: number };
}

/** `webhooks …` is parsed on its own (see webhooks-cli.ts), before the settings. */
export type Command = Exclude<keyof typeof commands, 'webhooks'> | 'help';

/** The service's whole configuration, ready for `serve()`. */
export interface LatchConfig {
  command: Command;
  /** For `keys` and `users`. */
  adminCommand?: AdminCommand;
  /** Extra session-token claims (`--session-claims`), checked already. */
  sessionClaims?: Record<string, unknown>;
  /** Social sign-in providers (`--oauth`), secrets resolved. */
  oauth?: OAuthOptions;
  retention: { endedSessionsMs?: number };
  port: number;
  host: string;
  database: string;
  publicUrl?: string;
  allowedOrigins: string[];
  redirectOrigins: string[];
  /** Passkeys' relying party; empty: derived from the public URL and allowed origins. */
  passkeys: { rpId?: string; origins?: string[] };
  settings: DeepPartial<InstanceSettings>;
  cookies: { sameSite?: 'Lax' | 'Strict'; maxAgeSeconds?: number };
  sessionLifetime: Partial<SessionLifetime>;
  reverificationMaxAgeMs?: number;
  rateLimits: Partial<RateLimits>;
  trustProxy: number;
  smtp?: SmtpOptions;
  encryptionKey?: string;
  previousEncryptionKeys?: string[];
  hashPool?: { threads?: number; queueLimit?: number };
  dev: boolean;
  timeouts: Partial<ListenerTimeouts>;
  databaseTimeouts: Partial<DatabaseTimeouts>;
  logLevel: LogLevel;
  webhooks: { timeoutMs?: number; retryDelaysMs?: number[]; worker: boolean };
}

type Env = Record<string, string | undefined>;

const parseOptions = {
  ...Object.fromEntries(Object.keys(settingDescriptions).map((name) => [name, { type: name === 'dev' ? 'boolean' : 'string' }])),
  ...commandOptions,
  help: { type: 'boolean', short: 'h' },
} as Record<SettingName | 'help' | keyof typeof commandOptions, { type: 'string' | 'boolean'; short?: string }>;

export function envName(name: SettingName): string {
  return `LATCH_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** Reads flags, then the environment, then defaults. Throws a ConfigError naming the first bad setting. */
export function loadConfig(argv: readonly string[], env: Env): LatchConfig {
  const { values, positionals } = parseCommandLine(argv);
  const raw = (name: StringSetting): RawSetting | undefined => {
    const value = (values[name] as string | undefined) ?? (env[envName(name)] || undefined);
    return value === undefined ? undefined : { label: `${envName(name)} / --${name}`, value };
  };
  const read = <T>(name: StringSetting, parse: (setting: RawSetting) => T): T | undefined => {
    const setting = raw(name);
    return setting === undefined ? undefined : parse(setting);
  };
  const devFromEnv = env.LATCH_DEV ? parseBoolean({ label: 'LATCH_DEV / --dev', value: env.LATCH_DEV }) : undefined;
  const sameSite = read('cookie-same-site', (setting) => parseChoice(setting, { lax: 'Lax', strict: 'Strict' } as const));
  const maxAgeMs = read('cookie-max-age', parseDuration);
  const publicUrl = read('public-url', parsePublicUrl);
  // Opt-in only: NODE_ENV plays no part, so a forgotten NODE_ENV=production cannot open the outbox.
  const dev = values.dev === true || devFromEnv === true;
  if (dev && publicUrl) assertDevModeAllowed(publicUrl, values.dev === true ? '--dev' : 'LATCH_DEV');
  const encryptionKey = read('encryption-key', parseEncryptionKey);
  const previousEncryptionKeys = read('previous-encryption-key', (setting) =>
    setting.value.split(',').map((value) => parseEncryptionKey({ ...setting, value })),
  );
  const hashPool = definedOnly({
    threads: read('hash-threads', (setting) => parseInteger(setting, 1, 256)),
    queueLimit: read('hash-queue', (setting) => parseInteger(setting, 0, 1_000_000)),
  });
  const reverificationMaxAgeMs = read('reverification-max-age', parseDuration);
  const command = values.help ? 'help' : readCommand(positionals);
  const adminCommand = readAdminCommand(command, positionals, values, env);
  const sessionClaims = read('session-claims', parseSessionClaims);
  const oauth = read('oauth', (setting) => readOAuthFile(setting, env));
  return {
    ...(oauth ? { oauth } : {}),
    command,
    ...(adminCommand ? { adminCommand } : {}),
    ...(sessionClaims ? { sessionClaims } : {}),
    retention: definedOnly({ endedSessionsMs: read('session-retention', parseDuration) }),
    port: read('port', (setting) => parseInteger(setting, 0, 65535)) ?? 8787,
    host: raw('host')?.value ?? '127.0.0.1',
    database: raw('database')?.value ?? defaultDatabase,
    ...(publicUrl ? { publicUrl } : {}),
    allowedOrigins: read('allowed-origins', parseOrigins) ?? [],
    redirectOrigins: read('redirect-origins', parseOrigins) ?? [],
    passkeys: definedOnly({ rpId: raw('passkey-rp-id')?.value, origins: read('passkey-origins', parseOrigins) }),
    settings: read('settings', readSettingsFile) ?? {},
    cookies: { ...(sameSite ? { sameSite } : {}), ...(maxAgeMs ? { maxAgeSeconds: Math.floor(maxAgeMs / 1000) } : {}) },
    sessionLifetime: readSessionLifetime(read),
    ...(reverificationMaxAgeMs ? { reverificationMaxAgeMs } : {}),
    rateLimits: definedOnly({
      emailsPerAddress: read('rate-limit-emails', parseRateLimit),
      emailsPerIp: read('rate-limit-emails-per-ip', parseRateLimit),
      signInsPerIp: read('rate-limit-sign-ins', parseRateLimit),
      signUpsPerIp: read('rate-limit-sign-ups', parseRateLimit),
    }),
    trustProxy: read('trust-proxy', (setting) => parseInteger(setting, 0, 10)) ?? 0,
    ...readSmtp(raw('smtp-url'), raw('email-from')),
    timeouts: definedOnly({
      requestMs: read('request-timeout', parseDuration),
      headersMs: read('headers-timeout', parseDuration),
      keepAliveMs: read('keep-alive-timeout', parseDuration),
    }),
    databaseTimeouts: definedOnly({
      connectMs: read('database-connect-timeout', parseDuration),
      statementMs: read('database-statement-timeout', parseDuration),
      lockMs: read('database-lock-timeout', parseDuration),
    }),
    logLevel: read('log-level', (setting) => parseChoice(setting, { debug: 'debug', info: 'info', warn: 'warn', error: 'error' } as const)) ?? 'info',
    ...(encryptionKey ? { encryptionKey } : {}),
    ...(previousEncryptionKeys ? { previousEncryptionKeys } : {}),
    ...(Object.keys(hashPool).length > 0 ? { hashPool } : {}),
    webhooks: {
      ...definedOnly({
        timeoutMs: read('webhook-timeout', parseDuration),
        retryDelaysMs: read('webhook-retry-delays', (setting) => setting.value.split(',').map((value) => parseDuration({ ...setting, value: value.trim() }))),
      }),
      worker: read('webhook-workers', (setting) => parseChoice(setting, { on: 'on', off: 'off' } as const)) !== 'off',
    },
    dev,
  };
}

function readSessionLifetime(read: <T>(name: StringSetting, parse: (setting: RawSetting) => T) => T | undefined): Partial<SessionLifetime> {
  const lifetime = definedOnly({
    idleMs: read('session-idle', parseDuration),
    absoluteMs: read('session-lifetime', parseDuration),
    activityIntervalMs: read('session-activity-interval', parseDuration),
  });
  if (lifetime.activityIntervalMs !== undefined && lifetime.activityIntervalMs >= (lifetime.idleMs ?? defaultSessionLifetime.idleMs)) {
    throw new ConfigError(`${envName('session-activity-interval')} / --session-activity-interval must be shorter than the idle timeout (--session-idle, default 7d)`);
  }
  return lifetime;
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: parseOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} Run latch-server --help to see the settings.`);
  }
}

function readCommand(positionals: string[]): Command {
  const [command = 'start', ...extra] = positionals;
  if (!Object.hasOwn(commands, command) || command === 'webhooks') {
    throw new ConfigError(`Unknown command '${command}': use ${Object.keys(commands).join(', ')} (or --help).`);
  }
  if (extra.length > 0 && !Object.hasOwn(subcommands, command)) throw new ConfigError(`Unexpected argument '${extra[0]}' after '${command}'.`);
  return command as Command;
}

/** `keys create --name ci`, `users ban <id>`, …: checked here, so a typo fails before the database is opened. */
function readAdminCommand(command: Command, positionals: string[], values: Record<string, unknown>, env: Env): AdminCommand | undefined {
  const given = Object.keys(commandOptions).filter((name) => values[name] !== undefined);
  const allowed = subcommands[command];
  if (!allowed) {
    if (given.length > 0) throw new ConfigError(`--${given[0]} belongs to the keys and users commands, not to '${command}'.`);
    return undefined;
  }
  const [, subcommand, target, ...extra] = positionals;
  if (!subcommand || !allowed.includes(subcommand)) throw new ConfigError(`Use ${command} ${allowed.join('|')} (see --help).`);
  if (extra.length > 0) throw new ConfigError(`Unexpected argument '${extra[0]}' after '${command} ${subcommand} ${target}'.`);
  const needsTarget = ['revoke', 'ban', 'unban', 'delete', 'import'].includes(subcommand);
  if (needsTarget !== (target !== undefined)) {
    if (subcommand === 'import') throw new ConfigError('users import needs the file to read: latch-server users import users.jsonl');
    throw new ConfigError(needsTarget ? `${command} ${subcommand} needs an id, e.g. ${command} ${subcommand} <id>.` : `Unexpected argument '${target}' after '${command} ${subcommand}'.`);
  }
  const text = (name: string) => values[name] as string | undefined;
  const limit = text('limit');
  const options: AdminCommand['options'] = definedOnly({
    name: text('name'),
    test: values.test as boolean | undefined,
    email: text('email'),
    password: text('password') ?? (env.LATCH_USER_PASSWORD || undefined),
    query: text('query'),
    limit: limit === undefined ? undefined : parseInteger({ label: '--limit', value: limit }, 1, 100),
  });
  if (command === 'keys' && subcommand === 'create' && !options.name) throw new ConfigError('keys create needs --name, e.g. keys create --name ci.');
  if (command === 'users' && subcommand === 'create' && !options.email) throw new ConfigError('users create needs --email.');
  return { subcommand, ...(target !== undefined ? { target } : {}), options };
}

function parseSessionClaims(setting: RawSetting): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(setting.value);
  } catch (error) {
    throw new ConfigError(`${setting.label} is not valid JSON (${(error as Error).message})`);
  }
  try {
    return validateClaimsTemplate(json, setting.label);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function readSmtp(url: RawSetting | undefined, from: RawSetting | undefined): { smtp?: SmtpOptions } {
  if (!url) {
    if (from) throw new ConfigError(`${from.label} is set, but LATCH_SMTP_URL / --smtp-url is not: set both to send emails.`);
    return {};
  }
  if (!/^smtps?:\/\/[^/]/.test(url.value)) {
    throw new ConfigError(`${url.label} must be an smtp:// or smtps:// URL, got '${url.value.replace(/\/\/[^@/]*@/, '//***@')}'`);
  }
  if (!from) throw new ConfigError('LATCH_EMAIL_FROM / --email-from is required when LATCH_SMTP_URL / --smtp-url is set.');
  return { smtp: { url: url.value, from: from.value } };
}

function definedOnly<T extends object>(object: { [K in keyof T]: T[K] | undefined }): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
