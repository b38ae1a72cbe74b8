import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { SignUpJSON } from '@latch/protocol';
import type { OutgoingEmail } from '@latch/server';
import { TestBrowser } from '../helpers';
import { testStoreKind } from '../stores/test-stores';
import type { SpawnedServer } from './spawned-server';

const adminUrl = process.env.LATCH_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own that outlives the processes using it: a SQLite file, or a PostgreSQL database with its default (durable) commit settings. */
export async function freshDatabase(): Promise<{ database: string; drop: () => Promise<void> }> {
  if (testStoreKind() === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'latch-process-'));
    return { database: join(folder, 'latch.db'), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const name = `latch_process_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { database: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The newest code the spawned server (in development mode) emailed to `to`. */
export async function latestCode(server: SpawnedServer, to: string): Promise<string> {
  const outbox = (await (await fetch(`${server.url}/v1/dev/outbox`)).json()) as OutgoingEmail[];
  const code = outbox.filter((email) => email.to === to).at(-1)?.code;
  if (!code) throw new Error(`no code for ${to}`);
  return code;
}

/** One whole sign-up against the spawned server; resolves to the email address once the server acknowledged it, or null if it did not. */
export async function signUpOver(server: SpawnedServer, email: string, password: string): Promise<string | null> {
  try {
    const browser = new TestBrowser(server.url);
    const created = await browser.call<{ response: SignUpJSON }>('POST', '/v1/client/sign_ups', { emailAddress: email, password });
    const id = created.json.response?.id;
    if (!id) return null;
    await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    const attempt = await browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code: await latestCode(server, email) });
    return attempt.status === 200 ? email : null;
  } catch {
    return null; // the connection died with the server: not acknowledged
  }
}
