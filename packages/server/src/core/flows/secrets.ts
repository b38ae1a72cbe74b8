import { devOnlyEncryptionKey, importEncryptionKey, isSealed, open, seal, sealedKeyId, type EncryptionKey } from '../crypto/encryption';
import { base64Decode, base64Encode } from '../crypto/random';
import type { ServerCrypto } from '../crypto/server-crypto';
import type { Store } from '../store/store';

export interface EncryptionKeyOptions {
  /** Base64 of 32 random bytes; seals every secret written. Default: the published development key. */
  encryptionKey?: string;
  /** Keys that sealed older rows, during a rotation: they only open, never seal. */
  previousEncryptionKeys?: readonly string[];
}

/** The id of the record that holds the HMAC key of email and backup codes. */
const codeKeyId = 'code_hmac';

/**
 * Secrets at rest for one server instance: seals and opens values with the
 * configured keys, and hashes short codes with an HMAC key that lives in the
 * store, sealed. That key is random and stored rather than derived from the
 * encryption key so a key rotation re-seals it instead of changing it:
 * backup codes hashed years ago keep matching.
 */
export class Secrets {
  private keys: Promise<{ current: EncryptionKey; all: EncryptionKey[] }> | undefined;
  private codeKey: Promise<Uint8Array> | undefined;

  constructor(
    private readonly store: Store,
    private readonly crypto: ServerCrypto,
    private readonly now: () => number,
    private readonly options: EncryptionKeyOptions,
  ) {}

  async seal(plaintext: string, context: string): Promise<string> {
    return seal((await this.loadKeys()).current, plaintext, context);
  }

  /** Opens a sealed value; a plaintext value from before encryption is returned as it is. */
  async open(stored: string, context: string): Promise<string> {
    return isSealed(stored) ? open((await this.loadKeys()).all, stored, context) : stored;
  }

  /** True for a plaintext value or one sealed with a key other than the current one: it should be sealed again. */
  async isStale(stored: string): Promise<boolean> {
    return sealedKeyId(stored) !== (await this.loadKeys()).current.id;
  }

  /** HMAC of a code, salted with the record it belongs to (the same code in two places never hashes alike). */
  async codeHash(salt: string, code: string): Promise<string> {
    return this.crypto.hmacSha256Hex(await this.loadCodeKey(), `${salt}:${code}`);
  }

  /** The plain SHA-256 that codes were stored as before the HMAC; still accepted, so codes issued before an upgrade work. */
  legacyCodeHash(salt: string, code: string): Promise<string> {
    return this.crypto.sha256Hex(`${salt}:${code}`);
  }

  /** Re-seals the code key with the current key when it is stale; for rotation. Returns whether it wrote. */
  async resealCodeKey(): Promise<boolean> {
    const record = await this.store.get('serverSecrets', codeKeyId);
    if (!record || !(await this.isStale(record.sealed))) return false;
    const sealed = await this.seal(await this.open(record.sealed, codeKeyId), codeKeyId);
    await this.store.update('serverSecrets', codeKeyId, { sealed });
    return true;
  }

  private loadKeys() {
    this.keys ??= (async () => {
      const current = await importEncryptionKey(this.options.encryptionKey ?? devOnlyEncryptionKey);
      const previous = await Promise.all((this.options.previousEncryptionKeys ?? []).map(importEncryptionKey));
      return { current, all: [current, ...previous] };
    })();
    return this.keys;
  }

  private loadCodeKey(): Promise<Uint8Array> {
    const loading = (this.codeKey ??= this.loadOrCreateCodeKey());
    // A failed load (the store was down) must not poison every later request.
    loading.catch(() => {
      if (this.codeKey === loading) this.codeKey = undefined;
    });
    return loading;
  }

  /** Two instances racing here both try to insert; the loser reads the winner's key. */
  private async loadOrCreateCodeKey(): Promise<Uint8Array> {
    let record = await this.store.get('serverSecrets', codeKeyId);
    if (!record) {
      const sealed = await this.seal(base64Encode(this.crypto.randomBytes(32)), codeKeyId);
      try {
        await this.store.insert('serverSecrets', { id: codeKeyId, sealed, createdAt: this.now() });
      } catch (error) {
        if (!(await this.store.get('serverSecrets', codeKeyId))) throw error;
      }
      record = await this.store.get('serverSecrets', codeKeyId);
      if (!record) throw new Error('the code HMAC key could not be stored');
    }
    return base64Decode(await this.open(record.sealed, codeKeyId));
  }
}
