import type pg from 'pg';
import { StoreUnavailable } from '../../core/store/store';

/** How long PostgreSQL may take, so that a database that is down or unreachable answers 503 quickly instead of hanging requests. */
export interface PostgresTimeouts {
  /** Opening a connection, TCP to ready-for-query; also waiting for a free pooled one. Default 5 s. */
  connectMs: number;
  /** One statement, enforced by the server (`statement_timeout`) and, a second later, by the client in case the server never answers. Default 5 s. */
  statementMs: number;
  /** A transaction left open with nothing running is rolled back by the server after this (`idle_in_transaction_session_timeout`). Default 10 s. */
  idleInTransactionMs: number;
  /** An idle pooled connection is closed after this. Default 30 s. */
  idleMs: number;
}

export const defaultPostgresTimeouts: PostgresTimeouts = { connectMs: 5_000, statementMs: 5_000, idleInTransactionMs: 10_000, idleMs: 30_000 };

/** Seconds a client is told to wait when PostgreSQL is unavailable: a restart or failover takes a few. */
const retryAfterSeconds = 5;

/** The pool settings that put the timeouts in force. */
export function poolConfig(connectionString: string, max: number, timeouts: PostgresTimeouts): pg.PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: timeouts.connectMs,
    idleTimeoutMillis: timeouts.idleMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // The server's own timeout cannot fire when it (or the network) is gone.
    query_timeout: timeouts.statementMs + 1_000,
    // Notice a peer that vanished without closing the connection.
    keepAlive: true,
  };
}

/** Socket errors: the database (or the way to it) is down. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs that say "not now" rather than "wrong request": connection
 * exceptions (08), insufficient resources such as too many connections or a
 * full disk (53), shutdown, crash or startup (57P01–57P03), a statement or an
 * idle transaction cut by a timeout (57014, 25P03), serialization failures and
 * deadlocks (40001, 40P01), system I/O errors (58).
 */
function isTransientSqlState(code: string): boolean {
  return /^(08|53|58)/.test(code) || ['57P01', '57P02', '57P03', '57014', '25P03', '40001', '40P01'].includes(code);
}

/** What pg says, without a code, when a connection fails, is cut or times out. */
const driverFault = /timeout|Connection terminated|not queryable/i;

/** The StoreUnavailable for a transient PostgreSQL fault, or null for any other error. */
export function asPostgresUnavailable(error: unknown): StoreUnavailable | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const transient = typeof code === 'string' ? networkCodes.has(code) || isTransientSqlState(code) : driverFault.test(error.message);
  return transient ? new StoreUnavailable(`PostgreSQL is unavailable: ${error.message}`, retryAfterSeconds, { cause: error }) : null;
}

/** `host:port/database` of a connection string, never its password: for messages. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured database';
  }
}
