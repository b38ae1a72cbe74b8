import { describe, expect, it } from 'vitest';
import { UniqueViolation, type Store, type UserRecord } from '@latch/server';

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
