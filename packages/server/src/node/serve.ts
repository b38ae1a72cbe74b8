import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { applySecurityHeaders, unknownMethodResponse } from '../core/http/security-headers';
import type { PasswordHashing } from '../core/crypto/password';
import type { Mailer, OutgoingEmail } from '../core/flows/context';
import type { RateLimits, SessionLifetime } from '../core/policy';
import type { RetentionOptions } from '../core/retention';
import { createLatchServer, type LatchServer } from '../core/server';
import type { OAuthOptions } from '../core/oauth/config';
import type { WebhookWorkerOptions } from '../core/webhooks/worker';
import { validateClaimsTemplate } from '../core/flows/claims-template';
import { resolveRelyingParty, type PasskeyOptions } from '../core/flows/passkeys/relying-party';
import type { DeepPartial, InstanceSettings } from '../core/settings';
import { assertDevModeAllowed, ConfigError, parseEncryptionKey, parsePublicUrl } from './config-values';
import { nodeCrypto } from './crypto/node-crypto';
import { createHashingPool, type HashingPool, type HashingPoolOptions } from './hashing/pool';
import { ClientDisconnected, writeRawResponse } from './http-adapter';
import { createRequestListener } from './listener';
import { createLogger, errorFields, type Logger } from './logger';
import { createMailer, type ServiceMailer, type SmtpOptions } from './mailer';
import { openStore, type ClosableStore, type DatabaseTimeouts } from './store/open-store';

export const defaultDatabase = './.latch/latch.db';

export interface ServeOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only. Use 0.0.0.0 in a container. */
  host?: string;
  /** An open store; the caller keeps it and closes it. Wins over `database`. */
  store?: ClosableStore;
  /** SQLite file path or postgres:// URL, opened (and migrated) here and closed by `close()`. Default ./.latch/latch.db. */
  database?: string;
  /** Limits on how long `database` may keep a request (or the start) waiting; see `DatabaseTimeouts`. */
  databaseTimeouts?: Partial<DatabaseTimeouts>;
  /** Where browsers reach the API, e.g. https://auth.example.com: the JWT issuer, the cookie's Secure flag, the CSRF origin. Default http://localhost:<port>. */
  publicUrl?: string;
  /** Origins of the apps that call the API from a browser (CORS with credentials, CSRF allowlist). */
  allowedOrigins?: string[];
  /** Origins a sign-in may redirect to, published in the environment for the UI. */
  redirectOrigins?: string[];
  /** Passkeys' RP ID and page origins; default: the public URL's host and origin, plus `allowedOrigins`. */
  passkeys?: PasskeyOptions;
  cookies?: { sameSite?: 'Lax' | 'Strict'; maxAgeSeconds?: number };
  sessionLifetime?: Partial<SessionLifetime>;
  /** How recent a verification sensitive actions need; default 10 minutes. */
  reverificationMaxAgeMs?: number;
  settings?: DeepPartial<InstanceSettings>;
  rateLimits?: Partial<RateLimits>;
  /** Proxies in front of the service that append to X-Forwarded-For; 0 (default) trusts the socket's address only. */
  trustProxy?: number;
  smtp?: SmtpOptions;
  /** Delivers emails instead of SMTP or the development outbox. */
  mailer?: Mailer;
  /** Development mode: codes in the log, GET /v1/dev/outbox. Default off; refused unless the public URL is localhost. */
  dev?: boolean;
  logger?: Logger;
  now?: () => number;
  /** Password hashing to use in place of the worker pool (tests pass a fast one); the caller keeps it. */
  hashing?: PasswordHashing;
  /** The worker pool that hashes passwords when `hashing` is not given: threads and queue limit. */
  hashPool?: HashingPoolOptions;
  /** Base64 of 32 random bytes: seals secrets at rest. Required unless `dev`; in dev mode a published development key is used. */
  encryptionKey?: string;
  /** Keys that sealed older rows, during a rotation: they only decrypt. */
  previousEncryptionKeys?: string[];
  /** How long what is over stays in the database (ended sessions: 30 days by default); the sweep runs every 10 minutes. */
  retention?: Partial<RetentionOptions>;
  /** How long `close()` lets requests in flight finish before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** How long the listener waits for slow or silent clients; see `ListenerTimeouts`. */
  timeouts?: Partial<ListenerTimeouts>;
  /**
   * The webhook worker this instance runs (on by default): the POST timeout,
   * the retry schedule and how often it looks for work. Endpoints may use
   * http://localhost only in development mode.
   */
  webhooks?: { worker?: boolean } & Pick<WebhookWorkerOptions, 'timeoutMs' | 'retryDelaysMs' | 'pollIntervalMs' | 'batchSize'>;
  /** Extra session-token claims, e.g. `{ role: '{{user.publicMetadata.role}}' }`. */
  sessionClaims?: Record<string, unknown>;
  /** Social sign-in providers; see `OAuthOptions`. Their `form_post` callback (Apple) is `<public URL>/v1/oauth/form_post`. */
  oauth?: OAuthOptions;
}

/**
 * Limits on clients that connect and then send slowly or not at all, so a
 * few idle sockets cannot hold the service's connections (slowloris). A
 * request that runs out of time is answered 408 and its connection closed.
 */
export interface ListenerTimeouts {
  /** The whole request, headers and body, must arrive within this. Default 30 s. */
  requestMs: number;
  /** The request's headers must arrive within this (at most `requestMs`). Default 10 s. */
  headersMs: number;
  /** An idle keep-alive connection is closed after this. Default 5 s. */
  keepAliveMs: number;
}

export const defaultListenerTimeouts: ListenerTimeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 };

export interface LatchService {
  /** Where the listener is, e.g. http://127.0.0.1:8787. */
  url: string;
  /** The public URL the service answers as. */
  publicUrl: string;
  latch: LatchServer;
  /** The development outbox, or null when emails go elsewhere. */
  outbox: readonly OutgoingEmail[] | null;
  /** The worker threads hashing passwords, or null when `hashing` was given. `close()` ends them. */
  hashPool: HashingPool | null;
  /** Stops accepting connections, lets requests in flight finish, then closes the store it opened. */
  close(): Promise<void>;
}

/** Expired rate-limit and lockout counters, what the retention sweep deletes, and delivered webhook messages past their retention, are purged this often. */
const purgeIntervalMs = 10 * 60 * 1000;
/** How long delivered webhook messages and their log are kept (for replays and `webhooks deliveries`). */
export const webhookRetentionMs = 30 * 24 * 60 * 60 * 1000;

/** Runs the Latch server core on a `node:http` listener. */
export async function serve(options: ServeOptions = {}): Promise<LatchService> {
  // The same rule as LATCH_PUBLIC_URL: https, or plain http on localhost only.
  if (options.publicUrl !== undefined) parsePublicUrl({ label: 'publicUrl', value: options.publicUrl });
  const logger = options.logger ?? createLogger();
  const dev = options.dev ?? false;
  if (dev && options.publicUrl !== undefined) assertDevModeAllowed(options.publicUrl, 'dev: true');
  checkEncryptionKey(options, dev);
  // Before anything is opened: a bad template is a configuration error, not a half-started service.
  if (options.sessionClaims) checkedClaims(options.sessionClaims);
  checkPasskeys(options);
  const now = options.now ?? Date.now;
  const store = options.store ?? (await openStore(options.database ?? defaultDatabase, options.databaseTimeouts));
  const closeOwnStore = async () => {
    if (!options.store) await store.close();
  };
  let mail: ServiceMailer;
  const httpServer = createListener(options.timeouts, options.publicUrl?.startsWith('https:') ?? false);
  try {
    mail = options.mailer
      ? { send: options.mailer, outbox: null, close: () => undefined }
      : await createMailer({ smtp: options.smtp, dev, logger });
    await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
  } catch (error) {
    await closeOwnStore();
    throw error;
  }
  const { port, address } = httpServer.address() as AddressInfo;
  const hashPool = options.hashing ? null : createHashingPool(options.hashPool);
  const publicUrl = new URL(options.publicUrl ?? `http://localhost:${port}`);
  const latch = createLatchServer({
    issuer: publicUrl.origin,
    store,
    now,
    hashing: options.hashing ?? hashPool ?? undefined,
    crypto: nodeCrypto,
    encryptionKey: options.encryptionKey,
    previousEncryptionKeys: options.previousEncryptionKeys,
    mailer: mail.send,
    settings: { ...options.settings, allowedRedirectOrigins: options.redirectOrigins ?? [] },
    sessionLifetime: options.sessionLifetime,
    reverificationMaxAgeMs: options.reverificationMaxAgeMs,
    rateLimits: options.rateLimits,
    webhooks: { allowLocalhost: dev },
    ...(options.sessionClaims ? { sessionClaims: options.sessionClaims } : {}),
    passkeys: options.passkeys,
    ...(options.oauth ? { oauth: options.oauth } : {}),
    allowedOrigins: options.allowedOrigins ?? [],
    cookies: { secure: publicUrl.protocol === 'https:', ...options.cookies },
    onError: (error) => {
      if (error instanceof ClientDisconnected) logger.debug('client went away mid-request', { error: error.message });
      else logger.error('unexpected error', errorFields(error));
    },
  });
  let closing: Promise<void> | null = null;
  httpServer.on(
    'request',
    createRequestListener({
      latch,
      store,
      publicOrigin: publicUrl.origin,
      trustProxy: options.trustProxy ?? 0,
      devOutbox: dev ? mail.outbox : null,
      logger,
      isClosing: () => closing !== null,
    }),
  );
  const { worker: runWorker = true, ...workerOptions } = options.webhooks ?? {};
  const webhookWorker = runWorker
    ? latch.webhooks.createWorker({
        ...workerOptions,
        onError: (error) => logger.warn('webhook delivery round failed', errorFields(error)),
        onAttempt: (attempt) => {
          const fields = { ...attempt };
          if (attempt.endpointFailing) logger.warn('webhook endpoint marked failing: its retries ran out; enable it again with `latch-server webhooks enable`', fields);
          else if (attempt.ok) logger.debug('webhook delivered', fields);
          else logger.info('webhook attempt failed', fields);
        },
      })
    : null;
  webhookWorker?.start();
  let sweeping: Promise<void> | null = null;
  const purge = setInterval(() => {
    store.purgeExpiredCounters(now()).catch((error: unknown) => logger.warn('could not purge expired counters', errorFields(error)));
    // One sweep at a time: a slow one is not joined by the next.
    sweeping ??= latch.admin
      .purgeExpired(options.retention)
      .then((report) => logger.debug('retention sweep', { ...report }))
      .catch((error: unknown) => logger.warn('retention sweep failed', errorFields(error)))
      .finally(() => (sweeping = null));
    latch.webhooks.purgeDelivered(now() - webhookRetentionMs).catch((error: unknown) => logger.warn('could not purge delivered webhooks', errorFields(error)));
  }, purgeIntervalMs).unref();
  if (!options.encryptionKey) {
    logger.warn('no encryption key (LATCH_ENCRYPTION_KEY): development mode seals secrets with the published development key; never use this database in production');
  }
  if (!dev && !options.smtp && !options.mailer) logger.warn('no SMTP server configured: emails with codes will not be sent (set LATCH_SMTP_URL)');

  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    publicUrl: publicUrl.origin,
    latch,
    outbox: mail.outbox,
    hashPool,
    close() {
      closing ??= (async () => {
        clearInterval(purge);
        await stopListening(httpServer, options.shutdownTimeoutMs ?? 10_000);
        await sweeping;
        await webhookWorker?.stop();
        mail.close();
        await hashPool?.close();
        await closeOwnStore();
      })();
      return closing;
    },
  };
}

/**
 * A `node:http` server with the timeouts applied, CONNECT answered 405
 * instead of a dropped socket, and the answers Node gives on its own (400 for
 * a malformed request, 408 for a timeout, 431 for huge headers) carrying the
 * security headers like every other response.
 */
function createListener(overrides: Partial<ListenerTimeouts> = {}, https: boolean): Server {
  const timeouts = { ...defaultListenerTimeouts, ...overrides };
  const headersMs = Math.min(timeouts.headersMs, timeouts.requestMs);
  const server = createServer({
    requestTimeout: timeouts.requestMs,
    headersTimeout: headersMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node enforces the two timeouts above only when it sweeps its
    // connections (every 30 s by default): sweep often enough to honour them.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersMs / 2))),
  });
  server.on('connect', (req, socket) => {
    const response = unknownMethodResponse(req.method ?? 'CONNECT', https);
    if (response) void writeRawResponse(socket, response).catch(() => socket.destroy());
    else socket.destroy();
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Only when nothing was written yet, as Node's own handler does.
    if (!socket.writable || socket.bytesWritten > 0) return void socket.destroy();
    const response = new Response(null, { status: clientErrorStatus[error.code ?? ''] ?? 400, headers: applySecurityHeaders(new Headers(), https) });
    void writeRawResponse(socket, response).catch(() => socket.destroy());
  });
  return server;
}

const clientErrorStatus: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};

/** Secrets at rest need a real key in production; a bad one fails here, before anything is written with it. */
export function checkEncryptionKey(options: Pick<ServeOptions, 'encryptionKey' | 'previousEncryptionKeys'>, dev: boolean): void {
  if (!options.encryptionKey && !dev) {
    throw new ConfigError(
      'LATCH_ENCRYPTION_KEY / --encryption-key is required outside development mode: it encrypts TOTP secrets and signing keys in the database. Make one with `openssl rand -base64 32` and keep it safe.',
    );
  }
  if (options.encryptionKey) parseEncryptionKey({ label: 'encryptionKey', value: options.encryptionKey });
  for (const key of options.previousEncryptionKeys ?? []) parseEncryptionKey({ label: 'previousEncryptionKeys', value: key });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Stops accepting connections and waits for the requests in flight; idle
 * keep-alive connections are closed at once, and whatever is still open after
 * `timeoutMs` is cut.
 */
function stopListening(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function checkedClaims(template: Record<string, unknown>): void {
  try {
    validateClaimsTemplate(template, 'sessionClaims');
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Passkeys' relying party, checked before anything opens (the port does not change what is valid). */
function checkPasskeys(options: ServeOptions): void {
  try {
    resolveRelyingParty(options.passkeys, {
      issuer: options.publicUrl ?? 'http://localhost',
      allowedOrigins: options.allowedOrigins ?? [],
      enabled: options.settings?.firstFactors?.passkey === true,
    });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
