import { Limits } from '@latch/protocol';
import { generateEmailCode } from '../crypto/codes';
import { timingSafeEqualText } from '../crypto/hash';
import { randomId, randomToken } from '../crypto/random';
import { codeEmail, type EmailContent } from '../email/templates';
import { fail, type ApiFailure } from '../errors';
import type { CodePurpose, UserRecord, VerificationRecord, VerificationState } from '../store/records';
import type { EmailKind, RequestContext, ServerContext } from './context';
import { guardedAttempt } from './lockout';
import { assertWithinRateLimit } from './rate-limits';
import { recordEmailCreated } from '../webhooks/events';
import { inTransaction } from './transaction';

/** How long a code's failure count outlives the code, so resends cannot reset it. */
const attemptsWindowMs = 24 * 60 * 60 * 1000;

const emailKinds: Record<CodePurpose, EmailKind> = {
  sign_up: 'sign_up_code',
  sign_in: 'sign_in_code',
  reset_password: 'reset_password_code',
  verify_email: 'verify_email_code',
  reverification: 'reverification_code',
};

export interface SendParams {
  to: string;
  purpose: CodePurpose;
  strategy: string;
  /** One key per thing being verified (a sign-in, a sign-up, an email address): every resend shares it. */
  attemptsKey: string;
  previous: VerificationState | null;
  /**
   * False for enumeration protection's decoys: everything happens as for a
   * real address (rate limits, the stored code) except the email, and the
   * stored code is one that no typed 6 digits can match.
   */
  deliver?: boolean;
}

/**
 * Sends a fresh 6-digit code, replacing the previous one. Only its hash is
 * kept. The email is in the language the request asks for; one address gets
 * only so many emails per window, whoever asks, and one caller can ask for
 * only so many, whatever the addresses.
 */
export async function sendEmailCode(ctx: RequestContext, params: SendParams): Promise<VerificationState> {
  const code = generateEmailCode();
  return sendVerificationEmail(ctx, params, {
    id: randomId('code'),
    kind: emailKinds[params.purpose],
    secret: code,
    content: (minutes) => codeEmail(emailKinds[params.purpose], { ...emailParams(ctx, minutes), code }),
    carried: { code },
  });
}

/** What one verification email is: its record id, the secret hashed into it, the text and what it carries. */
export interface VerificationEmail {
  id: string;
  kind: EmailKind;
  /** Hashed under the code key, salted with `id`; a decoy stores the hash of a random one instead. */
  secret: string;
  content: (minutes: number) => EmailContent;
  /** The code or link, for the mailer's and the webhook's structured fields. */
  carried: { code?: string; link?: string };
  /** More of the record (an email link's binding). */
  extra?: Partial<VerificationRecord>;
}

/**
 * Under the email rate limits, replaces the owner's previous code or link
 * with this one (the record and the `email.created` event in one
 * transaction), then mails it, unless it is a decoy. Codes and links alike.
 */
export async function sendVerificationEmail(ctx: RequestContext, params: SendParams, email: VerificationEmail): Promise<VerificationState> {
  await assertWithinRateLimit(ctx, 'emailsPerIp', ctx.clientIp);
  await assertWithinRateLimit(ctx, 'emailsPerAddress', params.to);
  if (params.previous?.codeId) await ctx.store.delete('verifications', params.previous.codeId);
  const now = ctx.now();
  const deliver = params.deliver !== false;
  const record: VerificationRecord = {
    id: email.id,
    purpose: params.purpose,
    target: params.to,
    attemptsKey: params.attemptsKey,
    codeHash: await ctx.secrets.codeHash(email.id, deliver ? email.secret : randomToken()),
    expiresAt: now + Limits.emailCodeTtlMs,
    createdAt: now,
    ...email.extra,
  };
  const content = email.content(Limits.emailCodeTtlMs / 60_000);
  await inTransaction(ctx, async (ctx) => {
    await ctx.store.insert('verifications', record);
    // For apps that send their own mail; decoys (no email) make no event either.
    if (deliver) {
      recordEmailCreated(ctx, {
        id: record.id,
        object: 'email',
        toEmailAddress: params.to,
        kind: email.kind,
        subject: content.subject,
        body: content.text,
        locale: content.locale,
        ...email.carried,
        expiresAt: record.expiresAt,
      });
    }
  });
  if (deliver) await ctx.mailer({ to: params.to, subject: content.subject, text: content.text, ...email.carried, kind: email.kind, locale: content.locale });
  const attempts = await ctx.store.increment(params.attemptsKey, 0, attemptsWindowMs, now);
  return { status: 'unverified', strategy: params.strategy, attempts, expireAt: record.expiresAt, codeId: record.id };
}

export function emailParams(ctx: RequestContext, minutes: number) {
  return { appName: ctx.settings.applicationName, minutes, acceptLanguage: ctx.request.headers.get('accept-language') };
}

/** Fails before any attempt is counted when no code of this strategy was sent. */
export function requireSentCode(state: VerificationState | null, strategy: string): VerificationState & { codeId: string } {
  if (!state?.codeId || state.strategy !== strategy) throw fail('verification_missing', { paramName: 'code' });
  return state as VerificationState & { codeId: string };
}

export interface CodeResult {
  /** The verification as it stands after this attempt, for the owner record. */
  state: VerificationState;
  failure: ApiFailure | null;
}

/**
 * Checks a code. The attempt is counted atomically before comparing, so of
 * many parallel guesses at most five are ever compared; the code is consumed
 * by deleting it, so it works once even when sent twice at the same instant.
 */
export async function attemptEmailCode(ctx: ServerContext, state: VerificationState & { codeId: string }, code: string): Promise<CodeResult> {
  const now = ctx.now();
  const record = await ctx.store.get('verifications', state.codeId);
  if (!record) return failed(state, 'failed', fail('verification_failed'));
  if (record.expiresAt <= now) return failed(state, 'expired', fail('verification_expired', { paramName: 'code' }));

  const attempts = await ctx.store.increment(record.attemptsKey, 1, attemptsWindowMs, now);
  if (attempts > Limits.emailCodeMaxAttempts) return failed({ ...state, attempts }, 'failed', fail('verification_failed'));

  const typed = code.replace(/\s/g, '');
  // A code sent before the HMAC upgrade is plain SHA-256; it lives 10 minutes at most.
  const matches =
    timingSafeEqualText(await ctx.secrets.codeHash(record.id, typed), record.codeHash) ||
    timingSafeEqualText(await ctx.secrets.legacyCodeHash(record.id, typed), record.codeHash);
  if (!matches) {
    const status = attempts >= Limits.emailCodeMaxAttempts ? 'failed' : 'unverified';
    return failed({ ...state, attempts }, status, fail('form_code_incorrect', { paramName: 'code' }));
  }
  if (!(await ctx.store.delete('verifications', record.id))) return failed(state, 'failed', fail('verification_failed'));
  return { state: { ...state, attempts, status: 'verified', codeId: null }, failure: null };
}

/** `attemptEmailCode` under the account lockout: a wrong code also counts against the user's account. */
export async function attemptGuardedEmailCode(
  ctx: ServerContext,
  user: UserRecord,
  state: VerificationState & { codeId: string },
  code: string,
): Promise<CodeResult> {
  let result: CodeResult = { state, failure: null };
  await guardedAttempt(ctx, user, async () => {
    result = await attemptEmailCode(ctx, state, code);
    return result.failure === null;
  });
  return result;
}

function failed(state: VerificationState, status: VerificationState['status'], failure: ApiFailure): CodeResult {
  return { state: { ...state, status }, failure };
}
