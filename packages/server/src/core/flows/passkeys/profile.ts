import { passkeyNameMaxLength, type DeletedJSON, type PasskeyCreationOptionsJSON } from '@latch/protocol';
import { randomId } from '../../crypto/random';
import { fail } from '../../errors';
import type { PasskeyRecord } from '../../store/records';
import { UniqueViolation } from '../../store/store';
import { recordUserEvent } from '../../webhooks/events';
import type { RequestContext } from '../context';
import { assertDisplayText } from '../display-text';
import { primaryEmail } from '../factors';
import { api, type RouteHandler } from '../reply';
import { recentlyVerifiedSession } from '../reverification';
import { currentSession } from '../sessions';
import { inTransaction } from '../transaction';
import { challengeLifetimeMs, consumeChallenge, issueChallenge } from './challenges';
import { readClientData, readRegistration } from './credentials';
import { ownPasskey, requirePasskeys, serializePasskey } from './passkeys';
import { supportedAlgorithms, userHandleOf, verifyRegistration } from './verify';

/*
 * The profile's passkeys. Adding one is a sensitive action like adding an
 * email (step-up, checked when the challenge is asked for; the challenge is
 * bound to that session), and so is removing one; renaming is not. Each
 * change is a `user.updated` webhook, as the user's JSON lists its passkeys.
 */

/** `POST /v1/me/passkeys/options`: creation options for a discoverable passkey with user verification. */
export const mePasskeyOptions: RouteHandler = async (ctx) => {
  const rp = requirePasskeys(ctx);
  const { session, user } = await recentlyVerifiedSession(ctx);
  const existing = await ctx.store.listBy('passkeys', 'userId', user.id);
  const name = (await primaryEmail(ctx, user))?.emailAddress ?? user.username ?? user.id;
  const challenge = await issueChallenge(ctx, { purpose: 'registration', userId: user.id, sessionId: session.id, signInId: null });
  const options: PasskeyCreationOptionsJSON = {
    rp: { id: rp.id, name: ctx.settings.applicationName },
    user: { id: userHandleOf(user.id), name, displayName: [user.firstName, user.lastName].filter(Boolean).join(' ') || name },
    challenge,
    pubKeyCredParams: supportedAlgorithms.map((alg) => ({ alg, type: 'public-key' })),
    timeout: challengeLifetimeMs,
    // An authenticator that already holds one of the user's passkeys says so (InvalidStateError) instead of making another.
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, type: 'public-key', transports: passkey.transports })),
    // Discoverable (sign-in without typing a name) and always with user verification (it stands for both factors).
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'none',
    extensions: { credProps: true },
  };
  return api(options);
};

/** `POST /v1/me/passkeys`: verifies the browser's new passkey and stores it. */
export const mePasskeyCreate: RouteHandler = async (ctx) => {
  const rp = requirePasskeys(ctx);
  const { session, user } = await currentSession(ctx);
  const name = readName(ctx, false);
  const registration = readRegistration(ctx);
  const clientData = readClientData(registration.response.clientDataJSON, 'webauthn.create');
  const challenge = await consumeChallenge(ctx, clientData.challenge, 'registration');
  if (challenge.sessionId !== session.id || challenge.userId !== user.id) throw fail('passkey_challenge_invalid');
  const verified = await verifyRegistration(rp, registration, clientData);
  const passkey: PasskeyRecord = { id: randomId('pkey'), userId: user.id, ...verified, name, createdAt: ctx.now(), lastUsedAt: null };
  await inTransaction(ctx, async (ctx) => {
    try {
      await ctx.store.insert('passkeys', passkey);
    } catch (error) {
      throw error instanceof UniqueViolation ? fail('passkey_already_registered') : error;
    }
    recordUserEvent(ctx, 'user.updated', user.id);
  });
  return api(serializePasskey(passkey));
};

/** `PATCH /v1/me/passkeys/:id`: renames one of the user's passkeys. */
export const mePasskeyUpdate: RouteHandler = async (ctx) => {
  const { user } = await currentSession(ctx);
  const name = readName(ctx, true);
  const passkey = await ownPasskey(ctx, user, ctx.id);
  const renamed = await inTransaction(ctx, async (ctx) => {
    recordUserEvent(ctx, 'user.updated', user.id);
    return (await ctx.store.update('passkeys', passkey.id, { name })) ?? { ...passkey, name };
  });
  return api(serializePasskey(renamed));
};

/** `DELETE /v1/me/passkeys/:id`: removes one of the user's passkeys (step-up). Works with passkeys turned off, too. */
export const mePasskeyDelete: RouteHandler = async (ctx) => {
  const { user } = await recentlyVerifiedSession(ctx);
  const passkey = await ownPasskey(ctx, user, ctx.id);
  await inTransaction(ctx, async (ctx) => {
    if (!(await ctx.store.delete('passkeys', passkey.id))) throw fail('passkey_not_found');
    recordUserEvent(ctx, 'user.updated', user.id);
  });
  const deleted: DeletedJSON = { id: passkey.id, deleted: true };
  return api(deleted);
};

/** A display name of at most 64 characters, trimmed; absent (on create) is none. */
function readName(ctx: RequestContext, required: boolean): string | null {
  const raw = required ? ctx.body.string('name', { max: passkeyNameMaxLength }) : ctx.body.optionalString('name', { max: passkeyNameMaxLength });
  const name = raw?.trim() ?? '';
  if (required && !name) throw fail('form_param_missing', { paramName: 'name' });
  assertDisplayText(name, 'name');
  return name || null;
}
