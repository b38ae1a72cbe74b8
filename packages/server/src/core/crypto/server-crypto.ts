import type { SessionClaims } from '@latch/protocol';
import { hexEncode } from './hash';

/** Signs session JWTs with one key: made once per key, then called for every token. */
export type SessionJwtSigner = (claims: SessionClaims) => string | Promise<string>;

/**
 * The primitives the server core hashes and authenticates with, on the
 * server's context so a host can inject faster ones: WebCrypto by default
 * (browsers, the mock), `node:crypto` in the Node service (see
 * `node/crypto/node-crypto.ts`), which hashes synchronously instead of
 * queueing every request's token hash on libuv's small thread pool.
 */
export interface ServerCrypto {
  /** SHA-256 of the UTF-8 text, as lowercase hex. */
  sha256Hex(text: string): Promise<string>;
  /** HMAC-SHA256 of the UTF-8 text under `key`, as lowercase hex. */
  hmacSha256Hex(key: Uint8Array, text: string): Promise<string>;
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
  /**
   * A signer of ES256 JWTs (header `{ alg: 'ES256', kid, typ: 'JWT' }`, the
   * signature as raw r||s as JOSE wants, not DER) for the private JWK. Optional:
   * without it the core signs with jose on WebCrypto.
   */
  sessionJwtSigner?(privateJwk: Record<string, unknown>, kid: string): Promise<SessionJwtSigner>;
}

const encoder = new TextEncoder();

export const webCrypto: ServerCrypto = {
  async sha256Hex(text) {
    return hexEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
  },
  async hmacSha256Hex(key, text) {
    const hmacKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return hexEncode(new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(text))));
  },
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};
