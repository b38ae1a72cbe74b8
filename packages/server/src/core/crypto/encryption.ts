import { base64Decode, base64UrlDecode, base64UrlEncode } from './random';
import { hexEncode } from './hash';

/**
 * AES-256-GCM for secrets at rest (TOTP secrets, signing private keys, the
 * code HMAC key), through WebCrypto so the mock and the Node service share it.
 * A sealed value is `enc1.<key id>.<iv>.<ciphertext>`: the key id says which
 * key opens it, so a key can be rotated while rows sealed with the previous
 * one are still being re-encrypted. The context (which record and field) is
 * the additional authenticated data, so a sealed value copied into another
 * row does not open there.
 */
export interface EncryptionKey {
  id: string;
  key: CryptoKey;
}

const prefix = 'enc1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * DEVELOPMENT ONLY: a published key (these 32 ASCII bytes), used when none is
 * configured so dev databases and the mock survive restarts. The Node service
 * refuses to start in production without a real key.
 */
export const devOnlyEncryptionKey = btoa('latch-dev-only-key-not-a-secret!');

/** The 32 bytes of a base64 key; throws a message fit for a setting's error. */
export function decodeEncryptionKey(base64: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64Decode(base64.trim());
  } catch {
    throw new Error('an encryption key must be base64');
  }
  if (bytes.length !== 32) throw new Error(`an encryption key must be 32 bytes in base64 (got ${bytes.length} bytes)`);
  return bytes;
}

/** The key id is derived from the key (a truncated hash), so configuration names no ids. */
export async function importEncryptionKey(base64: string): Promise<EncryptionKey> {
  const raw = decodeEncryptionKey(base64);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', concat(encoder.encode('latch key id\0'), raw) as BufferSource));
  const key = await crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { id: hexEncode(digest.slice(0, 6)), key };
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${prefix}.`);
}

/** The id of the key a sealed value needs; null for a plaintext (legacy) value. */
export function sealedKeyId(stored: string): string | null {
  return isSealed(stored) ? (stored.split('.')[1] ?? null) : null;
}

export async function seal(key: EncryptionKey, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(context) },
    key.key,
    encoder.encode(plaintext),
  );
  return [prefix, key.id, base64UrlEncode(iv), base64UrlEncode(new Uint8Array(ciphertext))].join('.');
}

/** Throws when no key has the value's id, or when it was altered or sealed for another context. */
export async function open(keys: readonly EncryptionKey[], stored: string, context: string): Promise<string> {
  const [, keyId, iv = '', ciphertext = ''] = stored.split('.');
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) throw new Error(`no configured encryption key opens this value (key id ${keyId}): set the key it was sealed with as the previous key`);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: base64UrlDecode(iv) as BufferSource, additionalData: encoder.encode(context) },
    key.key,
    base64UrlDecode(ciphertext) as BufferSource,
  );
  return decoder.decode(plaintext);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
