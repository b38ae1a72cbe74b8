import type { FirstFactor } from '@latch/protocol';
import type { PasswordHashing } from '../crypto/password';
import { randomToken } from '../crypto/random';
import type { SignInRecord, UserRecord } from '../store/records';
import type { ServerContext } from './context';
import { emailFactors, primaryEmail } from './factors';

/**
 * Enumeration protection (`settings.enumerationProtection`, on by default).
 *
 * An unknown identifier gets a *decoy* sign-in: stored like a real one (with
 * `userId: null`), answered with the same status and shape, offering the
 * factors the instance offers anyone. Its password attempt hashes against a
 * dummy hash of the same cost and fails like a wrong password; its email code
 * is "sent" to nobody and can never match. Until the first factor passes, a
 * real sign-in shows no more than a decoy: the masked identifier and the
 * instance's factors, no names, image or second factors.
 *
 * Not hidden: an account that is locked answers 429, which a decoy never does.
 */
export function isDecoy(signIn: SignInRecord): boolean {
  return signIn.userId === null;
}

/** `ada@example.com` → `a***@example.com`; with `showDomain` false (typed as a username), `a***@***`. */
export function maskEmailAddress(address: string, showDomain = true): string {
  const at = address.lastIndexOf('@');
  const first = [...address][0] ?? '';
  return `${first}***@${showDomain && at >= 0 ? address.slice(at + 1) : '***'}`;
}

/**
 * The first factors a sign-in shows before any factor passes: what the
 * instance offers, the same for every account and for none. The email
 * factors name the account's primary address, masked, or the decoy's
 * made-up one.
 */
export async function firstFactorsBeforeProof(ctx: ServerContext, signIn: SignInRecord, user: UserRecord | null): Promise<FirstFactor[]> {
  const { firstFactors } = ctx.settings;
  const typedEmail = signIn.identifier.includes('@');
  const email = user ? await primaryEmail(ctx, user) : null;
  const verified = email?.verifiedEmail ? email : null;
  const target = {
    emailAddressId: verified?.id ?? signIn.decoyEmailAddressId ?? '',
    safeIdentifier: maskEmailAddress(verified?.emailAddress ?? signIn.identifier.toLowerCase(), typedEmail),
  };
  const factors: FirstFactor[] = [];
  if (firstFactors.password) factors.push({ strategy: 'password' });
  // Offered to every account and to none alike: whether this one has a passkey shows only when one answers.
  if (firstFactors.passkey) factors.push({ strategy: 'passkey' });
  return [...factors, ...emailFactors(ctx.settings, target)];
}

/** One hash per hashing scheme, of a secret nobody knows: verifying against it costs what a real check costs and never passes. */
const dummyHashes = new WeakMap<PasswordHashing, Promise<string>>();

export function dummyPasswordHash(ctx: ServerContext): Promise<string> {
  let hash = dummyHashes.get(ctx.hashing);
  if (!hash) dummyHashes.set(ctx.hashing, (hash = ctx.hashing.hash(randomToken())));
  return hash;
}
