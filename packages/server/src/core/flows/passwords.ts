import { codePointLength, normalizePassword } from '../crypto/password';
import { isCommonPassword } from '../crypto/common-passwords';
import { fail } from '../errors';
import type { ServerContext } from './context';

/**
 * Checks a new password against the policy and hashes it. Every check runs
 * on the NFKC form, and the length check comes first so an oversized
 * password never reaches the (deliberately slow) hash. `emailAddresses` are
 * every address the password must not spell (the sign-up's, or each verified
 * one of the user).
 */
export async function hashNewPassword(ctx: ServerContext, raw: string, emailAddresses: readonly string[], paramName = 'password'): Promise<string> {
  return ctx.hashing.hash(await assertPasswordPolicy(ctx, raw, emailAddresses, paramName));
}

/** The policy checks of `hashNewPassword`, without the hash; returns the NFKC form. */
export async function assertPasswordPolicy(ctx: ServerContext, raw: string, emailAddresses: readonly string[], paramName = 'password'): Promise<string> {
  const { minLength, maxLength, rejectCommon } = ctx.settings.passwordPolicy;
  const password = normalizePassword(raw);
  const length = codePointLength(password);
  if (length > maxLength) throw fail('form_password_length_too_long', { paramName });
  if (length < minLength) throw fail('form_password_length_too_short', { paramName });
  if (emailAddresses.some((address) => password.toLowerCase() === localPart(address).toLowerCase())) {
    throw fail('form_password_matches_identifier', { paramName });
  }
  if (rejectCommon && (await isCommonPassword(password, paramName))) throw fail('form_password_pwned', { paramName });
  return password;
}

/**
 * The same rule when the address arrives after the password, which is kept
 * only as a hash: the local part is tried against it in the two casings
 * people use, lowercase (as addresses are stored) and capitalized. Other
 * casings are caught only when the two arrive together.
 */
export async function assertPasswordIsNotLocalPart(ctx: ServerContext, passwordHash: string | null, emailAddress: string, paramName = 'emailAddress'): Promise<void> {
  if (!passwordHash) return;
  const local = localPart(emailAddress);
  for (const candidate of new Set([local, local.charAt(0).toUpperCase() + local.slice(1)])) {
    if (await passwordMatches(ctx, candidate, passwordHash)) throw fail('form_password_matches_identifier', { paramName });
  }
}

function localPart(emailAddress: string): string {
  return emailAddress.split('@')[0] ?? '';
}

/** False for a missing hash and, without hashing, for input longer than any valid password. */
export async function passwordMatches(ctx: ServerContext, raw: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const password = normalizePassword(raw);
  if (codePointLength(password) > ctx.settings.passwordPolicy.maxLength) return false;
  return ctx.hashing.verify(password, stored);
}
