import type { FirstFactor, SecondFactor } from '@latch/protocol';
import type { EmailAddressRecord, UserRecord } from '../store/records';
import type { InstanceSettings } from '../settings';
import { fail } from '../errors';
import type { RequestContext, ServerContext } from './context';

export async function primaryEmail(ctx: ServerContext, user: UserRecord): Promise<EmailAddressRecord | null> {
  if (!user.primaryEmailAddressId) return null;
  return ctx.store.get('emailAddresses', user.primaryEmailAddressId);
}

/** Every address the user has proven to own, the primary one included. */
export async function verifiedEmailAddresses(ctx: ServerContext, userId: string): Promise<string[]> {
  const emails = await ctx.store.listBy('emailAddresses', 'userId', userId);
  return emails.flatMap((email) => (email.verifiedEmail ? [email.verifiedEmail] : []));
}

/** How an inbox is proven on this instance (`emailVerification.method`): a code, a link, or either. */
export function emailProofStrategies(settings: InstanceSettings): ('email_code' | 'email_link')[] {
  const method = settings.emailVerification.method;
  return method === 'both' ? ['email_code', 'email_link'] : method === 'link' ? ['email_link'] : ['email_code'];
}

/** The request's `strategy` for proving an inbox (absent: `email_code`, as before links), if the instance offers it. */
export function readEmailProofStrategy(ctx: RequestContext): 'email_code' | 'email_link' {
  const strategy = ctx.body.optionalString('strategy') ?? 'email_code';
  const offered = emailProofStrategies(ctx.settings).find((allowed) => allowed === strategy);
  if (!offered) throw fail('form_param_format_invalid', { paramName: 'strategy' });
  return offered;
}

/**
 * The email factors a sign-in offers for `target` (an address, or a masked
 * one before proof): signing in by code and/or link when the instance signs
 * in by email, and resetting the password (always by code) when it has passwords.
 */
export function emailFactors(settings: InstanceSettings, target: { emailAddressId: string; safeIdentifier: string }): FirstFactor[] {
  const factors: FirstFactor[] = [];
  if (settings.firstFactors.emailCode) for (const strategy of emailProofStrategies(settings)) factors.push({ strategy, ...target });
  if (settings.firstFactors.password) factors.push({ strategy: 'reset_password_email_code', ...target });
  return factors;
}

/** What the user can prove first: their password, or a code or link sent to their primary email. */
export async function firstFactorsFor(ctx: ServerContext, user: UserRecord): Promise<FirstFactor[]> {
  const factors: FirstFactor[] = [];
  if (ctx.settings.firstFactors.password && user.passwordHash) factors.push({ strategy: 'password' });
  if (ctx.settings.firstFactors.passkey && (await ctx.store.listBy('passkeys', 'userId', user.id)).length > 0) factors.push({ strategy: 'passkey' });
  const email = await primaryEmail(ctx, user);
  if (email?.verifiedEmail) factors.push(...emailFactors(ctx.settings, { emailAddressId: email.id, safeIdentifier: email.emailAddress }));
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
