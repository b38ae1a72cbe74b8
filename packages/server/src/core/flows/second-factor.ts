import type { SecondFactorStrategy } from '@latch/protocol';
import { generateBackupCodes, normalizeBackupCode } from '../crypto/codes';
import { isSealed } from '../crypto/encryption';
import { randomId } from '../crypto/random';
import { matchTotpStep, totpStepAt } from '../crypto/totp';
import type { BackupCodeRecord, UserRecord } from '../store/records';
import type { ServerContext } from './context';
import { inTransaction } from './transaction';

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
 * A TOTP code is good once, and so is every older one: the time step it
 * belongs to is claimed with an atomic counter, so a replay (even a
 * simultaneous one) is refused; then every older step still inside the ±1
 * window is claimed too, so a code seen earlier (shoulder-surfed, phished)
 * cannot be used after a newer one. A code from another request that claims
 * one of those steps first was simply the earlier of the two. `stored` is the
 * secret as the user record holds it; a plaintext one from before encryption
 * is sealed once its code has passed.
 */
export async function acceptTotpCode(ctx: ServerContext, userId: string, stored: string, code: string): Promise<boolean> {
  const now = ctx.now();
  const step = matchTotpStep(await openTotpSecret(ctx, userId, stored), code, now);
  if (step === null) return false;
  if ((await claimTotpStep(ctx, userId, step, now)) !== 1) return false;
  for (let older = step - 1; older >= totpStepAt(now) - 1; older--) await claimTotpStep(ctx, userId, older, now);
  // Only plaintext is sealed here; values under a previous key wait for rotate-encryption-key,
  // so instances not yet given the new key can still read them during a rolling restart.
  if (!isSealed(stored)) await resealUserSecrets(ctx, userId, async (value) => !isSealed(value));
  return true;
}

/** How many times the step has been claimed, this claim included. */
function claimTotpStep(ctx: ServerContext, userId: string, step: number, now: number): Promise<number> {
  return ctx.store.increment(`totp:${userId}:${step}`, 1, usedStepTtlMs, now);
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

/** Checks a TOTP or backup code of the user (the caller runs it under the lockout). */
export function acceptSecondFactor(ctx: ServerContext, user: UserRecord, strategy: SecondFactorStrategy, code: string): Promise<boolean> {
  return strategy === 'totp' ? acceptTotpCode(ctx, user.id, user.totpSecret ?? '', code) : consumeBackupCode(ctx, user.id, code);
}

export interface NewBackupCodes {
  userId: string;
  /** In clear, to be shown once. */
  codes: string[];
  records: BackupCodeRecord[];
}

/** New backup codes and their hashed records, made before the transaction that stores them. */
export async function newBackupCodes(ctx: ServerContext, userId: string, codes = generateBackupCodes()): Promise<NewBackupCodes> {
  const records = await Promise.all(
    codes.map(async (code) => ({ id: randomId('bkp'), userId, codeHash: await ctx.secrets.codeHash(userId, normalizeBackupCode(code)), createdAt: ctx.now() })),
  );
  return { userId, codes, records };
}

/** Replaces every backup code of the user in one transaction; returns the new ones in clear. */
export function replaceBackupCodes(ctx: ServerContext, fresh: NewBackupCodes): Promise<string[]> {
  return inTransaction(ctx, async (ctx) => {
    await deleteBackupCodes(ctx, fresh.userId);
    for (const record of fresh.records) await ctx.store.insert('backupCodes', record);
    return fresh.codes;
  });
}

export function deleteBackupCodes(ctx: ServerContext, userId: string): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    for (const record of await ctx.store.listBy('backupCodes', 'userId', userId)) await ctx.store.delete('backupCodes', record.id);
  });
}
