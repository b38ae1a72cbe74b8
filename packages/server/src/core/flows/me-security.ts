import type { BackupCodesJSON, TotpJSON, TotpVerifiedJSON } from '@latch/protocol';
import { newTotpSecret, totpUri } from '../crypto/totp';
import { fail } from '../errors';
import { serializeUser } from '../serialize';
import { rotateClientToken } from './client';
import type { RequestContext } from './context';
import { primaryEmail, verifiedEmailAddresses } from './factors';
import { guardedAttempt } from './lockout';
import { hashNewPassword, passwordMatches } from './passwords';
import { api, type RouteHandler } from './reply';
import { acceptTotpCode, deleteBackupCodes, newBackupCodes, openTotpSecret, replaceBackupCodes, sealTotpSecret } from './second-factor';
import { assertRecentlyVerified, recentlyVerifiedSession, reverificationStrategies } from './reverification';
import { currentSession, revokeUserSessions } from './sessions';
import { inTransaction } from './transaction';
import { updateUser } from './users';

/**
 * The current password is required when there is one; a wrong one counts
 * toward the lockout. A correct one is itself the step-up verification, unless
 * the user has a second factor (then only a recent TOTP or backup code is).
 * Every other session ends unless the user opts out (a password is changed
 * when it may be known to someone else), and this client's token is rotated.
 */
export const changePassword: RouteHandler = async (ctx) => {
  const currentPassword = ctx.body.optionalString('currentPassword', { max: Infinity, allowControl: true });
  const newPassword = ctx.body.string('newPassword', { max: Infinity, allowControl: true });
  const signOutOfOtherSessions = ctx.body.optionalBoolean('signOutOfOtherSessions') ?? true;
  const { user, session } = await currentSession(ctx);
  if (!(await reverificationStrategies(ctx, user)).includes('password')) await assertRecentlyVerified(ctx, session, user);
  if (user.passwordHash) {
    if (currentPassword === undefined) throw fail('form_param_missing', { paramName: 'currentPassword' });
    const matches = await guardedAttempt(ctx, user, () => passwordMatches(ctx, currentPassword, user.passwordHash));
    if (!matches) throw fail('form_password_incorrect', { paramName: 'currentPassword' });
  }
  const passwordHash = await hashNewPassword(ctx, newPassword, await verifiedEmailAddresses(ctx, user.id), 'newPassword');
  const updated = await inTransaction(ctx, async (ctx) => {
    const updated = await updateUser(ctx, user.id, { passwordHash });
    if (signOutOfOtherSessions) await revokeUserSessions(ctx, user.id, session.id);
    await rotateClientToken(ctx);
    return updated;
  });
  return api(await serializeUser(ctx, updated));
};

/** Starts TOTP enrollment: a secret and an otpauth:// URI for the QR code. TOTP is on only after a first code. */
export const createTotp: RouteHandler = async (ctx) => {
  assertMfa(ctx, 'totp');
  // Sensitive too: TOTP with an attacker's authenticator would become their way to reverify.
  const { user } = await recentlyVerifiedSession(ctx);
  if (user.totpSecret) throw fail('totp_already_enabled');
  const secret = newTotpSecret();
  await updateUser(ctx, user.id, { pendingTotpSecret: await sealTotpSecret(ctx, user.id, secret) });
  const label = (await primaryEmail(ctx, user))?.emailAddress ?? user.username ?? user.id;
  const totp: TotpJSON = { secret, uri: totpUri(secret, ctx.settings.applicationName, label) };
  return api(totp);
};

/** The first good code turns TOTP on and hands out the first backup codes. */
export const verifyTotp: RouteHandler = async (ctx) => {
  const code = ctx.body.string('code');
  const { user } = await currentSession(ctx);
  if (user.totpSecret) throw fail('totp_already_enabled');
  if (!user.pendingTotpSecret) throw fail('verification_missing', { paramName: 'code' });
  if (!(await acceptTotpCode(ctx, user.id, user.pendingTotpSecret, code))) throw fail('form_code_incorrect', { paramName: 'code' });
  // Sealed afresh: the pending secret may be a plaintext one from before encryption.
  const totpSecret = await sealTotpSecret(ctx, user.id, await openTotpSecret(ctx, user.id, user.pendingTotpSecret));
  const fresh = ctx.settings.mfa.backupCodes ? await newBackupCodes(ctx, user.id) : null;
  const verified: TotpVerifiedJSON = await inTransaction(ctx, async (ctx) => {
    await updateUser(ctx, user.id, { totpSecret, pendingTotpSecret: null });
    return { backupCodes: fresh ? await replaceBackupCodes(ctx, fresh) : [] };
  });
  return api(verified);
};

export const deleteTotp: RouteHandler = async (ctx) => {
  const { user } = await recentlyVerifiedSession(ctx);
  if (!user.totpSecret) throw fail('totp_not_enabled');
  const updated = await inTransaction(ctx, async (ctx) => {
    const updated = await updateUser(ctx, user.id, { totpSecret: null, pendingTotpSecret: null });
    await deleteBackupCodes(ctx, user.id);
    return updated;
  });
  return api(await serializeUser(ctx, updated));
};

/** New backup codes replace the old ones, which stop working at once. */
export const regenerateBackupCodes: RouteHandler = async (ctx) => {
  assertMfa(ctx, 'backupCodes');
  const { user } = await recentlyVerifiedSession(ctx);
  if (!user.totpSecret) throw fail('totp_not_enabled');
  const codes: BackupCodesJSON = { codes: await replaceBackupCodes(ctx, await newBackupCodes(ctx, user.id)) };
  return api(codes);
};

function assertMfa(ctx: RequestContext, feature: 'totp' | 'backupCodes'): void {
  if (!ctx.settings.mfa.enabled || !ctx.settings.mfa[feature]) throw fail('feature_disabled');
}
