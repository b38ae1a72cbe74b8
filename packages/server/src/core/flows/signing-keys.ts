import type { JWK } from 'jose';
import { generateSigningKey, importPrivateKey } from '../crypto/signing-keys';
import type { SigningKeyRecord } from '../store/records';
import type { Store } from '../store/store';

/**
 * The keys that sign session JWTs, kept in the store so they survive restarts
 * and are shared by every process. The first one is made on first use. This
 * instance caches the current key; the cache belongs to the server instance,
 * never to the module, so two servers never share keys by accident.
 */
export class SigningKeys {
  private current: Promise<{ kid: string; key: CryptoKey }> | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  signingKey(): Promise<{ kid: string; key: CryptoKey }> {
    this.current ??= this.loadOrCreate().then(async (record) => ({ kid: record.id, key: await importPrivateKey(record) }));
    // A failed load must not poison every later request.
    this.current.catch(() => (this.current = undefined));
    return this.current;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    await this.signingKey();
    const records = await this.store.listBy('signingKeys', 'status', 'active');
    return { keys: records.map((record) => record.publicJwk as JWK) };
  }

  /** Two processes racing here both insert a key; both are published, the oldest signs. */
  private async loadOrCreate(): Promise<SigningKeyRecord> {
    const [oldest] = await this.store.listBy('signingKeys', 'status', 'active');
    if (oldest) return oldest;
    const record = await generateSigningKey(this.now());
    await this.store.insert('signingKeys', record);
    return record;
  }
}
