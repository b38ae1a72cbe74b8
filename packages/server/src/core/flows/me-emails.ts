import type { DeletedJSON } from '@latch/protocol';
import { randomId } from '../crypto/random';
import { fail } from '../errors';
import { serializeEmailAddress, serializeUser } from '../serialize';
import type { EmailAddressRecord, UserRecord, VerificationState } from '../store/records';
import type { RequestContext, ServerContext } from './context';
import { attemptEmailCode, requireSentCode, sendEmailCode } from './email-codes';
import { sendEmailLink } from './email-link-tokens';
import { readEmailProofStrategy } from './factors';
import { assertEmailAvailable, normalizeEmail } from './identity';
import { assertNotLocked } from './lockout';
import { assertPasswordIsNotLocalPart } from './passwords';
import { api, type RouteHandler } from './reply';
import { recentlyVerifiedSession } from './reverification';
import { currentSession } from './sessions';
import { recordUserEvent } from '../webhooks/events';
import { inTransaction } from './transaction';
import { uniqueWrite, updateUser } from './users';

/** Adds an unverified address; it becomes usable once its code is entered. */
export const createEmailAddress: RouteHandler = async (ctx) => {
  const address = normalizeEmail(ctx.body.string('emailAddress'));
  const { user } = await recentlyVerifiedSession(ctx);
  await assertEmailAvailable(ctx, address);
  const own = await ctx.store.listBy('emailAddresses', 'userId', user.id);
  if (own.some((email) => email.emailAddress === address)) throw fail('form_identifier_exists', { paramName: 'emailAddress' });
  await assertPasswordIsNotLocalPart(ctx, user.passwordHash, address);
  const email: EmailAddressRecord = {
    id: randomId('idn'),
    userId: user.id,
    emailAddress: address,
    verifiedEmail: null,
    verification: null,
    createdAt: ctx.now(),
  };
  await inTransaction(ctx, async (ctx) => {
    await ctx.store.insert('emailAddresses', email);
    recordUserEvent(ctx, 'user.updated', user.id);
  });
  return api(serializeEmailAddress(email, ctx.now()));
};

/** A code, or a link (`strategy: 'email_link'`, with `redirectUrl`), as the instance's `emailVerification.method` allows. */
export const prepareEmailVerification: RouteHandler = async (ctx) => {
  const strategy = readEmailProofStrategy(ctx);
  const { user, email } = await ownEmail(ctx);
  assertNotLocked(ctx, user);
  if (email.verifiedEmail) throw fail('flow_state_invalid', { message: 'This email address is already verified.' });
  const send = { to: email.emailAddress, purpose: 'verify_email' as const, previous: email.verification };
  const verification =
    strategy === 'email_link'
      ? await sendEmailLink(ctx, { ...send, ownerId: email.id, attemptsKey: `link:${email.id}` })
      : await sendEmailCode(ctx, { ...send, strategy, attemptsKey: `code:${email.id}` });
  return api(serializeEmailAddress(await patchEmail(ctx, email, { verification }), ctx.now()));
};

/** A correct code verifies the address, unless someone else verified it first. */
export const attemptEmailVerification: RouteHandler = async (ctx) => {
  const code = ctx.body.string('code');
  const { email } = await ownEmail(ctx);
  const result = await attemptEmailCode(ctx, requireSentCode(email.verification, 'email_code'), code);
  if (result.failure) {
    await patchEmail(ctx, email, { verification: result.state });
    throw result.failure;
  }
  const verified = await inTransaction(ctx, (ctx) => verifyEmailAddress(ctx, email, result.state));
  return api(serializeEmailAddress(verified, ctx.now()));
};

/** The address is proven (a code or a link): verified, unless someone else verified it first. */
export function verifyEmailAddress(ctx: ServerContext, email: EmailAddressRecord, state: VerificationState): Promise<EmailAddressRecord> {
  return inTransaction(ctx, async (ctx) => {
    let verified = await patchEmail(ctx, email, { verification: state });
    await uniqueWrite(async () => (verified = await patchEmail(ctx, verified, { verifiedEmail: verified.emailAddress })));
    recordUserEvent(ctx, 'user.updated', email.userId);
    return verified;
  });
}

export const makeEmailPrimary: RouteHandler = async (ctx) => {
  const { user, email } = await ownEmail(ctx, { sensitive: true });
  if (!email.verifiedEmail) throw fail('email_address_not_verified');
  return api(await serializeUser(ctx, await updateUser(ctx, user.id, { primaryEmailAddressId: email.id })));
};

/** The primary address stays until another is made primary, so an account always has a way in. */
export const deleteEmailAddress: RouteHandler = async (ctx) => {
  const { user, email } = await ownEmail(ctx, { sensitive: true });
  await removeEmailAddress(ctx, user, email);
  const deleted: DeletedJSON = { id: email.id, deleted: true };
  return api(deleted);
};

/** Removes an address and its pending code; never the primary one or the last verified one (the user's own route and the admin API alike). */
export async function removeEmailAddress(ctx: ServerContext, user: UserRecord, email: EmailAddressRecord): Promise<void> {
  const verified = (await ctx.store.listBy('emailAddresses', 'userId', user.id)).filter((own) => own.verifiedEmail);
  if (email.verifiedEmail && verified.length === 1) throw fail('last_verified_email_address');
  if (user.primaryEmailAddressId === email.id) throw fail('email_address_is_primary');
  await inTransaction(ctx, async (ctx) => {
    if (email.verification?.codeId) await ctx.store.delete('verifications', email.verification.codeId);
    await ctx.store.delete('emailAddresses', email.id);
    recordUserEvent(ctx, 'user.updated', user.id);
  });
}

/** A sensitive use (make primary, remove) also needs a recent verification, checked before the address is looked up. */
async function ownEmail(ctx: RequestContext, { sensitive = false } = {}): Promise<{ user: UserRecord; email: EmailAddressRecord }> {
  const { user } = sensitive ? await recentlyVerifiedSession(ctx) : await currentSession(ctx);
  const email = await ctx.store.get('emailAddresses', ctx.id);
  if (!email || email.userId !== user.id) throw fail('email_address_not_found');
  return { user, email };
}

async function patchEmail(ctx: ServerContext, email: EmailAddressRecord, patch: Partial<EmailAddressRecord>): Promise<EmailAddressRecord> {
  return (await ctx.store.update('emailAddresses', email.id, patch)) ?? { ...email, ...patch };
}
