import { SECRET_KEY_PREFIXES } from '@latch/protocol';
import { randomId, randomToken } from '../crypto/random';
import { fail } from '../errors';
import type { ServerContext } from '../flows/context';
import type { SecretKeyRecord } from '../store/records';

export type SecretKeyEnvironment = 'live' | 'test';

/** What `keys list` shows: never the key, only its hint. */
export interface SecretKeyInfo {
  id: string;
  name: string;
  hint: string;
  createdAt: number;
  revokedAt: number | null;
}

/**
 * A new secret key for the admin API, `sk_live_` (or `sk_test_`) and 256
 * random bits. Only its SHA-256 is stored: the key is returned here once.
 */
export async function createSecretKey(ctx: ServerContext, name: string, environment: SecretKeyEnvironment = 'live'): Promise<{ key: string; info: SecretKeyInfo }> {
  const cleanName = name.trim();
  // eslint-disable-next-line no-control-regex -- a name goes into terminal output: no control characters
  if (!cleanName || cleanName.length > 100 || /[\u0000-\u001f\u007f]/.test(cleanName)) throw new Error('A secret key needs a name of 1 to 100 printable characters.');
  const key = `sk_${environment}_${randomToken()}`;
  const record: SecretKeyRecord = {
    id: randomId('sk'),
    name: cleanName,
    keyHash: await ctx.crypto.sha256Hex(key),
    hint: `sk_${environment}_…${key.slice(-4)}`,
    createdAt: ctx.now(),
    revokedAt: null,
  };
  await ctx.store.insert('secretKeys', record);
  return { key, info: keyInfo(record) };
}

export async function listSecretKeys(ctx: ServerContext): Promise<SecretKeyInfo[]> {
  const keys: SecretKeyRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page: SecretKeyRecord[] = await ctx.store.scan('secretKeys', after, 500);
    keys.push(...page);
    if (page.length < 500) break;
    after = page.at(-1)?.id ?? null;
  }
  return keys.sort((a, b) => a.createdAt - b.createdAt).map(keyInfo);
}

/** Revokes a key by id; it stops working at once, on every instance. False when there is no such key. */
export async function revokeSecretKey(ctx: ServerContext, id: string): Promise<boolean> {
  const key = await ctx.store.get('secretKeys', id);
  if (!key) return false;
  if (key.revokedAt === null) await ctx.store.update('secretKeys', id, { revokedAt: ctx.now() });
  return true;
}

/**
 * The live key an `Authorization: Bearer sk_…` header carries, or a 401. Only
 * secret keys count: a client token or a session JWT in the same header is
 * refused like a wrong key, and so is a key that was revoked.
 */
export async function authenticateSecretKey(ctx: ServerContext, request: Request): Promise<SecretKeyRecord> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  const key = match?.[1];
  if (!key || !SECRET_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) throw invalidKey();
  const record = await ctx.store.findBy('secretKeys', 'keyHash', await ctx.crypto.sha256Hex(key));
  if (!record || record.revokedAt !== null) throw invalidKey();
  return record;
}

function invalidKey() {
  return fail('authentication_invalid', { message: 'The admin API needs a valid secret key: Authorization: Bearer sk_live_…' });
}

function keyInfo(record: SecretKeyRecord): SecretKeyInfo {
  return { id: record.id, name: record.name, hint: record.hint, createdAt: record.createdAt, revokedAt: record.revokedAt };
}
