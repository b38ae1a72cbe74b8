import { fail } from '../errors';
import { serializeSignIn } from '../serialize';
import type { SignInRecord, UserRecord, VerificationState } from '../store/records';
import type { RequestContext } from './context';
import { attemptGuardedEmailCode, requireSentCode, sendEmailCode } from './email-codes';
import { firstFactorsFor, primaryEmail, secondFactorsFor } from './factors';
import { guardedAttempt } from './lockout';
import { hashNewPassword } from './passwords';
import { api, type RouteHandler } from './reply';
import { revokeUserSessions } from './sessions';
import { attemptPassword, completeSignIn, loadSignIn, passFirstFactor, signInUser, updateSignIn } from './sign-in';
import { acceptSecondFactor } from './second-factor';
import { updateUser } from './users';

const codeStrategies = ['email_code', 'reset_password_email_code'] as const;

export const prepareFirstFactor: RouteHandler = async (ctx) => {
  const strategy = ctx.body.oneOf('strategy', codeStrategies);
  const emailAddressId = ctx.body.string('emailAddressId');
  const signIn = await loadSignIn(ctx, 'needs_first_factor');
  const user = await signInUser(ctx, signIn);
  const factor = (await firstFactorsFor(ctx, user)).find(
    (offered) => offered.strategy === strategy && 'emailAddressId' in offered && offered.emailAddressId === emailAddressId,
  );
  if (!factor || !('safeIdentifier' in factor)) throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
  const verification = await sendEmailCode(ctx, {
    to: factor.safeIdentifier,
    purpose: strategy === 'email_code' ? 'sign_in' : 'reset_password',
    strategy,
    attemptsKey: `code:${signIn.id}`,
    previous: signIn.firstFactorVerification,
  });
  return api(await serializeSignIn(ctx, await updateSignIn(ctx, signIn, { firstFactorVerification: verification })));
};

export const attemptFirstFactor: RouteHandler = async (ctx) => {
  const strategy = ctx.body.oneOf('strategy', ['password', ...codeStrategies]);
  const signIn = await loadSignIn(ctx, 'needs_first_factor');
  const user = await signInUser(ctx, signIn);
  if (strategy === 'password') {
    const password = ctx.body.string('password', { max: Infinity, allowControl: true });
    return api(await serializeSignIn(ctx, await attemptPassword(ctx, signIn, user, password)));
  }
  const code = ctx.body.string('code');
  const result = await attemptGuardedEmailCode(ctx, user, requireSentCode(signIn.firstFactorVerification, strategy), code);
  const checked = await updateSignIn(ctx, signIn, { firstFactorVerification: result.state });
  if (result.failure) throw result.failure;
  const next =
    strategy === 'email_code'
      ? await passFirstFactor(ctx, checked, user, result.state)
      : await updateSignIn(ctx, checked, { status: 'needs_new_password' });
  return api(await serializeSignIn(ctx, next));
};

/** The end of "forgot password": a new password, then the second factor if the user has one. */
export const resetPassword: RouteHandler = async (ctx) => {
  const password = ctx.body.string('password', { max: Infinity, allowControl: true });
  const signOutOfOtherSessions = ctx.body.optionalBoolean('signOutOfOtherSessions') ?? false;
  const signIn = await loadSignIn(ctx, 'needs_new_password');
  const user = await signInUser(ctx, signIn);
  const passwordHash = await hashNewPassword(ctx, password, (await primaryEmail(ctx, user))?.emailAddress ?? null);
  const updated = await updateUser(ctx, user.id, { passwordHash });
  if (signOutOfOtherSessions) await revokeUserSessions(ctx, user.id);
  const verification = signIn.firstFactorVerification as VerificationState;
  return api(await serializeSignIn(ctx, await passFirstFactor(ctx, signIn, updated, verification)));
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
  const checked = await updateSignIn(ctx, signIn, { secondFactorVerification: verification });
  if (!passed) throw fail('form_code_incorrect', { paramName: 'code' });
  return api(await serializeSignIn(ctx, await completeSignIn(ctx, checked)));
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
