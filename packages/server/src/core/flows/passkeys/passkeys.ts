import type { PasskeyJSON } from '@latch/protocol';
import { fail } from '../../errors';
import type { PasskeyRecord, UserRecord } from '../../store/records';
import type { ServerContext } from '../context';
import { authenticatorName } from './aaguids';
import type { RelyingParty } from './relying-party';

/** The relying party, when the instance has passkeys on; else `feature_disabled`. */
export function requirePasskeys(ctx: ServerContext): RelyingParty {
  if (!ctx.settings.firstFactors.passkey || !ctx.relyingParty) throw fail('feature_disabled');
  return ctx.relyingParty;
}

export function serializePasskey(passkey: PasskeyRecord): PasskeyJSON {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt,
    lastUsedAt: passkey.lastUsedAt,
    authenticatorName: authenticatorName(passkey.aaguid),
  };
}

/** One of `user`'s passkeys by id; another user's is as unknown as none (404). */
export async function ownPasskey(ctx: ServerContext, user: UserRecord, id: string): Promise<PasskeyRecord> {
  const passkey = await ctx.store.get('passkeys', id);
  if (!passkey || passkey.userId !== user.id) throw fail('passkey_not_found');
  return passkey;
}

/** The passkey a browser answered with, and its user; unknown to this instance: 422 (the route exists, the credential does not). */
export async function passkeyOwner(ctx: ServerContext, credentialId: string): Promise<{ passkey: PasskeyRecord; user: UserRecord }> {
  const passkey = await ctx.store.findBy('passkeys', 'credentialId', credentialId);
  const user = passkey ? await ctx.store.get('users', passkey.userId) : null;
  if (!passkey || !user) throw fail('passkey_not_found', { status: 422 });
  return { passkey, user };
}
