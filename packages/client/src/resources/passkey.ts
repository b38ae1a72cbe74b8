import type { PasskeyJSON } from '@latch/protocol';
import { setDates, type ClientContext } from '../context';
import { UserItem } from './user-item';

/**
 * One of the user's passkeys. Immutable: `update` resolves to the renamed
 * one, which the client's state also holds from then on.
 */
export class Passkey extends UserItem<PasskeyJSON> {
  /** The user's name for it; null until named: show `authenticatorName`, or a generic "Passkey". */
  declare readonly name: string | null;
  declare readonly createdAt: Date;
  /** The last sign-in with it; null when never used. */
  declare readonly lastUsedAt: Date | null;
  /** The authenticator's make from its AAGUID ("iCloud Keychain", "YubiKey 5 Series"), when Latch knows it; else null. */
  declare readonly authenticatorName: string | null;

  constructor(ctx: ClientContext, json: PasskeyJSON, sessionId: string) {
    super(ctx, json, sessionId);
    setDates(this, json, 'createdAt', 'lastUsedAt');
  }

  /** Renames it (at most 64 characters). */
  update(params: { name: string }): Promise<Passkey> {
    return this.change('PATCH /v1/me/passkeys/:id', { name: params.name }, 'passkeys');
  }

  /** Removes it. A step-up action: `reverification_required` (see `isReverificationError`) when the session's last verification is too old. */
  async delete(): Promise<void> {
    await this.send('DELETE /v1/me/passkeys/:id');
  }
}
