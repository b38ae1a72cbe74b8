import type { EmailLinkJSON, EmailLinkVerifiedJSON } from '@latch/protocol';
import { fail } from '../errors';
import { serializeSignIn } from '../serialize';
import type { EmailAddressRecord, SignInRecord, SignUpRecord, UserRecord, VerificationState } from '../store/records';
import { ensureClient, newClientToken } from './client';
import type { RequestContext } from './context';
import { parseDevice } from './device';
import { openEmailLink, useUpEmailLink, type LinkRecord } from './email-link-tokens';
import { assertNotLocked } from './lockout';
import { verifyEmailAddress } from './me-emails';
import { api, type RouteHandler } from './reply';
import { assertCanSignIn } from './sessions';
import { insertSignIn, passFirstFactor, updateSignIn } from './sign-in';
import { completeIfReady, patchSignUp } from './sign-up';
import { missingFields } from './sign-up-fields';
import { inTransaction } from './transaction';

/*
 * The app's verify page: `inspect` on load ("Continue as ada@…"), `verify`
 * on the person's click. Only `verify` uses the link up, so a mail scanner
 * that fetches the page, or runs it, burns nothing.
 *
 * Where the flow finishes: in the browser that asked for the link when that
 * is the one opening it; else, by default, the opener only confirms it and
 * the original tab finishes (it polls, then `attempt_first_factor` or
 * `attempt_verification` with `strategy: 'email_link'`); with
 * `emailVerification.linkCompletesOnOtherDevice` the opener finishes
 * instead, and the original attempt is closed to it. An added address is
 * verified wherever its link is opened: no session hangs on it.
 */

type Owner =
  | { purpose: 'sign_in'; signIn: SignInRecord; user: UserRecord }
  | { purpose: 'sign_up'; signUp: SignUpRecord }
  | { purpose: 'verify_email'; email: EmailAddressRecord };

export const inspectEmailLink: RouteHandler = async (ctx) => {
  const { record } = await openLinkAndOwner(ctx);
  return api(describe(ctx, record));
};

export const verifyEmailLink: RouteHandler = async (ctx) => {
  const { record, owner } = await openLinkAndOwner(ctx);
  const link = describe(ctx, record);
  const finishHere = link.completesIn === 'here' && owner.purpose !== 'verify_email';
  if (owner.purpose === 'sign_in') assertNotLocked(ctx, owner.user);
  // A new browser that signs in here needs a client (and a token to hand back), and no one signed in already.
  if (finishHere && !link.sameClient) await assertCanSignIn(ctx, owner.purpose === 'sign_in' ? owner.user.id : undefined);
  const fresh = finishHere && !ctx.client ? await newClientToken(ctx) : undefined;
  const verified: VerificationState = {
    status: 'verified',
    strategy: 'email_link',
    attempts: 0,
    expireAt: null,
    codeId: null,
    verifiedFromTheSameClient: link.sameClient,
  };
  const outcome = await inTransaction(ctx, async (ctx) => {
    await useUpEmailLink(ctx, record);
    if (owner.purpose === 'verify_email') {
      await verifyEmailAddress(ctx, owner.email, verified);
      return { createdSessionId: null, signIn: null };
    }
    if (fresh) await ensureClient(ctx, fresh);
    return owner.purpose === 'sign_in' ? finishSignIn(ctx, owner, verified, finishHere) : finishSignUp(ctx, owner.signUp, verified, finishHere);
  });
  const signIn = outcome.signIn ? await serializeSignIn(ctx, outcome.signIn) : null;
  const verifiedJSON: EmailLinkVerifiedJSON = { ...link, status: 'verified', createdSessionId: outcome.createdSessionId, signIn };
  return api(verifiedJSON);
};

interface Outcome {
  createdSessionId: string | null;
  signIn: SignInRecord | null;
}

async function finishSignIn(ctx: RequestContext, owner: Extract<Owner, { purpose: 'sign_in' }>, verified: VerificationState, here: boolean): Promise<Outcome> {
  const { signIn, user } = owner;
  if (!here) {
    await updateSignIn(ctx, signIn, { firstFactorVerification: verified });
    return { createdSessionId: null, signIn: null };
  }
  let mine = signIn;
  if (!verified.verifiedFromTheSameClient) {
    // Finished in this other browser: a sign-in of its own, and the original one can no longer pass.
    await updateSignIn(ctx, signIn, { firstFactorVerification: { ...verified, linkFinishedElsewhere: true } });
    mine = await insertSignIn(ctx, undefined, user.id, signIn.identifier);
  }
  const state = { ...verified, verifiedFromTheSameClient: true };
  const next = await passFirstFactor(ctx, await updateSignIn(ctx, mine, { firstFactorVerification: state }), user, state);
  return { createdSessionId: next.createdSessionId, signIn: next };
}

async function finishSignUp(ctx: RequestContext, signUp: SignUpRecord, verified: VerificationState, here: boolean): Promise<Outcome> {
  // Another browser can only finish a sign-up that lacks nothing but this proof; else the original tab carries on.
  const elsewhere = here && !verified.verifiedFromTheSameClient && missingFields(ctx.settings, signUp).length === 0;
  if (!here || (!verified.verifiedFromTheSameClient && !elsewhere)) {
    await patchSignUp(ctx, signUp, { emailVerification: verified });
    return { createdSessionId: null, signIn: null };
  }
  const state = elsewhere ? { ...verified, linkFinishedElsewhere: true } : verified;
  const next = await completeIfReady(ctx, await patchSignUp(ctx, signUp, { emailVerification: state }));
  return { createdSessionId: next.createdSessionId, signIn: null };
}

/** The body's link and what it is bound to. A use that won meanwhile moved its owner on: that is "used", not "invalid". */
async function openLinkAndOwner(ctx: RequestContext): Promise<{ record: LinkRecord; owner: Owner }> {
  const token = ctx.body.string('token', { max: 200 });
  const record = await openEmailLink(ctx, token);
  try {
    return { record, owner: await linkOwner(ctx, record) };
  } catch (error) {
    await openEmailLink(ctx, token);
    throw error;
  }
}

/** What the link is bound to, still waiting for this very link; anything else (finished, replaced by a resend, expired) makes it invalid. */
async function linkOwner(ctx: RequestContext, record: LinkRecord): Promise<Owner> {
  const invalid = () => fail('email_link_invalid', { paramName: 'token' });
  const waitsForThis = (state: VerificationState | null) => state?.strategy === 'email_link' && state.codeId === record.id;
  const now = ctx.now();
  const { ownerId } = record.link;
  if (record.purpose === 'sign_in') {
    const signIn = await ctx.store.get('signIns', ownerId);
    const user = signIn?.userId ? await ctx.store.get('users', signIn.userId) : null;
    if (!signIn || !user || signIn.expireAt <= now || signIn.status !== 'needs_first_factor' || !waitsForThis(signIn.firstFactorVerification)) throw invalid();
    return { purpose: 'sign_in', signIn, user };
  }
  if (record.purpose === 'sign_up') {
    const signUp = await ctx.store.get('signUps', ownerId);
    if (!signUp || signUp.expireAt <= now || signUp.status !== 'missing_requirements' || !waitsForThis(signUp.emailVerification)) throw invalid();
    return { purpose: 'sign_up', signUp };
  }
  const email = await ctx.store.get('emailAddresses', ownerId);
  if (!email || email.verifiedEmail || !waitsForThis(email.verification)) throw invalid();
  return { purpose: 'verify_email', email };
}

function describe(ctx: RequestContext, record: LinkRecord): EmailLinkJSON {
  const sameClient = ctx.client !== null && ctx.client.id === record.link.clientId;
  const anywhere = record.purpose === 'verify_email' || ctx.settings.emailVerification.linkCompletesOnOtherDevice;
  return {
    purpose: record.purpose as EmailLinkJSON['purpose'],
    emailAddress: record.target,
    expireAt: record.expiresAt,
    sameClient,
    completesIn: sameClient || anywhere ? 'here' : 'original',
    requestedFrom: parseDevice(record.link.userAgent),
  };
}
