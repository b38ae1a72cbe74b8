import { codePointLength, normalizePassword } from '../crypto/password';
import { isCommonPassword } from '../crypto/common-passwords';
import { fail } from '../errors';
import type { ServerContext } from './context';

/**
 * Checks a new password against the policy and hashes it. Every check runs
 * on the NFKC form, and the length check comes first so an oversized
 * password never reaches the (deliberately slow) hash.
 */
export async function hashNewPassword(ctx: ServerContext, raw: string, emailAddress: string | null, paramName = 'password'): Promise<string> {
  const { minLength, maxLength, rejectCommon } = ctx.settings.passwordPolicy;
  const password = normalizePassword(raw);
  const length = codePointLength(password);
  if (length > maxLength) throw fail('form_password_length_too_long', { paramName });
  if (length < minLength) throw fail('form_password_length_too_short', { paramName });
  const localPart = emailAddress?.split('@')[0];
  if (localPart && password.toLowerCase() === localPart.toLowerCase()) {
    throw fail('form_password_matches_identifier', { paramName });
  }
  if (rejectCommon && (await isCommonPassword(password))) throw fail('form_password_pwned', { paramName });
  return ctx.hashing.hash(password);
}

/** False for a missing hash and, without hashing, for input longer than any valid password. */
export async function passwordMatches(ctx: ServerContext, raw: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const password = normalizePassword(raw);
  if (codePointLength(password) > ctx.settings.passwordPolicy.maxLength) return false;
  return ctx.hashing.verify(password, stored);
}
