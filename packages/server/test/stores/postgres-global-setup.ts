/**
 * Vitest globalSetup of the postgres project: creates one database for this
 * run (`latch_test_<random>`) on the server `LATCH_TEST_PG_URL` names, hands
 * its URL to the tests, and drops it when the run ends. Test files isolate
 * themselves further with one schema per store.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const adminUrl = process.env.LATCH_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect().catch((error: Error) => {
    throw new Error(`The postgres test project needs PostgreSQL at ${adminUrl} (set LATCH_TEST_PG_URL to use another): ${error.message}`);
  });
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = `latch_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${database}`);
  // A throwaway database need not wait for each commit to reach the disk; the tests stay as strict otherwise.
  await asAdmin(`ALTER DATABASE ${database} SET synchronous_commit = off`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  project.provide('latchTestPostgresUrl', url.toString());
  // FORCE ends connections a crashed test left open, so the drop never hangs.
  return () => asAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
