import type { FirstFactor } from '@latch/protocol';
import { fail } from '../errors';
import { serializeSignIn } from '../serialize';
import type { SignInRecord, UserRecord, VerificationState } from '../store/records';
import { rotateClientToken } from './client';
import type { RequestContext } from './context';
import { attemptEmailCode, requireSentCode, sendEmailCode, type CodeResult } from './email-codes';
import { linkedVerification, sendEmailLink } from './email-link-tokens';
import { firstFactorsBeforeProof } from './enumeration';
import { firstFactorsFor, secondFactorsFor, verifiedEmailAddresses } from './factors';
import { assertNotLocked, guardedAttempt } from './lockout';
import { hashNewPassword } from './passwords';
import { api, type RouteHandler } from './reply';
import { revokeUserSessions } from './sessions';
import { attemptPassword, completeSignIn, loadSignIn, passFirstFactor, signInUser, signInUserOrDecoy, updateSignIn } from './sign-in';
import { acceptSecondFactor } from './second-factor';
import { attemptPasskey } from './passkeys/sign-in';
import { inTransaction } from './transaction';
import { updateUser } from './users';

const codeStrategies = ['email_code', 'reset_password_email_code'] as const;

/**
 * Sends the code to the account's address. With enumeration protection the
 * factor is one of those shown before any proof; when it names no real
 * address (a decoy, an account without a verified one) the answer is the
 * same but no email goes out.
 */
export const prepareFirstFactor: RouteHandler = async (ctx) => {
  const strategy = ctx.body.oneOf('strategy', [...codeStrategies, 'email_link'] as const);
  const emailAddressId = ctx.body.string('emailAddressId');
  const signIn = await loadSignIn(ctx, 'needs_first_factor');
  const user = await signInUserOrDecoy(ctx, signIn);
  if (user) assertNotLocked(ctx, user);
  const matches = (offered: FirstFactor) => offered.strategy === strategy && 'emailAddressId' in offered && offered.emailAddressId === emailAddressId;
  const real = user ? (await firstFactorsFor(ctx, user)).find(matches) : undefined;
  const shown = ctx.settings.enumerationProtection ? (await firstFactorsBeforeProof(ctx, signIn, user)).find(matches) : real;
  if (!shown) throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
  const realAddress = real && 'safeIdentifier' in real ? real.safeIdentifier : null;
  const send = { to: realAddress ?? signIn.identifier.toLowerCase(), deliver: realAddress !== null, previous: signIn.firstFactorVerification };
  const verification =
    strategy === 'email_link'
      ? await sendEmailLink(ctx, { ...send, purpose: 'sign_in', ownerId: signIn.id, attemptsKey: `link:${signIn.id}` })
      : await sendEmailCode(ctx, { ...send, purpose: strategy === 'email_code' ? 'sign_in' : 'reset_password', strategy, attemptsKey: `code:${signIn.id}` });
  return api(await serializeSignIn(ctx, await updateSignIn(ctx, signIn, { firstFactorVerification: verification })));
};

export const attemptFirstFactor: RouteHandler = async (ctx) => {
  const strategy = ctx.body.oneOf('strategy', ['password', 'passkey', 'email_link', ...codeStrategies]);
  const signIn = await loadSignIn(ctx, 'needs_first_factor');
  if (strategy === 'passkey') return api(await serializeSignIn(ctx, await attemptPasskey(ctx, signIn)));
  const user = await signInUserOrDecoy(ctx, signIn);
  if (strategy === 'email_link') {
    // The link was opened in another browser; this one, which asked for it, finishes. A decoy's link was never sent.
    const verified = linkedVerification(signIn.firstFactorVerification, ctx.now());
    if (!user) throw fail('verification_missing');
    assertNotLocked(ctx, user);
    return api(await serializeSignIn(ctx, await passFirstFactor(ctx, signIn, user, verified)));
  }
  if (strategy === 'password') {
    const password = ctx.body.string('password', { max: Infinity, allowControl: true });
    return api(await serializeSignIn(ctx, await attemptPassword(ctx, signIn, user, password)));
  }
  const code = ctx.body.string('code');
  const sent = requireSentCode(signIn.firstFactorVerification, strategy);
  let result: CodeResult = { state: sent, failure: null };
  const check = async () => {
    result = await attemptEmailCode(ctx, sent, code);
    return result.failure === null;
  };
  if (user) await guardedAttempt(ctx, user, check);
  else await check();
  const { state, failure } = result;
  if (failure) {
    await updateSignIn(ctx, signIn, { firstFactorVerification: state });
    throw failure;
  }
  // A decoy's code can never match (see sendEmailCode): this only guards the types.
  if (!user) throw fail('form_code_incorrect', { paramName: 'code' });
  const next = await inTransaction(ctx, async (ctx) => {
    const checked = await updateSignIn(ctx, signIn, { firstFactorVerification: state });
    return strategy === 'email_code'
      ? passFirstFactor(ctx, checked, user, state)
      : updateSignIn(ctx, checked, { status: 'needs_new_password' });
  });
  return api(await serializeSignIn(ctx, next));
};

/**
 * The end of "forgot password": a new password, then the second factor if the
 * user has one. Whoever knew the old password may hold a session, so the
 * other sessions end unless the user opts out, and this client's token is
 * rotated.
 */
export const resetPassword: RouteHandler = async (ctx) => {
  const password = ctx.body.string('password', { max: Infinity, allowControl: true });
  const signOutOfOtherSessions = ctx.body.optionalBoolean('signOutOfOtherSessions') ?? true;
  const signIn = await loadSignIn(ctx, 'needs_new_password');
  const user = await signInUser(ctx, signIn);
  const passwordHash = await hashNewPassword(ctx, password, await verifiedEmailAddresses(ctx, user.id));
  const verification = signIn.firstFactorVerification as VerificationState;
  // The new password, the revocations and the sign-in's next step stand or fall together.
  const next = await inTransaction(ctx, async (ctx) => {
    const updated = await updateUser(ctx, user.id, { passwordHash });
    if (signOutOfOtherSessions) await revokeUserSessions(ctx, user.id);
    await rotateClientToken(ctx);
    return passFirstFactor(ctx, signIn, updated, verification);
  });
  return api(await serializeSignIn(ctx, next));
};

export const prepareSecondFactor: RouteHandler = async (ctx) => {
  const { signIn, strategy } = await offeredSecondFactor(ctx);
  const verification: VerificationState = { status: 'unverified', strategy, attempts: 0, expireAt: null, codeId: null };
  return api(await serializeSignIn(ctx, await updateSignIn(ctx, signIn, { secondFactorVerification: verification })));
};

export const attemptSecondFactor: RouteHandler = async (ctx) => {
  const code = ctx.body.string('code');
  const { signIn, user, strategy } = await offeredSecondFactor(ctx);
  const passed = await guardedAttempt(ctx, user, () => acceptSecondFactor(ctx, user, strategy, code));
  const attempts = (signIn.secondFactorVerification?.attempts ?? 0) + 1;
  const status = passed ? 'verified' : 'unverified';
  const verification: VerificationState = { status, strategy, attempts, expireAt: null, codeId: null };
  if (!passed) {
    await updateSignIn(ctx, signIn, { secondFactorVerification: verification });
    throw fail('form_code_incorrect', { paramName: 'code' });
  }
  const completed = await inTransaction(ctx, async (ctx) =>
    completeSignIn(ctx, await updateSignIn(ctx, signIn, { secondFactorVerification: verification })),
  );
  return api(await serializeSignIn(ctx, completed));
};

async function offeredSecondFactor(ctx: RequestContext): Promise<{ signIn: SignInRecord; user: UserRecord; strategy: 'totp' | 'backup_code' }> {
  const strategy = ctx.body.oneOf('strategy', ['totp', 'backup_code'] as const);
  const signIn = await loadSignIn(ctx, 'needs_second_factor');
  const user = await signInUser(ctx, signIn);
  if (!(await secondFactorsFor(ctx, user)).some((factor) => factor.strategy === strategy)) {
    throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
  }
  return { signIn, user, strategy };
}
