import { pbkdf2Sync, scryptSync } from 'node:crypto';
import { hashSync as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, pbkdf2Hashing } from '../../src/index';
import { createHashingPool, type HashingPool } from '../../src/node/index';
import { errorCode, startService, type TestService } from './helpers';

const password = 'correct-horse-battery';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const b64NoPad = (bytes: Uint8Array) => b64(bytes).replace(/=+$/, '');
/** passlib's "ab64": base64 without padding, `.` for `+`. */
const ab64 = (bytes: Uint8Array) => b64NoPad(bytes).replace(/\+/g, '.');
const salt = Buffer.from('0123456789abcdef');

/**
 * Firebase's published scrypt example (github.com/firebase/scrypt, README):
 * project parameters, one exported user's salt and hash, and the password.
 */
const firebase = {
  signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
  saltSeparator: 'Bw==',
  rounds: 8,
  memCost: 14,
  salt: '42xEC+ixf3L2lw==',
  hash: 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==',
  password: 'user1password',
};
const firebaseHash = (hash = firebase.hash) =>
  `firebase-scrypt$${firebase.rounds}$${firebase.memCost}$${firebase.saltSeparator}$${firebase.signerKey}$${firebase.salt}$${hash}`;

/** One hash of `password` per format, each made by the library or primitive that real providers use. */
function foreignHashes(): Record<string, string> {
  const bcrypt2b = bcrypt.hashSync(password, 4);
  return {
    'bcrypt $2b$': bcrypt2b,
    'bcrypt $2a$': bcrypt.hashSync(password, bcrypt.genSaltSync(4)).replace(/^\$2b\$/, '$2a$'),
    'bcrypt $2y$ (PHP)': bcrypt2b.replace(/^\$2b\$/, '$2y$'),
    argon2id: argon2Hash(password, { algorithm: 2, memoryCost: 4096, timeCost: 3, parallelism: 1 }),
    argon2i: argon2Hash(password, { algorithm: 1, memoryCost: 4096, timeCost: 3, parallelism: 1 }),
    'scrypt PHC': `$scrypt$ln=14,r=8,p=1$${b64NoPad(salt)}$${b64NoPad(scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 }))}`,
    'PBKDF2-SHA1 passlib': `$pbkdf2$2000$${ab64(salt)}$${ab64(pbkdf2Sync(password, salt, 2000, 20, 'sha1'))}`,
    'PBKDF2-SHA512 passlib': `$pbkdf2-sha512$2000$${ab64(salt)}$${ab64(pbkdf2Sync(password, salt, 2000, 64, 'sha512'))}`,
    'PBKDF2-SHA256 Django': `pbkdf2_sha256$2000$saltsalt$${b64(pbkdf2Sync(password, 'saltsalt', 2000, 32, 'sha256'))}`,
    'PBKDF2-SHA1 Django': `pbkdf2_sha1$2000$saltsalt$${b64(pbkdf2Sync(password, 'saltsalt', 2000, 20, 'sha1'))}`,
    'PBKDF2-SHA512 Werkzeug': `pbkdf2:sha512:2000$saltsalt$${pbkdf2Sync(password, 'saltsalt', 2000, 64, 'sha512').toString('hex')}`,
  };
}

describe('password hashes: argon2id by default, foreign formats verified', () => {
  const pools: HashingPool[] = [];
  let running: TestService | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
  });
  /** argon2id at a small memory cost, so the suite stays quick on a busy machine; the default is tested on its own. */
  function pool(options: Parameters<typeof createHashingPool>[0] = { argon2: { memoryCost: 1024, timeCost: 2 } }): HashingPool {
    const created = createHashingPool({ threads: 1, ...options });
    pools.push(created);
    return created;
  }

  it("hashes with argon2id at OWASP's setting (m = 19 MiB, t = 2, p = 1) by default, and needs no rehash of it", async () => {
    const threads = pool({});
    const stored = await threads.hash(password);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await threads.verify(password, stored)).toBe(true);
    expect(await threads.verify('wrong-horse-battery', stored)).toBe(false);
    expect(threads.needsRehash?.(stored)).toBe(false);
    // The core's PBKDF2 (browser, mock, older rows) still verifies, and is marked for a rehash.
    const old = await pbkdf2Hashing(1000).hash(password);
    expect(await threads.verify(password, old)).toBe(true);
    expect(threads.needsRehash?.(old)).toBe(true);
  });

  it.each(Object.entries(foreignHashes()))('verifies %s made by the real library, and refuses a wrong password', async (_name, stored) => {
    const threads = pool();
    expect(threads.canVerify?.(stored)).toBe(true);
    expect(await threads.verify(password, stored)).toBe(true);
    expect(await threads.verify('wrong-horse-battery', stored)).toBe(false);
    expect(threads.needsRehash?.(stored)).toBe(true);
  });

  it("verifies Firebase's modified scrypt with the project's signer key, salt separator, rounds and memory cost (Firebase's published vector)", async () => {
    const threads = pool();
    expect(await threads.verify(firebase.password, firebaseHash())).toBe(true);
    expect(await threads.verify('user2password', firebaseHash())).toBe(false);
    const tampered = Buffer.from(firebase.hash, 'base64');
    tampered[0]! ^= 1;
    expect(await threads.verify(firebase.password, firebaseHash(tampered.toString('base64')))).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['plain text', 'hunter2'],
    ['md5 crypt', '$1$saltsalt$qjXMvbEw8oaL.CzflDugX/'],
    ['truncated bcrypt', '$2b$10$abcdefghijklmnopqrstuv'],
    ['bcrypt with cost 99', `$2b$99$${'a'.repeat(53)}`],
    ['argon2 without a hash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ'],
    ['scrypt with bad parameters', '$scrypt$ln=x,r=8,p=1$c2FsdA$aGFzaA'],
    ['scrypt with a short hash', '$scrypt$ln=14,r=8,p=1$c2FsdHNhbHQ$aGFzaA'],
    ['firebase-scrypt missing fields', 'firebase-scrypt$8$14$Bw=='],
    ['PBKDF2 with non-numeric iterations', 'pbkdf2_sha256$many$salt$aGFzaGhhc2hoYXNoaGFzaA=='],
    ['PBKDF2 with a digest we do not know', 'pbkdf2_md5$1000$salt$aGFzaGhhc2hoYXNoaGFzaA=='],
    ['PBKDF2 with garbled base64', 'pbkdf2-sha256$1000$c2FsdA$!!!notbase64!!!'],
    ['Werkzeug without its iteration count (the default changed between releases)', 'pbkdf2:sha256$saltsalt$' + 'ab'.repeat(32)],
    // A stored hash sets the cost of checking it: absurd ones would tie up a hashing thread for minutes or gigabytes.
    ['argon2id asking for 4 GiB', '$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43)],
    ['bcrypt at cost 25', `$2b$25$${'a'.repeat(53)}`],
    ['scrypt asking for 4 GiB', '$scrypt$ln=22,r=8,p=1$c2FsdHNhbHQ$' + 'A'.repeat(43)],
  ])('refuses %s as a stored hash: canVerify is false and verify fails', async (_name, stored) => {
    const threads = pool();
    expect(threads.canVerify?.(stored)).toBe(false);
    expect(await threads.verify(password, stored)).toBe(false);
  });

  it('admin createUser refuses an unknown or garbled passwordHash with a clear error, and a password with a hash', async () => {
    running = await startService({ hashing: pool() });
    const { admin } = running.service.latch;
    const garbled = await admin.createUser({ emailAddress: 'a@example.com', passwordHash: '$2b$10$tooshort' }).catch((error: unknown) => error);
    expect(garbled).toBeInstanceOf(ApiFailure);
    expect((garbled as ApiFailure).error).toMatchObject({ code: 'form_param_format_invalid', meta: { paramName: 'passwordHash' } });
    expect((garbled as ApiFailure).message).toMatch(/bcrypt/);
    await expect(admin.createUser({ emailAddress: 'b@example.com', password, passwordHash: bcrypt.hashSync(password, 4) })).rejects.toThrow(/not both/);
    expect(await running.store.findBy('emailAddresses', 'verifiedEmail', 'a@example.com')).toBeNull();
  });

  it('a user imported with each foreign hash signs in over HTTP with the old password, and is rehashed to argon2id in that sign-in', async () => {
    const threads = pool();
    running = await startService({ hashing: threads });
    const hashes = { ...foreignHashes(), 'Firebase scrypt': firebaseHash() };
    let n = 0;
    for (const [name, stored] of Object.entries(hashes)) {
      const emailAddress = `user${n++}@example.com`;
      const secret = name === 'Firebase scrypt' ? firebase.password : password;
      const user = await running.service.latch.admin.createUser({ emailAddress, passwordHash: stored, externalId: `old|${n}` });
      expect(user.passwordHash, name).toBe(stored);

      const wrong = await running.client().call('POST', '/v1/client/sign_ins', { identifier: emailAddress, password: 'wrong-horse-battery' });
      expect(errorCode(wrong), name).toBe('form_password_incorrect');
      expect((await running.store.get('users', user.id))?.passwordHash, `${name}: a wrong password changes nothing`).toBe(stored);

      const signIn = await running.client().signIn(emailAddress, secret);
      expect(signIn.status, name).toBe('complete');
      const rehashed = (await running.store.get('users', user.id))?.passwordHash;
      expect(rehashed, name).toMatch(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$/);
      // The new hash is the password's: a second sign-in verifies it, and leaves it as it is.
      expect((await running.client().signIn(emailAddress, secret)).status, name).toBe('complete');
      expect((await running.store.get('users', user.id))?.passwordHash, name).toBe(rehashed);
      expect(await running.store.findBy('users', 'externalId', `old|${n}`)).toMatchObject({ id: user.id });
    }
  });

  it('the service rehashes a PBKDF2 user to argon2id at the OWASP setting on the next sign-in, with its own pool', async () => {
    running = await startService({ hashing: undefined, hashPool: { threads: 1 } });
    const old = await pbkdf2Hashing(600_000).hash(password);
    const user = await running.service.latch.admin.createUser({ emailAddress: 'ada@example.com', passwordHash: old });
    expect((await running.client().signIn('ada@example.com', password)).status).toBe('complete');
    expect((await running.store.get('users', user.id))?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
