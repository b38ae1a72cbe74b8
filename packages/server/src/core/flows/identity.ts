import { fail } from '../errors';
import type { ServerContext } from './context';
import { assertDisplayText } from './display-text';
import { canonicalEmailAddress } from './email-address';

const usernameShape = /^[a-z0-9_.-]{3,64}$/;

/**
 * One strict addr-spec (see `canonicalEmailAddress`), trimmed, lowercased and
 * with an IDN domain in punycode, so `Ada@Example.com` and `ada@example.com`
 * are one account and no mailer can read the address as a list.
 */
export function normalizeEmail(raw: string, paramName = 'emailAddress'): string {
  const email = canonicalEmailAddress(raw.trim());
  if (email === null) throw fail('form_param_format_invalid', { paramName, message: 'Enter a valid email address.' });
  return email;
}

export function normalizeUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!usernameShape.test(username)) {
    throw fail('form_param_format_invalid', {
      paramName: 'username',
      message: 'Usernames are 3 to 64 characters: letters, digits, "_", "." or "-".',
    });
  }
  return username;
}

/** Names are free text but for invisible formatting; blank means none. */
export function cleanName(raw: string | null | undefined, paramName: 'firstName' | 'lastName'): string | null {
  const name = raw?.trim();
  if (name) assertDisplayText(name, paramName);
  return name ? name : null;
}

export async function assertEmailAvailable(ctx: ServerContext, email: string): Promise<void> {
  if (await ctx.store.findBy('emailAddresses', 'verifiedEmail', email)) {
    throw fail('form_identifier_exists', { paramName: 'emailAddress' });
  }
}

export async function assertUsernameAvailable(ctx: ServerContext, username: string, ownUserId?: string): Promise<void> {
  const owner = await ctx.store.findBy('users', 'username', username);
  if (owner && owner.id !== ownUserId) throw fail('form_username_exists', { paramName: 'username' });
}
