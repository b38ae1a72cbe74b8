import type Database from 'better-sqlite3';
import { pendingMigrations, type Migration } from './migration';

/*
 * Each kind's table: `seq` is the rowid, which gives "oldest first" and, as an
 * explicit INTEGER PRIMARY KEY, survives VACUUM; `id` is the record's id;
 * `data` the record as JSON; then one column per index in the core's schema.
 * STRICT makes SQLite enforce the declared types.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'tables and indexes for every record kind, and counters',
    sql: `
      CREATE TABLE latch_users (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, username TEXT) STRICT;
      CREATE UNIQUE INDEX latch_users_username_key ON latch_users (username);

      CREATE TABLE latch_email_addresses (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, verified_email TEXT, user_id TEXT) STRICT;
      CREATE UNIQUE INDEX latch_email_addresses_verified_email_key ON latch_email_addresses (verified_email);
      CREATE INDEX latch_email_addresses_user_id_idx ON latch_email_addresses (user_id);

      CREATE TABLE latch_clients (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, token_hash TEXT) STRICT;
      CREATE UNIQUE INDEX latch_clients_token_hash_key ON latch_clients (token_hash);

      CREATE TABLE latch_sessions (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, user_id TEXT, client_id TEXT) STRICT;
      CREATE INDEX latch_sessions_user_id_idx ON latch_sessions (user_id);
      CREATE INDEX latch_sessions_client_id_idx ON latch_sessions (client_id);

      CREATE TABLE latch_sign_ins (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL) STRICT;
      CREATE TABLE latch_sign_ups (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL) STRICT;
      CREATE TABLE latch_verifications (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL) STRICT;

      CREATE TABLE latch_backup_codes (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, code_hash TEXT, user_id TEXT) STRICT;
      CREATE UNIQUE INDEX latch_backup_codes_code_hash_key ON latch_backup_codes (code_hash);
      CREATE INDEX latch_backup_codes_user_id_idx ON latch_backup_codes (user_id);

      CREATE TABLE latch_signing_keys (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, status TEXT) STRICT;
      CREATE INDEX latch_signing_keys_status_idx ON latch_signing_keys (status);

      CREATE TABLE latch_counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires_at INTEGER NOT NULL) STRICT;
    `,
  },
  {
    version: 2,
    description: 'index counters by expiry, so expired ones can be purged',
    sql: `CREATE INDEX latch_counters_expires_at_idx ON latch_counters (expires_at);`,
  },
  {
    version: 3,
    description: 'server secrets (the code HMAC key), sealed with the encryption key',
    sql: `CREATE TABLE latch_server_secrets (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL) STRICT;`,
  },
  // From here on, index columns are generated from the data column (see generatedFields in the core's schema): nothing writes them.
  {
    version: 10,
    description: 'users: the external id of imported users, unique',
    sql: `
      ALTER TABLE latch_users ADD COLUMN external_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.externalId')) VIRTUAL;
      CREATE UNIQUE INDEX latch_users_external_id_key ON latch_users (external_id);
    `,
  },
  {
    version: 11,
    description: 'retention: timestamps the sweep deletes by, and the live sessions of a user',
    sql: `
      ALTER TABLE latch_sign_ins ADD COLUMN expire_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.expireAt') AS INTEGER)) VIRTUAL;
      CREATE INDEX latch_sign_ins_expire_at_idx ON latch_sign_ins (expire_at, id);
      ALTER TABLE latch_sign_ups ADD COLUMN expire_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.expireAt') AS INTEGER)) VIRTUAL;
      CREATE INDEX latch_sign_ups_expire_at_idx ON latch_sign_ups (expire_at, id);
      ALTER TABLE latch_verifications ADD COLUMN expires_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.expiresAt') AS INTEGER)) VIRTUAL;
      CREATE INDEX latch_verifications_expires_at_idx ON latch_verifications (expires_at, id);
      ALTER TABLE latch_clients ADD COLUMN updated_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.updatedAt') AS INTEGER)) VIRTUAL;
      CREATE INDEX latch_clients_updated_at_idx ON latch_clients (updated_at, id);
      ALTER TABLE latch_sessions ADD COLUMN last_active_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.lastActiveAt') AS INTEGER)) VIRTUAL;
      CREATE INDEX latch_sessions_last_active_at_idx ON latch_sessions (last_active_at, id);
      ALTER TABLE latch_sessions ADD COLUMN live_user_id TEXT GENERATED ALWAYS AS (CASE WHEN json_extract(data, '$.status') = 'active' THEN json_extract(data, '$.userId') END) VIRTUAL;
      CREATE INDEX latch_sessions_live_user_id_idx ON latch_sessions (live_user_id);
    `,
  },
  {
    version: 20,
    description: 'admin API: secret keys and one-time sign-in tokens, stored hashed',
    sql: `
      CREATE TABLE latch_secret_keys (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, key_hash TEXT) STRICT;
      CREATE UNIQUE INDEX latch_secret_keys_key_hash_key ON latch_secret_keys (key_hash);

      CREATE TABLE latch_sign_in_tokens (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, token_hash TEXT, user_id TEXT) STRICT;
      CREATE UNIQUE INDEX latch_sign_in_tokens_token_hash_key ON latch_sign_in_tokens (token_hash);
      CREATE INDEX latch_sign_in_tokens_user_id_idx ON latch_sign_in_tokens (user_id);
    `,
  },
  {
    version: 30,
    description: 'webhooks: endpoints, the outbox of messages, deliveries and the attempt log',
    sql: `
      CREATE TABLE latch_webhook_endpoints (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL) STRICT;
      CREATE TABLE latch_webhook_messages (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL) STRICT;
      CREATE TABLE latch_webhook_deliveries (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, message_id TEXT, endpoint_id TEXT, ordering_key TEXT, status TEXT) STRICT;
      CREATE INDEX latch_webhook_deliveries_message_id_idx ON latch_webhook_deliveries (message_id);
      CREATE INDEX latch_webhook_deliveries_endpoint_id_idx ON latch_webhook_deliveries (endpoint_id);
      CREATE INDEX latch_webhook_deliveries_ordering_key_idx ON latch_webhook_deliveries (ordering_key);
      CREATE INDEX latch_webhook_deliveries_status_idx ON latch_webhook_deliveries (status);
      CREATE TABLE latch_webhook_attempts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, endpoint_id TEXT, message_id TEXT) STRICT;
      CREATE INDEX latch_webhook_attempts_endpoint_id_idx ON latch_webhook_attempts (endpoint_id);
      CREATE INDEX latch_webhook_attempts_message_id_idx ON latch_webhook_attempts (message_id);
    `,
  },
  {
    version: 40,
    description: 'social sign-in: external accounts (one user per provider account) and OAuth attempts (state hashed)',
    sql: `
      CREATE TABLE latch_external_accounts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL,
        provider_key TEXT GENERATED ALWAYS AS (json_extract(data, '$.providerKey')) VIRTUAL,
        user_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.userId')) VIRTUAL) STRICT;
      CREATE UNIQUE INDEX latch_external_accounts_provider_key_key ON latch_external_accounts (provider_key);
      CREATE INDEX latch_external_accounts_user_id_idx ON latch_external_accounts (user_id);
      CREATE TABLE latch_oauth_attempts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL,
        state_hash TEXT GENERATED ALWAYS AS (json_extract(data, '$.stateHash')) VIRTUAL,
        expires_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.expiresAt') AS INTEGER)) VIRTUAL) STRICT;
      CREATE UNIQUE INDEX latch_oauth_attempts_state_hash_key ON latch_oauth_attempts (state_hash);
      CREATE INDEX latch_oauth_attempts_expires_at_idx ON latch_oauth_attempts (expires_at, id);
    `,
  },
  {
    version: 50,
    description: 'passkeys: credentials by their unique id and by user, and single-use challenges that expire',
    sql: `
      CREATE TABLE latch_passkeys (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, credential_id TEXT, user_id TEXT) STRICT;
      CREATE UNIQUE INDEX latch_passkeys_credential_id_key ON latch_passkeys (credential_id);
      CREATE INDEX latch_passkeys_user_id_idx ON latch_passkeys (user_id);

      CREATE TABLE latch_passkey_challenges (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL, challenge_hash TEXT, client_id TEXT,
        expires_at INTEGER GENERATED ALWAYS AS (CAST(json_extract(data, '$.expiresAt') AS INTEGER)) VIRTUAL
      ) STRICT;
      CREATE UNIQUE INDEX latch_passkey_challenges_challenge_hash_key ON latch_passkey_challenges (challenge_hash);
      CREATE INDEX latch_passkey_challenges_client_id_idx ON latch_passkey_challenges (client_id);
      CREATE INDEX latch_passkey_challenges_expires_at_idx ON latch_passkey_challenges (expires_at, id);
    `,
  },
];

/**
 * Brings the database up to date in one IMMEDIATE transaction: it takes the
 * write lock first, so two processes opening one file apply each migration
 * once (the second waits, then finds nothing left to do).
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = sqliteMigrations): void {
  const migrate = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS latch_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
    const applied = db.prepare('SELECT version FROM latch_migrations').pluck().all() as number[];
    const record = db.prepare('INSERT INTO latch_migrations (version, description, applied_at) VALUES (?, ?, ?)');
    for (const migration of pendingMigrations(applied, migrations)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.description, Date.now());
    }
  });
  migrate.immediate();
}
