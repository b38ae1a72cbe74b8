import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { ServerCrypto } from '../../core/crypto/server-crypto';

/**
 * The core's crypto on `node:crypto`, synchronous on the calling thread:
 * hashing a 32-byte token takes about a microsecond, far less than a trip
 * through libuv's 4-thread pool, where WebCrypto would queue it behind
 * whatever else is running there.
 */
export const nodeCrypto: ServerCrypto = {
  sha256Hex: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  hmacSha256Hex: async (key, text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
};
