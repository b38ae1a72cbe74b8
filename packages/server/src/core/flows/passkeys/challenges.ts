import { base64UrlEncode, randomId } from '../../crypto/random';
import { fail } from '../../errors';
import type { PasskeyChallengeRecord } from '../../store/records';
import type { RequestContext } from '../context';
import { requireClient } from '../client';
import { inTransaction } from '../transaction';

/** How long a browser has to answer a challenge. */
export const challengeLifetimeMs = 5 * 60 * 1000;
/** A client keeps at most this many live challenges (a tab per prompt is plenty); the oldest make room. */
const maxChallengesPerClient = 10;

type ChallengeBinding = Pick<PasskeyChallengeRecord, 'purpose' | 'userId' | 'sessionId' | 'signInId'>;

/**
 * A new random challenge (256 bits, base64url, as WebAuthn echoes it),
 * stored as a hash and bound to this client: only this client can answer
 * it, once, within `challengeLifetimeMs`.
 */
export async function issueChallenge(ctx: RequestContext, binding: ChallengeBinding): Promise<string> {
  const challenge = base64UrlEncode(ctx.crypto.randomBytes(32));
  const now = ctx.now();
  const clientId = requireClient(ctx).id;
  const record: PasskeyChallengeRecord = {
    id: randomId('pkch'),
    challengeHash: await ctx.crypto.sha256Hex(challenge),
    clientId,
    ...binding,
    expiresAt: now + challengeLifetimeMs,
    createdAt: now,
  };
  await inTransaction(ctx, async (ctx) => {
    const existing = await ctx.store.listBy('passkeyChallenges', 'clientId', clientId);
    const stale = existing.filter((c) => c.expiresAt <= now);
    const live = existing.filter((c) => c.expiresAt > now);
    for (const old of [...stale, ...live.slice(0, Math.max(0, live.length - maxChallengesPerClient + 1))]) {
      await ctx.store.delete('passkeyChallenges', old.id);
    }
    await ctx.store.insert('passkeyChallenges', record);
  });
  return challenge;
}

/**
 * The challenge a browser's answer echoes, consumed: deleted before anything
 * else, so of two requests with one answer (a replay) only one proceeds.
 * Unknown, used, expired, another client's or for another purpose: one error.
 */
export async function consumeChallenge(ctx: RequestContext, challenge: string, purpose: PasskeyChallengeRecord['purpose']): Promise<PasskeyChallengeRecord> {
  const invalid = () => fail('passkey_challenge_invalid');
  const record = await ctx.store.findBy('passkeyChallenges', 'challengeHash', await ctx.crypto.sha256Hex(challenge));
  if (!record || record.clientId !== ctx.client?.id) throw invalid();
  if (!(await ctx.store.delete('passkeyChallenges', record.id))) throw invalid();
  if (record.expiresAt <= ctx.now() || record.purpose !== purpose) throw invalid();
  return record;
}
