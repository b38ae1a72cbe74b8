import { randomBytes, scryptSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSync as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHashingPool, openStore, type ClosableStore, type HashingPool } from '../../src/node/index';
import { signIn } from '../store-conformance';
import { testPostgresUrl, testStoreKind } from '../stores/test-stores';
import { runMain, startService, tempDir, testEncryptionKey, type TestService } from './helpers';

const password = 'correct-horse-battery';

describe('latch-server users import and purge', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A database the CLI and a service can both open: a SQLite file, or on the postgres project the run's database. */
  function database(): string {
    if (testStoreKind() === 'postgres') return testPostgresUrl();
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    return join(dir.path, 'latch.db');
  }

  function importFile(lines: string[]): string {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const path = join(dir.path, 'users.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  }

  it('streams a JSONL file, reports bad lines by number and goes on, is idempotent by externalId, and the users sign in and are rehashed', async () => {
    // Unique per run: on PostgreSQL the CLI works in the run's shared database.
    const run = randomBytes(4).toString('hex');
    const email = (name: string) => `${name}-${run}@example.com`;
    const salt = randomBytes(16);
    const scrypt = `$scrypt$ln=14,r=8,p=1$${salt.toString('base64')}$${scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 }).toString('base64')}`;
    const lines = [
      JSON.stringify({ externalId: `${run}|1`, emailAddress: email('bcrypt'), passwordHash: bcrypt.hashSync(password, 4), firstName: 'Ada' }),
      JSON.stringify({ externalId: `${run}|2`, emailAddress: email('argon2'), passwordHash: argon2Hash(password, { memoryCost: 4096, timeCost: 3 }), username: `grace${run}` }),
      '',
      '{"externalId": "broken", "emailAddress": ',
      JSON.stringify({ externalId: `${run}|3`, emailAddress: email('scrypt'), passwordHash: scrypt, lastName: null }),
      JSON.stringify({ externalId: `${run}|4`, emailAddress: email('garbled'), passwordHash: '$2b$10$not-a-real-hash' }),
      JSON.stringify({ emailAddress: email('noid') }),
      JSON.stringify({ externalId: `${run}|5`, emailAddress: email('typo'), pasword: 'x' }),
      JSON.stringify({ externalId: `${run}|6`, emailAddress: email('nopassword') }),
    ];
    const file = importFile(lines);
    const env = { LATCH_DATABASE: database(), LATCH_ENCRYPTION_KEY: testEncryptionKey, LATCH_HASH_THREADS: '1' };

    const first = await runMain(['users', 'import', file], env);
    expect(first.code).toBe(2);
    expect(first.stdout).toBe(`Imported 4 of 8 users from ${file}; 4 lines had errors (above).\n`);
    const errors = first.stderr.trim().split('\n').sort();
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe(`${file}:4: not valid JSON`);
    expect(errors[1]).toMatch(new RegExp(`^${file}:6: passwordHash: passwordHash is not a hash this server can verify`));
    expect(errors[2]).toMatch(new RegExp(`^${file}:7: externalId is required`));
    expect(errors[3]).toMatch(new RegExp(`^${file}:8: unknown field "pasword"`));

    // Again: nothing new, and it says so.
    const second = await runMain(['users', 'import', file], env);
    expect(second.stdout).toBe(`Imported 0 of 8 users from ${file}; 4 were already imported (same externalId) and left as they are; 4 lines had errors (above).\n`);

    const pool: HashingPool = createHashingPool({ threads: 1, argon2: { memoryCost: 1024 } });
    cleanups.push(() => pool.close());
    const service: TestService = await startService({ database: env.LATCH_DATABASE, hashing: pool });
    cleanups.push(() => service.close());
    for (const name of ['bcrypt', 'argon2', 'scrypt']) {
      expect((await service.client().signIn(email(name), password)).status, name).toBe('complete');
      const emailRow = await service.store.findBy('emailAddresses', 'verifiedEmail', email(name));
      expect((await service.store.get('users', emailRow!.userId))?.passwordHash, name).toMatch(/^\$argon2id\$v=19\$m=1024,/);
    }
    expect(await service.store.findBy('users', 'externalId', `${run}|2`)).toMatchObject({ username: `grace${run}` });
  });

  it('refuses users import without a file', async () => {
    const { code, stderr } = await runMain(['users', 'import']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/users import needs the file to read/);
  });

  it('purge deletes what is over and says what it deleted', async () => {
    const env = { LATCH_DATABASE: database(), LATCH_ENCRYPTION_KEY: testEncryptionKey };
    const store: ClosableStore = await openStore(env.LATCH_DATABASE);
    cleanups.push(() => store.close());
    const old = Date.now() - 3 * 24 * 60 * 60 * 1000;
    const id = `sia_${randomBytes(6).toString('hex')}`;
    await store.insert('signIns', signIn(id, old));
    const { code, stdout } = await runMain(['purge'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Deleted \d+ sign-ins, \d+ sign-ups, \d+ email codes, \d+ ended sessions, \d+ idle clients and \d+ expired counters, in \d+ batches\.\n$/);
    expect(Number(/^Deleted (\d+) sign-ins/.exec(stdout)![1])).toBeGreaterThanOrEqual(1);
    expect(await store.get('signIns', id)).toBeNull();
  });
});
