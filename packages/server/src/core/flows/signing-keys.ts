import type { JWK } from 'jose';
import type { ServerCrypto, SessionJwtSigner } from '../crypto/server-crypto';
import { generateSigningKey, joseSessionJwtSigner } from '../crypto/signing-keys';
import type { SigningKeyRecord } from '../store/records';
import type { Store } from '../store/store';
import type { Secrets } from './secrets';

/**
 * How long an instance signs with the key it last read. Every instance
 * re-reads the store after this, so a rotation made anywhere (another
 * instance, the `rotate-keys` command) is picked up everywhere within it.
 */
export const signingKeyRefreshMs = 30_000;

interface CurrentKey {
  kid: string;
  /** The key, parsed once and kept until the next refresh or rotation. */
  sign: SessionJwtSigner;
}

/**
 * The keys that sign session JWTs, kept in the store so they survive restarts
 * and are shared by every process. The newest key signs; the one before it is
 * still published, so tokens it signed keep verifying after a rotation. The
 * first key is made on first use. The cache belongs to the server instance,
 * never to the module, so two servers never share keys by accident.
 */
export class SigningKeys {
  private cached: { loadedAt: number; current: Promise<CurrentKey> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly secrets: Secrets,
    private readonly crypto: ServerCrypto,
  ) {}

  signingKey(): Promise<CurrentKey> {
    const now = this.now();
    if (this.cached && now - this.cached.loadedAt < signingKeyRefreshMs) return this.cached.current;
    const current = this.loadOrCreate().then(async (record) => {
      const privateJwk = await this.openPrivateJwk(record);
      const sign = await (this.crypto.sessionJwtSigner?.(privateJwk, record.id) ?? joseSessionJwtSigner(privateJwk, record.id));
      // A key stored before encryption is sealed now. One under a previous key waits for
      // rotate-encryption-key, so instances without the new key can still read it meanwhile.
      if (typeof record.privateJwk.sealed !== 'string') await this.reseal(record);
      return { kid: record.id, sign };
    });
    const cached = { loadedAt: now, current };
    this.cached = cached;
    // A failed load must not poison every later request.
    current.catch(() => {
      if (this.cached === cached) this.cached = undefined;
    });
    return current;
  }

  /** Read from the store every time: any key some instance may be signing with is published. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.signingKey();
    return { keys: (await this.keys()).map((record) => record.publicJwk as JWK) };
  }

  /**
   * A new current key; the current one becomes the previous one and any older
   * key is dropped. Tokens live 60 s, so rotate at most once per few minutes:
   * a key dropped sooner takes the tokens it signed with it.
   */
  async rotate(): Promise<{ current: string; previous: string | null }> {
    const record = await this.generate();
    // One transaction, the new key inserted before old ones go: the set is never empty, even after a crash.
    const previous = await this.store.transaction(async (store) => {
      const existing = await store.listBy('signingKeys', 'status', 'active');
      await store.insert('signingKeys', record);
      for (const old of existing.slice(0, -1)) await store.delete('signingKeys', old.id);
      return existing.at(-1) ?? null;
    });
    this.cached = undefined;
    return { current: record.id, previous: previous?.id ?? null };
  }

  /** In the order they were inserted (the store's list order), not by `createdAt`: clocks of different machines disagree. */
  private keys(): Promise<SigningKeyRecord[]> {
    return this.store.listBy('signingKeys', 'status', 'active');
  }

  /** Two processes racing here both insert a key; both are published and the newer one signs. */
  private async loadOrCreate(): Promise<SigningKeyRecord> {
    const newest = (await this.keys()).at(-1);
    if (newest) return newest;
    await this.store.insert('signingKeys', await this.generate());
    return (await this.keys()).at(-1) as SigningKeyRecord;
  }

  /** Seals every stored private key that is plaintext or under an older encryption key; returns how many it wrote. */
  async resealAll(): Promise<number> {
    let count = 0;
    for (const record of await this.keys()) {
      if (!(await this.isStale(record))) continue;
      await this.reseal(record);
      count++;
    }
    return count;
  }

  /** A new key pair whose private half is stored sealed: `{ sealed }` in place of the JWK. */
  private async generate(): Promise<SigningKeyRecord> {
    const record = await generateSigningKey(this.now());
    return { ...record, privateJwk: await this.sealPrivateJwk(record.id, record.privateJwk) };
  }

  private async sealPrivateJwk(id: string, jwk: Record<string, unknown>): Promise<{ sealed: string }> {
    return { sealed: await this.secrets.seal(JSON.stringify(jwk), `signingKey:${id}`) };
  }

  private async openPrivateJwk(record: SigningKeyRecord): Promise<Record<string, unknown>> {
    const { sealed } = record.privateJwk;
    if (typeof sealed !== 'string') return record.privateJwk;
    return JSON.parse(await this.secrets.open(sealed, `signingKey:${record.id}`)) as Record<string, unknown>;
  }

  private isStale(record: SigningKeyRecord): Promise<boolean> {
    const { sealed } = record.privateJwk;
    return typeof sealed === 'string' ? this.secrets.isStale(sealed) : Promise.resolve(true);
  }

  private async reseal(record: SigningKeyRecord): Promise<void> {
    const privateJwk = await this.sealPrivateJwk(record.id, await this.openPrivateJwk(record));
    await this.store.update('signingKeys', record.id, { privateJwk });
  }
}
