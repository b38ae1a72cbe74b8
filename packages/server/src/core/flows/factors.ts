import type { FirstFactor, SecondFactor } from '@latch/protocol';
import type { EmailAddressRecord, UserRecord } from '../store/records';
import type { ServerContext } from './context';

export async function primaryEmail(ctx: ServerContext, user: UserRecord): Promise<EmailAddressRecord | null> {
  if (!user.primaryEmailAddressId) return null;
  return ctx.store.get('emailAddresses', user.primaryEmailAddressId);
}

/** Every address the user has proven to own, the primary one included. */
export async function verifiedEmailAddresses(ctx: ServerContext, userId: string): Promise<string[]> {
  const emails = await ctx.store.listBy('emailAddresses', 'userId', userId);
  return emails.flatMap((email) => (email.verifiedEmail ? [email.verifiedEmail] : []));
}

/** What the user can prove first: their password, or a code sent to their primary email. */
export async function firstFactorsFor(ctx: ServerContext, user: UserRecord): Promise<FirstFactor[]> {
  const { firstFactors } = ctx.settings;
  const factors: FirstFactor[] = [];
  if (firstFactors.password && user.passwordHash) factors.push({ strategy: 'password' });
  if (firstFactors.passkey && (await ctx.store.listBy('passkeys', 'userId', user.id)).length > 0) factors.push({ strategy: 'passkey' });
  const email = await primaryEmail(ctx, user);
  if (email?.verifiedEmail) {
    const target = { emailAddressId: email.id, safeIdentifier: email.emailAddress };
    if (firstFactors.emailCode) factors.push({ strategy: 'email_code', ...target });
    if (firstFactors.password) factors.push({ strategy: 'reset_password_email_code', ...target });
  }
  return factors;
}

export async function backupCodeCount(ctx: ServerContext, userId: string): Promise<number> {
  return (await ctx.store.listBy('backupCodes', 'userId', userId)).length;
}

/** Once a user has turned TOTP on it is always asked for, even if the instance later turns MFA off. */
export async function secondFactorsFor(ctx: ServerContext, user: UserRecord): Promise<SecondFactor[]> {
  if (!user.totpSecret) return [];
  const factors: SecondFactor[] = [{ strategy: 'totp' }];
  if ((await backupCodeCount(ctx, user.id)) > 0) factors.push({ strategy: 'backup_code' });
  return factors;
}
