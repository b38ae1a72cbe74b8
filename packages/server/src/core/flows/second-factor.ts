import { generateBackupCodes, normalizeBackupCode } from '../crypto/codes';
import { isSealed } from '../crypto/encryption';
import { randomId } from '../crypto/random';
import { matchTotpStep } from '../crypto/totp';
import type { UserRecord } from '../store/records';
import type { ServerContext } from './context';

/** Long enough to outlive the ±1 step window of any code. */
const usedStepTtlMs = 5 * 60 * 1000;

/** TOTP secrets are sealed for their user: a sealed secret copied into another user's row does not open. */
const totpContext = (userId: string) => `totp:${userId}`;

export function sealTotpSecret(ctx: ServerContext, userId: string, secret: string): Promise<string> {
  return ctx.secrets.seal(secret, totpContext(userId));
}

export function openTotpSecret(ctx: ServerContext, userId: string, stored: string): Promise<string> {
  return ctx.secrets.open(stored, totpContext(userId));
}

/**
 * A TOTP code is good once: the time step it belongs to is claimed with an
 * atomic counter, so a replay (even a simultaneous one) is refused. `stored`
 * is the secret as the user record holds it; a plaintext one from before
 * encryption is sealed once its code has passed.
 */
export async function acceptTotpCode(ctx: ServerContext, userId: string, stored: string, code: string): Promise<boolean> {
  const now = ctx.now();
  const step = matchTotpStep(await openTotpSecret(ctx, userId, stored), code, now);
  if (step === null) return false;
  const accepted = (await ctx.store.increment(`totp:${userId}:${step}`, 1, usedStepTtlMs, now)) === 1;
  // Only plaintext is sealed here; values under a previous key wait for rotate-encryption-key,
  // so instances not yet given the new key can still read them during a rolling restart.
  if (accepted && !isSealed(stored)) await resealUserSecrets(ctx, userId, async (value) => !isSealed(value));
  return accepted;
}

/**
 * Seals the user's TOTP secrets again with the current key where `needsIt`
 * (by default: plaintext or under an older key). Returns whether it wrote.
 */
export async function resealUserSecrets(
  ctx: ServerContext,
  userId: string,
  needsIt = (stored: string) => ctx.secrets.isStale(stored),
): Promise<boolean> {
  const user = await ctx.store.get('users', userId);
  if (!user) return false;
  const patch: Partial<Pick<UserRecord, 'totpSecret' | 'pendingTotpSecret'>> = {};
  for (const field of ['totpSecret', 'pendingTotpSecret'] as const) {
    const stored = user[field];
    if (stored && (await needsIt(stored))) patch[field] = await sealTotpSecret(ctx, userId, await openTotpSecret(ctx, userId, stored));
  }
  if (Object.keys(patch).length === 0) return false;
  await ctx.store.update('users', userId, patch);
  return true;
}

/**
 * A backup code is consumed by deleting its record: only one request can win
 * it. Codes stored before the HMAC (plain SHA-256) are still found.
 */
export async function consumeBackupCode(ctx: ServerContext, userId: string, code: string): Promise<boolean> {
  const normalized = normalizeBackupCode(code);
  const record =
    (await ctx.store.findBy('backupCodes', 'codeHash', await ctx.secrets.codeHash(userId, normalized))) ??
    (await ctx.store.findBy('backupCodes', 'codeHash', await ctx.secrets.legacyCodeHash(userId, normalized)));
  if (!record || record.userId !== userId) return false;
  return ctx.store.delete('backupCodes', record.id);
}

/** Replaces every backup code of the user; returns the new ones in clear, to be shown once. */
export async function replaceBackupCodes(ctx: ServerContext, userId: string, codes = generateBackupCodes()): Promise<string[]> {
  await deleteBackupCodes(ctx, userId);
  for (const code of codes) {
    const codeHash = await ctx.secrets.codeHash(userId, normalizeBackupCode(code));
    await ctx.store.insert('backupCodes', { id: randomId('bkp'), userId, codeHash, createdAt: ctx.now() });
  }
  return codes;
}

export async function deleteBackupCodes(ctx: ServerContext, userId: string): Promise<void> {
  for (const record of await ctx.store.listBy('backupCodes', 'userId', userId)) await ctx.store.delete('backupCodes', record.id);
}
