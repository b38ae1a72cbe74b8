// ── Stores (SQLite, PostgreSQL) ─────────────────────────────────────────────
export { SqliteStore, type SqliteStoreOptions } from './store/sqlite';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres';
export { openStore, type ClosableStore, type DatabaseTimeouts } from './store/open-store';
export { defaultPostgresTimeouts, type PostgresTimeouts } from './store/postgres-faults';
// ── end of stores ───────────────────────────────────────────────────────────

// ── Service: listener, configuration, CLI, email, logs ──────────────────────
export { serve, defaultDatabase, defaultListenerTimeouts, type ServeOptions, type LatchService, type ListenerTimeouts } from './serve';
export { loadConfig, ConfigError, type LatchConfig, type Command } from './config';
export { main, helpText, type MainOptions } from './main';
export { createMailer, type MailerOptions, type ServiceMailer, type SmtpOptions } from './mailer';
export { createLogger, type Logger, type LogFields, type LogLevel } from './logger';
export { createHashingPool, defaultHashThreads, type HashingPool, type HashingPoolOptions } from './hashing/pool';
export { importUsers, type ImportOptions, type ImportReport } from './import-users';
export { nodeCrypto } from './crypto/node-crypto';
export { readOAuthFile } from './oauth-file';
// ── end of service ──────────────────────────────────────────────────────────
