import type { PasskeyRequestOptionsJSON } from '@latch/protocol';
import { fail } from '../../errors';
import { serializeSignIn } from '../../serialize';
import type { PasskeyRecord, SignInRecord, UserRecord, VerificationState } from '../../store/records';
import { ensureClient, newClientToken } from '../client';
import type { RequestContext } from '../context';
import { guardedAttempt } from '../lockout';
import { assertWithinRateLimit } from '../rate-limits';
import { api, type Reply, type RouteHandler } from '../reply';
import { assertCanSignIn } from '../sessions';
import { completeSignIn, loadSignIn, signInAtOnce, updateSignIn } from '../sign-in';
import { inTransaction } from '../transaction';
import { challengeLifetimeMs, consumeChallenge, issueChallenge } from './challenges';
import { readAssertion, readClientData } from './credentials';
import { passkeyOwner, requirePasskeys } from './passkeys';
import { verifyAssertion, type VerifiedAssertion } from './verify';

/*
 * Signing in with a passkey. A passkey with user verification is something
 * the user has (the authenticator) and is or knows (biometrics, device PIN):
 * it completes the sign-in, second factor included. It still runs under the
 * account lockout (a locked account gets 429 as for passwords, and failed
 * verifications count) and the ban.
 */

const passkeyVerified: VerificationState = { status: 'verified', strategy: 'passkey', attempts: 0, expireAt: null, codeId: null };

/**
 * `POST /v1/client/sign_ins/passkey_options`: a challenge for this client.
 * With `signInId` (a sign-in past its identifier) the challenge is bound to
 * it, and the options list that account's passkeys, unless enumeration
 * protection is on: the list would tell anyone which accounts exist and have
 * passkeys, so it stays empty and the browser offers every passkey it holds
 * for the site (ours are all discoverable); the account is checked when the
 * answer comes. A browser without a client gets one, counted like starting
 * a sign-in against its network address's limit.
 */
export const signInPasskeyOptions: RouteHandler = async (ctx) => {
  const rp = requirePasskeys(ctx);
  const signInId = ctx.body.optionalString('signInId');
  const signIn = signInId === undefined ? null : await loadSignIn(ctx, 'needs_first_factor', signInId);
  const listed = signIn?.userId && !ctx.settings.enumerationProtection ? await ctx.store.listBy('passkeys', 'userId', signIn.userId) : [];
  if (!ctx.client) {
    await assertWithinRateLimit(ctx, 'signInsPerIp', ctx.clientIp);
    await ensureClient(ctx, await newClientToken(ctx));
  }
  const challenge = await issueChallenge(ctx, { purpose: 'authentication', userId: null, sessionId: null, signInId: signIn?.id ?? null });
  const options: PasskeyRequestOptionsJSON = {
    challenge,
    rpId: rp.id,
    timeout: challengeLifetimeMs,
    userVerification: 'required',
    allowCredentials: listed.map((passkey) => ({ id: passkey.credentialId, type: 'public-key', transports: passkey.transports })),
  };
  return api(options);
};

/** `signInCreate` with `{ strategy: 'passkey', credential }`: any of the site's passkeys, answering a challenge made without a sign-in. */
export async function signInWithPasskey(ctx: RequestContext): Promise<Reply> {
  const { user, passkey, verified } = await checkAssertion(ctx, null);
  const signIn = await signInAtOnce(ctx, user, passkeyVerified, async (ctx) => (await recordUse(ctx, passkey, verified), true));
  return api(await serializeSignIn(ctx, signIn as SignInRecord));
}

/** `signInAttemptFirstFactor` with `{ strategy: 'passkey', credential }`: a passkey of the sign-in's account, answering that sign-in's challenge. */
export async function attemptPasskey(ctx: RequestContext, signIn: SignInRecord): Promise<SignInRecord> {
  const { passkey, verified } = await checkAssertion(ctx, signIn);
  return inTransaction(ctx, async (ctx) => {
    await recordUse(ctx, passkey, verified);
    return completeSignIn(ctx, await updateSignIn(ctx, signIn, { firstFactorVerification: passkeyVerified }));
  });
}

/**
 * The challenge first (consumed whatever follows, so an answer works once),
 * then the passkey and its account, then the verification under the
 * account's lockout: its failures count, and a locked account is refused
 * before any check. `signIn` null: a challenge made without a sign-in.
 */
async function checkAssertion(ctx: RequestContext, signIn: SignInRecord | null): Promise<{ user: UserRecord; passkey: PasskeyRecord; verified: VerifiedAssertion }> {
  const rp = requirePasskeys(ctx);
  const assertion = readAssertion(ctx);
  const clientData = readClientData(assertion.response.clientDataJSON, 'webauthn.get');
  const challenge = await consumeChallenge(ctx, clientData.challenge, 'authentication');
  if (challenge.signInId !== (signIn?.id ?? null)) throw fail('passkey_challenge_invalid');
  const { passkey, user } = await passkeyOwner(ctx, assertion.id);
  // After an identifier, only that account's passkeys (a decoy has none).
  if (signIn && signIn.userId !== user.id) throw fail('passkey_not_found', { status: 422 });
  await assertCanSignIn(ctx, user.id);
  const outcome: { verified?: VerifiedAssertion; failure?: unknown } = {};
  await guardedAttempt(ctx, user, async () => {
    try {
      outcome.verified = await verifyAssertion(ctx, rp, passkey, assertion, clientData);
    } catch (error) {
      outcome.failure = error;
    }
    return outcome.verified !== undefined;
  });
  if (!outcome.verified) throw outcome.failure ?? fail('passkey_verification_failed');
  return { user, passkey, verified: outcome.verified };
}

/** The counter moves on (never back), and the passkey's last use and backup state are noted. */
async function recordUse(ctx: RequestContext, passkey: PasskeyRecord, verified: VerifiedAssertion): Promise<void> {
  await ctx.store.update('passkeys', passkey.id, {
    counter: Math.max(passkey.counter, verified.counter),
    backedUp: verified.backedUp,
    deviceType: verified.deviceType,
    lastUsedAt: ctx.now(),
  });
}
