import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PasswordHashing } from '../core/crypto/password';
import type { Mailer, OutgoingEmail } from '../core/flows/context';
import type { RateLimits, SessionLifetime } from '../core/policy';
import { createLatchServer, type LatchServer } from '../core/server';
import type { DeepPartial, InstanceSettings } from '../core/settings';
import { assertDevModeAllowed, parsePublicUrl } from './config-values';
import { createRequestListener } from './listener';
import { createLogger, errorFields, type Logger } from './logger';
import { createMailer, type ServiceMailer, type SmtpOptions } from './mailer';
import { openStore, type ClosableStore } from './store/open-store';

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
  /** Where browsers reach the API, e.g. https://auth.example.com: the JWT issuer, the cookie's Secure flag, the CSRF origin. Default http://localhost:<port>. */
  publicUrl?: string;
  /** Origins of the apps that call the API from a browser (CORS with credentials, CSRF allowlist). */
  allowedOrigins?: string[];
  /** Origins a sign-in may redirect to, published in the environment for the UI. */
  redirectOrigins?: string[];
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
  hashing?: PasswordHashing;
  /** How long `close()` lets requests in flight finish before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface LatchService {
  /** Where the listener is, e.g. http://127.0.0.1:8787. */
  url: string;
  /** The public URL the service answers as. */
  publicUrl: string;
  latch: LatchServer;
  /** The development outbox, or null when emails go elsewhere. */
  outbox: readonly OutgoingEmail[] | null;
  /** Stops accepting connections, lets requests in flight finish, then closes the store it opened. */
  close(): Promise<void>;
}

/** Expired rate-limit and lockout counters are deleted this often. */
const purgeIntervalMs = 10 * 60 * 1000;

/** Runs the Latch server core on a `node:http` listener. */
export async function serve(options: ServeOptions = {}): Promise<LatchService> {
  // The same rule as LATCH_PUBLIC_URL: https, or plain http on localhost only.
  if (options.publicUrl !== undefined) parsePublicUrl({ label: 'publicUrl', value: options.publicUrl });
  const logger = options.logger ?? createLogger();
  const dev = options.dev ?? false;
  if (dev && options.publicUrl !== undefined) assertDevModeAllowed(options.publicUrl, 'dev: true');
  const now = options.now ?? Date.now;
  const store = options.store ?? (await openStore(options.database ?? defaultDatabase));
  const closeOwnStore = async () => {
    if (!options.store) await store.close();
  };
  let mail: ServiceMailer;
  const httpServer = createServer();
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
  const publicUrl = new URL(options.publicUrl ?? `http://localhost:${port}`);
  const latch = createLatchServer({
    issuer: publicUrl.origin,
    store,
    now,
    hashing: options.hashing,
    mailer: mail.send,
    settings: { ...options.settings, allowedRedirectOrigins: options.redirectOrigins ?? [] },
    sessionLifetime: options.sessionLifetime,
    reverificationMaxAgeMs: options.reverificationMaxAgeMs,
    rateLimits: options.rateLimits,
    allowedOrigins: options.allowedOrigins ?? [],
    cookies: { secure: publicUrl.protocol === 'https:', ...options.cookies },
    onError: (error) => logger.error('unexpected error', errorFields(error)),
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
  const purge = setInterval(() => {
    store.purgeExpiredCounters(now()).catch((error: unknown) => logger.warn('could not purge expired counters', errorFields(error)));
  }, purgeIntervalMs).unref();
  if (!dev && !options.smtp && !options.mailer) logger.warn('no SMTP server configured: emails with codes will not be sent (set LATCH_SMTP_URL)');

  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    publicUrl: publicUrl.origin,
    latch,
    outbox: mail.outbox,
    close() {
      closing ??= (async () => {
        clearInterval(purge);
        await stopListening(httpServer, options.shutdownTimeoutMs ?? 10_000);
        mail.close();
        await closeOwnStore();
      })();
      return closing;
    },
  };
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
