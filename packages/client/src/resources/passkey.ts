import type { PasskeyJSON } from '@latch/protocol';
import { reuse, userOf, type ClientContext } from '../context';
import { withPasskeys } from '../passkeys/load';

/**
 * One of the user's passkeys. Immutable: `update` resolves to the renamed
 * one, which the client's state also holds from then on.
 */
export class Passkey {
  readonly id: string;
  /** The user's name for it; null until named: show `authenticatorName`, or a generic "Passkey". */
  readonly name: string | null;
  readonly createdAt: Date;
  /** The last sign-in with it; null when never used. */
  readonly lastUsedAt: Date | null;
  /** The authenticator's make from its AAGUID ("iCloud Keychain", "YubiKey 5 Series"), when Latch knows it; else null. */
  readonly authenticatorName: string | null;
  readonly #ctx: ClientContext;
  readonly #sessionId: string;

  constructor(ctx: ClientContext, json: PasskeyJSON, sessionId: string) {
    this.#ctx = ctx;
    this.#sessionId = sessionId;
    this.id = json.id;
    this.name = json.name;
    this.createdAt = new Date(json.createdAt);
    this.lastUsedAt = json.lastUsedAt === null ? null : new Date(json.lastUsedAt);
    this.authenticatorName = json.authenticatorName;
  }

  /** Renames it (at most 64 characters). */
  async update(params: { name: string }): Promise<Passkey> {
    const json = await withPasskeys(this.#ctx, (code, host) => code.updatePasskey(host, this.#sessionId, this.id, params));
    return latestPasskey(this.#ctx, this.#sessionId, json);
  }

  /** Removes it. A step-up action: `reverification_required` (see `isReverificationError`) when the session's last verification is too old. */
  async delete(): Promise<void> {
    await withPasskeys(this.#ctx, (code, host) => code.deletePasskey(host, this.#sessionId, this.id));
  }
}

/** The passkey as the refreshed state holds it (the object a `useUser()` render sees), or a new one. */
export function latestPasskey(ctx: ClientContext, sessionId: string, json: PasskeyJSON): Passkey {
  return userOf(ctx, sessionId)?.passkeys.find((p) => p.id === json.id) ?? toPasskey(ctx, json, sessionId);
}

/** Reuses `previous` when the passkey's JSON did not change. */
export function toPasskey(ctx: ClientContext, json: PasskeyJSON, sessionId: string, previous?: Passkey): Passkey {
  return reuse(previous, json, () => new Passkey(ctx, json, sessionId));
}
