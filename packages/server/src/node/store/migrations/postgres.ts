import type pg from 'pg';
import { loadDriver } from '../load-driver';
import { pendingMigrations, type Migration } from './migration';

/*
 * Each kind's table: `id` is the primary key, `seq` an identity column for
 * "oldest first", `data` the record as JSONB, then one column per index in
 * the core's schema. List indexes include `seq`, so `WHERE user_id = $1 ORDER
 * BY seq` reads the index in order without a sort. Names are unqualified: the
 * runner sets the search_path to the store's schema.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'tables and indexes for every record kind, and counters',
    sql: `
      CREATE TABLE latch_users (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, username text);
      CREATE UNIQUE INDEX latch_users_username_key ON latch_users (username);

      CREATE TABLE latch_email_addresses (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, verified_email text, user_id text);
      CREATE UNIQUE INDEX latch_email_addresses_verified_email_key ON latch_email_addresses (verified_email);
      CREATE INDEX latch_email_addresses_user_id_idx ON latch_email_addresses (user_id, seq);

      CREATE TABLE latch_clients (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, token_hash text);
      CREATE UNIQUE INDEX latch_clients_token_hash_key ON latch_clients (token_hash);

      CREATE TABLE latch_sessions (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, user_id text, client_id text);
      CREATE INDEX latch_sessions_user_id_idx ON latch_sessions (user_id, seq);
      CREATE INDEX latch_sessions_client_id_idx ON latch_sessions (client_id, seq);

      CREATE TABLE latch_sign_ins (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL);
      CREATE TABLE latch_sign_ups (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL);
      CREATE TABLE latch_verifications (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL);

      CREATE TABLE latch_backup_codes (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, code_hash text, user_id text);
      CREATE UNIQUE INDEX latch_backup_codes_code_hash_key ON latch_backup_codes (code_hash);
      CREATE INDEX latch_backup_codes_user_id_idx ON latch_backup_codes (user_id, seq);

      CREATE TABLE latch_signing_keys (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, status text);
      CREATE INDEX latch_signing_keys_status_idx ON latch_signing_keys (status, seq);

      CREATE TABLE latch_counters (key text PRIMARY KEY, value integer NOT NULL, expires_at bigint NOT NULL);
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
    sql: `CREATE TABLE latch_server_secrets (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL);`,
  },
  // From here on, index columns are generated from the data column (see generatedFields in the core's schema): nothing writes them.
  {
    version: 10,
    description: 'users: the external id of imported users, unique',
    sql: `
      ALTER TABLE latch_users ADD COLUMN external_id text GENERATED ALWAYS AS (data ->> 'externalId') STORED;
      CREATE UNIQUE INDEX latch_users_external_id_key ON latch_users (external_id);
    `,
  },
  {
    version: 11,
    description: 'retention: timestamps the sweep deletes by, and the live sessions of a user',
    sql: `
      ALTER TABLE latch_sign_ins ADD COLUMN expire_at bigint GENERATED ALWAYS AS ((data ->> 'expireAt')::numeric::bigint) STORED;
      CREATE INDEX latch_sign_ins_expire_at_idx ON latch_sign_ins (expire_at, id);
      ALTER TABLE latch_sign_ups ADD COLUMN expire_at bigint GENERATED ALWAYS AS ((data ->> 'expireAt')::numeric::bigint) STORED;
      CREATE INDEX latch_sign_ups_expire_at_idx ON latch_sign_ups (expire_at, id);
      ALTER TABLE latch_verifications ADD COLUMN expires_at bigint GENERATED ALWAYS AS ((data ->> 'expiresAt')::numeric::bigint) STORED;
      CREATE INDEX latch_verifications_expires_at_idx ON latch_verifications (expires_at, id);
      ALTER TABLE latch_clients ADD COLUMN updated_at bigint GENERATED ALWAYS AS ((data ->> 'updatedAt')::numeric::bigint) STORED;
      CREATE INDEX latch_clients_updated_at_idx ON latch_clients (updated_at, id);
      ALTER TABLE latch_sessions ADD COLUMN last_active_at bigint GENERATED ALWAYS AS ((data ->> 'lastActiveAt')::numeric::bigint) STORED;
      CREATE INDEX latch_sessions_last_active_at_idx ON latch_sessions (last_active_at, id);
      ALTER TABLE latch_sessions ADD COLUMN live_user_id text GENERATED ALWAYS AS (CASE WHEN data ->> 'status' = 'active' THEN data ->> 'userId' END) STORED;
      CREATE INDEX latch_sessions_live_user_id_idx ON latch_sessions (live_user_id, seq);
    `,
  },
  {
    version: 20,
    description: 'admin API: secret keys and one-time sign-in tokens, stored hashed',
    sql: `
      CREATE TABLE latch_secret_keys (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, key_hash text);
      CREATE UNIQUE INDEX latch_secret_keys_key_hash_key ON latch_secret_keys (key_hash);

      CREATE TABLE latch_sign_in_tokens (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, token_hash text, user_id text);
      CREATE UNIQUE INDEX latch_sign_in_tokens_token_hash_key ON latch_sign_in_tokens (token_hash);
      CREATE INDEX latch_sign_in_tokens_user_id_idx ON latch_sign_in_tokens (user_id, seq);
    `,
  },
  {
    version: 30,
    description: 'webhooks: endpoints, the outbox of messages, deliveries and the attempt log',
    sql: `
      CREATE TABLE latch_webhook_endpoints (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL);
      CREATE TABLE latch_webhook_messages (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL);
      CREATE TABLE latch_webhook_deliveries (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, message_id text, endpoint_id text, ordering_key text, status text);
      CREATE INDEX latch_webhook_deliveries_message_id_idx ON latch_webhook_deliveries (message_id, seq);
      CREATE INDEX latch_webhook_deliveries_endpoint_id_idx ON latch_webhook_deliveries (endpoint_id, seq);
      CREATE INDEX latch_webhook_deliveries_ordering_key_idx ON latch_webhook_deliveries (ordering_key, seq);
      CREATE INDEX latch_webhook_deliveries_status_idx ON latch_webhook_deliveries (status, seq);
      CREATE TABLE latch_webhook_attempts (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, endpoint_id text, message_id text);
      CREATE INDEX latch_webhook_attempts_endpoint_id_idx ON latch_webhook_attempts (endpoint_id, seq);
      CREATE INDEX latch_webhook_attempts_message_id_idx ON latch_webhook_attempts (message_id, seq);
    `,
  },
  {
    version: 40,
    description: 'social sign-in: external accounts (one user per provider account) and OAuth attempts (state hashed)',
    sql: `
      CREATE TABLE latch_external_accounts (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL,
        provider_key text GENERATED ALWAYS AS (data ->> 'providerKey') STORED,
        user_id text GENERATED ALWAYS AS (data ->> 'userId') STORED);
      CREATE UNIQUE INDEX latch_external_accounts_provider_key_key ON latch_external_accounts (provider_key);
      CREATE INDEX latch_external_accounts_user_id_idx ON latch_external_accounts (user_id, seq);
      CREATE TABLE latch_oauth_attempts (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL,
        state_hash text GENERATED ALWAYS AS (data ->> 'stateHash') STORED,
        expires_at bigint GENERATED ALWAYS AS ((data ->> 'expiresAt')::numeric::bigint) STORED);
      CREATE UNIQUE INDEX latch_oauth_attempts_state_hash_key ON latch_oauth_attempts (state_hash);
      CREATE INDEX latch_oauth_attempts_expires_at_idx ON latch_oauth_attempts (expires_at, id);
    `,
  },
  {
    version: 50,
    description: 'passkeys: credentials by their unique id and by user, and single-use challenges that expire',
    sql: `
      CREATE TABLE latch_passkeys (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, credential_id text, user_id text);
      CREATE UNIQUE INDEX latch_passkeys_credential_id_key ON latch_passkeys (credential_id);
      CREATE INDEX latch_passkeys_user_id_idx ON latch_passkeys (user_id, seq);

      CREATE TABLE latch_passkey_challenges (
        id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, data jsonb NOT NULL, challenge_hash text, client_id text,
        expires_at bigint GENERATED ALWAYS AS ((data ->> 'expiresAt')::numeric::bigint) STORED
      );
      CREATE UNIQUE INDEX latch_passkey_challenges_challenge_hash_key ON latch_passkey_challenges (challenge_hash);
      CREATE INDEX latch_passkey_challenges_client_id_idx ON latch_passkey_challenges (client_id, seq);
      CREATE INDEX latch_passkey_challenges_expires_at_idx ON latch_passkey_challenges (expires_at, id);
    `,
  },
];

/** Any fixed number: it keeps our advisory locks apart from the application's. */
const ADVISORY_LOCK_NAMESPACE = 0x4c617463; // "Latc"

/**
 * Brings `schema` up to date in one transaction. Instances starting together
 * on one database queue on a transaction-scoped advisory lock, so each
 * migration is applied once; the lock is released by the COMMIT or ROLLBACK.
 * `createSchema` is off for a schema that must already exist (creating one
 * needs a privilege that `public` users often lack).
 */
export async function migratePostgres(
  pool: pg.Pool,
  options: { schema: string; createSchema: boolean },
  migrations: readonly Migration[] = postgresMigrations,
): Promise<void> {
  const schema = loadDriver<typeof pg>('pg').escapeIdentifier(options.schema);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCK_NAMESPACE, options.schema]);
    if (options.createSchema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS latch_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM latch_migrations');
    for (const migration of pendingMigrations(rows.map((row) => row.version), migrations)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO latch_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
    }
    await client.query('COMMIT');
  } catch (error) {
    // A connection that cannot even roll back is dropped rather than returned to the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
