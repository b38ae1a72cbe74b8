import type { ReverificationStrategy } from '@latch/protocol';
import { fail } from '../errors';
import { serializeSession, serializeUser, serializeVerification } from '../serialize';
import type { SessionRecord, UserRecord } from '../store/records';
import type { RequestContext, ServerContext } from './context';
import { attemptGuardedEmailCode, requireSentCode, sendEmailCode } from './email-codes';
import { primaryEmail, secondFactorsFor } from './factors';
import { guardedAttempt } from './lockout';
import { passwordMatches } from './passwords';
import { api, type RouteHandler } from './reply';
import { acceptSecondFactor } from './second-factor';
import { currentSession } from './sessions';

/*
 * Step-up verification. A stolen client token carries a signed-in session,
 * but not the factors behind it: so adding, promoting or removing an email,
 * changing the password, turning TOTP on or off, new backup codes and
 * deleting the account need the user to have proven a factor on this session
 * recently (`lastVerifiedAt`, set by sign-in, sign-up and reverification).
 */

const strategyNames = ['password', 'email_code', 'totp', 'backup_code'] as const;

/**
 * How this user proves it is still them: the strongest factor it has. With
 * TOTP on, only TOTP or a backup code: a password alone must not unlock the
 * actions that turn the second factor off. Without TOTP, the password; an
 * email code only for users without one (the inbox is a weaker factor).
 */
export async function reverificationStrategies(ctx: ServerContext, user: UserRecord): Promise<ReverificationStrategy[]> {
  const secondFactors = await secondFactorsFor(ctx, user);
  if (secondFactors.length > 0) return secondFactors.map((factor) => factor.strategy);
  if (user.passwordHash) return ['password'];
  return (await primaryEmail(ctx, user))?.verifiedEmail ? ['email_code'] : [];
}

/** 403 `reverification_required`, naming the strategies, unless the session was verified recently. */
export async function assertRecentlyVerified(ctx: ServerContext, session: SessionRecord, user: UserRecord): Promise<void> {
  const verifiedAt = session.lastVerifiedAt ?? null;
  if (verifiedAt !== null && ctx.now() - verifiedAt <= ctx.reverificationMaxAgeMs) return;
  throw fail('reverification_required', { strategies: await reverificationStrategies(ctx, user) });
}

/** `currentSession` for a sensitive action. */
export async function recentlyVerifiedSession(ctx: RequestContext): Promise<{ session: SessionRecord; user: UserRecord }> {
  const current = await currentSession(ctx);
  await assertRecentlyVerified(ctx, current.session, current.user);
  return current;
}

/** Sends a code to the primary address, for users whose strategy is `email_code`. */
export const prepareReverification: RouteHandler = async (ctx) => {
  ctx.body.oneOf('strategy', ['email_code'] as const);
  const { session, user } = await offeredStrategy(ctx, 'email_code');
  const email = await primaryEmail(ctx, user);
  if (!email?.verifiedEmail) throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
  const verification = await sendEmailCode(ctx, {
    to: email.verifiedEmail,
    purpose: 'reverification',
    strategy: 'email_code',
    attemptsKey: `code:reverification:${session.id}`,
    previous: session.reverification ?? null,
  });
  await ctx.store.update('sessions', session.id, { reverification: verification });
  return api(serializeVerification(verification, ctx.now()));
};

/** A correct password or code marks the session verified now; every wrong one counts toward the account lockout. */
export const attemptReverification: RouteHandler = async (ctx) => {
  const strategy = ctx.body.oneOf('strategy', strategyNames);
  const secret = strategy === 'password' ? ctx.body.string('password', { max: Infinity, allowControl: true }) : ctx.body.string('code');
  const { session, user } = await offeredStrategy(ctx, strategy);
  const passed =
    strategy === 'email_code'
      ? await attemptCode(ctx, session, user, secret)
      : await guardedAttempt(ctx, user, () =>
          strategy === 'password' ? passwordMatches(ctx, secret, user.passwordHash) : acceptSecondFactor(ctx, user, strategy, secret),
        );
  if (!passed) {
    throw strategy === 'password' ? fail('form_password_incorrect', { paramName: 'password' }) : fail('form_code_incorrect', { paramName: 'code' });
  }
  const verified = (await ctx.store.update('sessions', session.id, { lastVerifiedAt: ctx.now(), reverification: null })) ?? session;
  return api(serializeSession(ctx, verified, await serializeUser(ctx, user)));
};

async function offeredStrategy(ctx: RequestContext, strategy: ReverificationStrategy): Promise<{ session: SessionRecord; user: UserRecord }> {
  const current = await currentSession(ctx);
  if (!(await reverificationStrategies(ctx, current.user)).includes(strategy)) throw fail('strategy_for_user_invalid', { paramName: 'strategy' });
  return current;
}

/** An email code: throws its own failure (expired, exhausted) after the attempt is recorded on the session. */
async function attemptCode(ctx: RequestContext, session: SessionRecord, user: UserRecord, code: string): Promise<boolean> {
  const result = await attemptGuardedEmailCode(ctx, user, requireSentCode(session.reverification ?? null, 'email_code'), code);
  await ctx.store.update('sessions', session.id, { reverification: result.state });
  if (result.failure) throw result.failure;
  return true;
}
