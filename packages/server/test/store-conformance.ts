import { describe, expect, it } from 'vitest';
import { UniqueViolation, type SessionRecord, type SignInRecord, type Store, type UserRecord } from '@latch/server';

/** A minimal user record, for store tests. */
export function user(id: string, username: string | null): UserRecord {
  return {
    id,
    firstName: null,
    lastName: null,
    username,
    imageUrl: null,
    primaryEmailAddressId: null,
    passwordHash: null,
    totpSecret: null,
    pendingTotpSecret: null,
    lockedUntil: null,
    createdAt: 1,
    updatedAt: 1,
    lastSignInAt: null,
  };
}

/** A minimal sign-in record that expires at `expireAt`, for store and retention tests. */
export function signIn(id: string, expireAt: number): SignInRecord {
  return {
    id,
    clientId: 'c1',
    userId: null,
    identifier: 'ada@example.com',
    status: 'needs_first_factor',
    firstFactorVerification: null,
    secondFactorVerification: null,
    createdSessionId: null,
    createdAt: expireAt - 10,
    expireAt,
  };
}

function session(id: string, userId: string, status: SessionRecord['status'], lastActiveAt = 1): SessionRecord {
  return { id, userId, clientId: 'c1', status, userAgent: null, createdAt: 1, lastActiveAt, abandonAt: 1_000_000 };
}

/**
 * The behaviour every Store must have. Run it against each implementation
 * (MemoryStore today, SQL stores later) with a factory for an empty store.
 */
export function describeStoreConformance(name: string, makeStore: () => Store | Promise<Store>): void {
  describe(`${name} conforms to Store`, () => {
    it('inserts, gets, updates and deletes', async () => {
      const store = await makeStore();
      await store.insert('users', user('u1', 'ada'));
      expect((await store.get('users', 'u1'))?.username).toBe('ada');
      expect((await store.update('users', 'u1', { firstName: 'Ada' }))?.firstName).toBe('Ada');
      expect(await store.update('users', 'missing', { firstName: 'X' })).toBeNull();
      expect(await store.delete('users', 'u1')).toBe(true);
      expect(await store.get('users', 'u1')).toBeNull();
    });

    it('gives copies: mutating a record read or written changes nothing stored', async () => {
      const store = await makeStore();
      const written = user('u1', 'ada');
      await store.insert('users', written);
      written.username = 'changed';
      const read = await store.get('users', 'u1');
      if (read) read.username = 'changed-too';
      expect((await store.get('users', 'u1'))?.username).toBe('ada');
    });

    it('finds by unique index and lists by list index, oldest first', async () => {
      const store = await makeStore();
      await store.insert('users', user('u1', 'ada'));
      expect((await store.findBy('users', 'username', 'ada'))?.id).toBe('u1');
      expect(await store.findBy('users', 'username', 'nobody')).toBeNull();
      for (const id of ['s1', 's2']) {
        await store.insert('sessions', { id, userId: 'u1', clientId: 'c1', status: 'active', userAgent: null, createdAt: 1, lastActiveAt: 1, abandonAt: 2 });
      }
      expect((await store.listBy('sessions', 'userId', 'u1')).map((s) => s.id)).toEqual(['s1', 's2']);
      expect(await store.listBy('sessions', 'clientId', 'other')).toEqual([]);
    });

    it('refuses a unique clash on insert and update, but lets nulls coexist', async () => {
      const store = await makeStore();
      await store.insert('users', user('u1', 'ada'));
      await store.insert('users', user('u2', null));
      await store.insert('users', user('u3', null));
      const clash = await store.insert('users', user('u4', 'ada')).catch((error: unknown) => error);
      expect(clash).toBeInstanceOf(UniqueViolation);
      expect((clash as UniqueViolation).index).toBe('username');
      await expect(store.update('users', 'u2', { username: 'ada' })).rejects.toBeInstanceOf(UniqueViolation);
      expect((await store.update('users', 'u1', { username: 'ada' }))?.id).toBe('u1');
    });

    it('lets exactly one of many parallel inserts claim a unique value', async () => {
      const store = await makeStore();
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.insert('users', user(`u${i}`, 'same'))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('merges parallel updates of different fields without losing any', async () => {
      const store = await makeStore();
      await store.insert('users', user('u1', null));
      const fields = ['firstName', 'lastName', 'username', 'imageUrl', 'passwordHash', 'totpSecret', 'pendingTotpSecret'] as const;
      await Promise.all(fields.map((field) => store.update('users', 'u1', { [field]: `${field}-value` })));
      const stored = await store.get('users', 'u1');
      for (const field of fields) expect(stored?.[field]).toBe(`${field}-value`);
      expect((await store.findBy('users', 'username', 'username-value'))?.id).toBe('u1');
    });

    it('deletes once: only one parallel caller gets true', async () => {
      const store = await makeStore();
      await store.insert('users', user('u1', null));
      const results = await Promise.all(Array.from({ length: 10 }, () => store.delete('users', 'u1')));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('counts atomically, expires after the window and resets', async () => {
      const store = await makeStore();
      const values = await Promise.all(Array.from({ length: 50 }, () => store.increment('k', 1, 1000, 0)));
      expect(new Set(values).size).toBe(50);
      expect(Math.max(...values)).toBe(50);
      expect(await store.increment('k', 0, 1000, 999)).toBe(50);
      expect(await store.increment('k', 1, 1000, 1000)).toBe(1);
      await store.resetCounter('k');
      expect(await store.increment('k', 1, 1000, 1000)).toBe(1);
    });

    it('commits a transaction: every write in it is there afterwards, and its result is returned', async () => {
      const store = await makeStore();
      const result = await store.transaction(async (tx) => {
        await tx.insert('users', user('u1', 'ada'));
        await tx.update('users', 'u1', { firstName: 'Ada' });
        await tx.insert('users', user('u2', 'grace'));
        return 'done';
      });
      expect(result).toBe('done');
      expect((await store.get('users', 'u1'))?.firstName).toBe('Ada');
      expect((await store.findBy('users', 'username', 'grace'))?.id).toBe('u2');
    });

    it('rolls a transaction back when its body throws, and re-throws', async () => {
      const store = await makeStore();
      await store.insert('users', user('u0', 'kept'));
      for (const id of ['s1', 's2', 's3']) {
        await store.insert('sessions', { id, userId: 'u0', clientId: 'c1', status: 'active', userAgent: null, createdAt: 1, lastActiveAt: 1, abandonAt: 2 });
      }
      await store.increment('k', 2, 1000, 0);
      const boom = new Error('boom');
      const failed = store.transaction(async (tx) => {
        await tx.insert('users', user('u1', 'ada'));
        await tx.update('users', 'u0', { firstName: 'Changed' });
        await tx.delete('sessions', 's1');
        await tx.increment('k', 5, 1000, 0);
        await tx.resetCounter('other');
        throw boom;
      });
      await expect(failed).rejects.toBe(boom);
      expect(await store.get('users', 'u1')).toBeNull();
      expect(await store.findBy('users', 'username', 'ada')).toBeNull();
      expect((await store.get('users', 'u0'))?.firstName).toBeNull();
      // Rolled back in place: the list order ("oldest first") is what it was.
      expect((await store.listBy('sessions', 'userId', 'u0')).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
      expect(await store.increment('k', 0, 1000, 0)).toBe(2);
    });

    it('rolls back on a UniqueViolation inside a transaction, which reaches the caller as itself', async () => {
      const store = await makeStore();
      await store.insert('users', user('u0', 'taken'));
      const failed = store.transaction(async (tx) => {
        await tx.insert('users', user('u1', 'ada'));
        await tx.insert('users', user('u2', 'taken'));
      });
      await expect(failed).rejects.toBeInstanceOf(UniqueViolation);
      expect(await store.get('users', 'u1')).toBeNull();
      expect(await store.findBy('users', 'username', 'ada')).toBeNull();
      // The store works normally afterwards.
      await store.insert('users', user('u3', 'ada'));
      expect((await store.findBy('users', 'username', 'ada'))?.id).toBe('u3');
    });

    it('runs a nested transaction inside the outer one: the outer rollback undoes it', async () => {
      const store = await makeStore();
      const failed = store.transaction(async (tx) => {
        await tx.transaction((inner) => inner.insert('users', user('u1', 'ada')));
        expect((await tx.get('users', 'u1'))?.username).toBe('ada');
        throw new Error('outer fails');
      });
      await expect(failed).rejects.toThrow('outer fails');
      expect(await store.get('users', 'u1')).toBeNull();
    });

    it('never shows a reader outside a transaction its uncommitted writes', async () => {
      const store = await makeStore();
      let committing = false;
      let outside: Promise<{ seen: UserRecord | null; afterCommit: boolean }> | undefined;
      await store.transaction(async (tx) => {
        await tx.insert('users', user('u1', 'ada'));
        // A SQL store answers this on another connection at once (and must not see the row);
        // a single-connection store makes it wait until the transaction is over.
        outside = store.get('users', 'u1').then((seen) => ({ seen, afterCommit: committing }));
        await new Promise((resolve) => setTimeout(resolve, 20));
        committing = true;
      });
      const { seen, afterCommit } = await outside!;
      expect(seen === null || afterCommit).toBe(true);
      expect((await store.get('users', 'u1'))?.username).toBe('ada');
    });

    it('keeps parallel transactions from interleaving their read-modify-writes on one record', async () => {
      const store = await makeStore();
      await store.insert('users', user('u1', null));
      // Each transaction appends to firstName; on a SQL store the row lock of the update orders them.
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.update('users', 'u1', { lastName: `t${i}` });
            const current = await tx.get('users', 'u1');
            await tx.update('users', 'u1', { firstName: `${current?.firstName ?? ''}${i}` });
          }),
        ),
      );
      expect((await store.get('users', 'u1'))?.firstName?.length).toBe(8);
    });

    it('refuses a transaction store used after its transaction ended', async () => {
      const store = await makeStore();
      let leaked: Store | undefined;
      await store.transaction(async (tx) => void (leaked = tx));
      await expect(leaked!.get('users', 'u1')).rejects.toThrow(/transaction has ended/);
    });

    it('finds a user by external id, unique, and absent external ids coexist', async () => {
      const store = await makeStore();
      await store.insert('users', { ...user('u1', null), externalId: 'auth0|1' });
      await store.insert('users', user('u2', null));
      await store.insert('users', { ...user('u3', null), externalId: null });
      expect((await store.findBy('users', 'externalId', 'auth0|1'))?.id).toBe('u1');
      await expect(store.insert('users', { ...user('u4', null), externalId: 'auth0|1' })).rejects.toBeInstanceOf(UniqueViolation);
    });

    it('lists only the sessions whose stored status is active by liveUserId, and follows status changes', async () => {
      const store = await makeStore();
      await store.insert('sessions', session('s1', 'u1', 'active'));
      await store.insert('sessions', session('s2', 'u1', 'ended'));
      await store.insert('sessions', session('s3', 'u1', 'active'));
      await store.insert('sessions', session('s4', 'u2', 'active'));
      expect((await store.listBy('sessions', 'liveUserId', 'u1')).map((s) => s.id)).toEqual(['s1', 's3']);
      await store.update('sessions', 's1', { status: 'revoked' });
      expect((await store.listBy('sessions', 'liveUserId', 'u1')).map((s) => s.id)).toEqual(['s3']);
      expect((await store.listBy('sessions', 'userId', 'u1')).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    });

    it('lists records by a timestamp index in pages, and deletes the oldest in bounded batches', async () => {
      const store = await makeStore();
      for (const [id, at] of [['b', 30], ['a', 30], ['c', 10], ['d', 50], ['e', 20]] as const) await store.insert('signIns', signIn(id, at));
      const page1 = await store.listBefore('signIns', 'expireAt', 30, 2);
      expect(page1.map((r) => r.id)).toEqual(['c', 'e']);
      const page2 = await store.listBefore('signIns', 'expireAt', 30, 2, { at: 20, id: 'e' });
      expect(page2.map((r) => r.id)).toEqual(['a', 'b']);
      expect(await store.listBefore('signIns', 'expireAt', 30, 2, { at: 30, id: 'b' })).toEqual([]);
      await store.update('signIns', 'd', { expireAt: 5 });
      expect(await store.deleteBefore('signIns', 'expireAt', 30, 3)).toBe(3);
      expect((await store.listBefore('signIns', 'expireAt', 100, 10)).map((r) => r.id)).toEqual(['a', 'b']);
      expect(await store.deleteBefore('signIns', 'expireAt', 30, 3)).toBe(2);
      expect(await store.deleteBefore('signIns', 'expireAt', 30, 3)).toBe(0);
      expect(await store.get('signIns', 'd')).toBeNull();
      expect(await store.listBefore('signIns', 'expireAt', 100, 10)).toEqual([]);
    });

    it('keeps separate instances separate', async () => {
      const a = await makeStore();
      const b = await makeStore();
      await a.insert('users', user('u1', 'ada'));
      expect(await b.get('users', 'u1')).toBeNull();
      await a.increment('k', 5, 1000, 0);
      expect(await b.increment('k', 1, 1000, 0)).toBe(1);
    });
  });
}
