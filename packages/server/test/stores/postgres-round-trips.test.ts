import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientJSON } from '@latch/protocol';
import { ada, createTestServer, type TestBrowser } from '../helpers';
import { openPostgresTestStore } from './test-stores';

// Every statement is a network round trip to PostgreSQL, and every COMMIT a
// flush to its disk: the hot routes are held to a number of each, counted on
// the pg client itself (every query, pooled or in a transaction, goes through
// `Client.prototype.query`), so a change that adds one fails here.

const statements: { sql: string; inTransaction: boolean }[] = [];
const originalQuery = pg.Client.prototype.query;
/** Connections between BEGIN and COMMIT/ROLLBACK. */
const transactions = new WeakSet<pg.Client>();

beforeEach(() => {
  statements.length = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    const sql = typeof config === 'string' ? config : String((config as { text?: string }).text ?? '');
    if (/^\s*BEGIN\b/i.test(sql)) transactions.add(this);
    statements.push({ sql, inTransaction: transactions.has(this) });
    if (/^\s*(COMMIT|ROLLBACK)\b/i.test(sql)) transactions.delete(this);
    return (originalQuery as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
});

afterEach(() => {
  pg.Client.prototype.query = originalQuery;
});

/** A write outside BEGIN…COMMIT commits on its own: a flush to disk like a COMMIT. */
function commits(statement: { sql: string; inTransaction: boolean }): boolean {
  if (/^\s*COMMIT\b/i.test(statement.sql)) return true;
  return !statement.inTransaction && /^\s*(INSERT|UPDATE|DELETE)\b/i.test(statement.sql);
}

/** What `fn` sends: statements (round trips) and commits. */
async function counted(fn: () => Promise<unknown>): Promise<{ roundTrips: number; commits: number; sql: string[] }> {
  statements.length = 0;
  await fn();
  const sent = [...statements];
  return {
    roundTrips: sent.length,
    commits: sent.filter(commits).length,
    sql: sent.map((statement) => `${commits(statement) ? '[commit] ' : ''}${statement.sql.trim().split('\n')[0]}`),
  };
}

async function signedIn(): Promise<{ browser: TestBrowser; sessionId: string }> {
  const test = createTestServer({ store: await openPostgresTestStore() });
  await test.server.admin.createUser(ada);
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { browser, sessionId: signIn.createdSessionId ?? '' };
}

describe('PostgreSQL round trips', () => {
  it('GET /v1/client: at most 2, for a signed-in client with its user', async () => {
    const { browser } = await signedIn();
    let client: ClientJSON | null = null;
    const { roundTrips, sql } = await counted(async () => (client = await browser.client()));
    expect(client!.sessions).toHaveLength(1);
    expect(client!.sessions[0]?.user.emailAddresses[0]?.emailAddress).toBe(ada.emailAddress);
    expect(roundTrips, sql.join('\n---\n')).toBeLessThanOrEqual(2);
  });

  it('a token mint: at most 2 reads and no write within the activity interval', async () => {
    const { browser, sessionId } = await signedIn();
    await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`); // makes the signing key
    const { roundTrips, commits, sql } = await counted(() => browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`));
    expect(roundTrips, sql.join('\n---\n')).toBeLessThanOrEqual(2);
    expect(commits).toBe(0);
    expect(sql.some((text) => /^\s*(UPDATE|INSERT|DELETE)\b/i.test(text))).toBe(false);
  });

  it('a password sign-in: at most 3 commits', async () => {
    const test = createTestServer({ store: await openPostgresTestStore() });
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    const { commits, sql } = await counted(() => browser.signInWithPassword(ada.emailAddress, ada.password));
    expect(commits, sql.join('\n---\n')).toBeLessThanOrEqual(3);
  });
});
