import type { SecondFactorStrategy } from '@latch/protocol';
import { generateBackupCodes, hashCode, normalizeBackupCode } from '../crypto/codes';
import { randomId } from '../crypto/random';
import { matchTotpStep } from '../crypto/totp';
import type { UserRecord } from '../store/records';
import type { ServerContext } from './context';

/** Long enough to outlive the ±1 step window of any code. */
const usedStepTtlMs = 5 * 60 * 1000;

/**
 * A TOTP code is good once: the time step it belongs to is claimed with an
 * atomic counter, so a replay (even a simultaneous one) is refused.
 */
export async function acceptTotpCode(ctx: ServerContext, userId: string, secret: string, code: string): Promise<boolean> {
  const now = ctx.now();
  const step = matchTotpStep(secret, code, now);
  if (step === null) return false;
  return (await ctx.store.increment(`totp:${userId}:${step}`, 1, usedStepTtlMs, now)) === 1;
}

/** A backup code is consumed by deleting its record: only one request can win it. */
export async function consumeBackupCode(ctx: ServerContext, userId: string, code: string): Promise<boolean> {
  const record = await ctx.store.findBy('backupCodes', 'codeHash', await hashCode(userId, normalizeBackupCode(code)));
  if (!record || record.userId !== userId) return false;
  return ctx.store.delete('backupCodes', record.id);
}

/** Checks a TOTP or backup code of the user (the caller runs it under the lockout). */
export function acceptSecondFactor(ctx: ServerContext, user: UserRecord, strategy: SecondFactorStrategy, code: string): Promise<boolean> {
  return strategy === 'totp' ? acceptTotpCode(ctx, user.id, user.totpSecret ?? '', code) : consumeBackupCode(ctx, user.id, code);
}

/** Replaces every backup code of the user; returns the new ones in clear, to be shown once. */
export async function replaceBackupCodes(ctx: ServerContext, userId: string, codes = generateBackupCodes()): Promise<string[]> {
  await deleteBackupCodes(ctx, userId);
  for (const code of codes) {
    const codeHash = await hashCode(userId, normalizeBackupCode(code));
    await ctx.store.insert('backupCodes', { id: randomId('bkp'), userId, codeHash, createdAt: ctx.now() });
  }
  return codes;
}

export async function deleteBackupCodes(ctx: ServerContext, userId: string): Promise<void> {
  for (const record of await ctx.store.listBy('backupCodes', 'userId', userId)) await ctx.store.delete('backupCodes', record.id);
}
