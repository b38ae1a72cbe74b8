import { EMAIL_LINK_PARAM, Limits, isSafeRedirect, type EmailLinkPurpose } from '@latch/protocol';
import { timingSafeEqualText } from '../crypto/hash';
import { randomId, randomToken } from '../crypto/random';
import { linkEmail } from '../email/templates';
import { fail } from '../errors';
import type { EmailLinkState, VerificationRecord, VerificationState } from '../store/records';
import { requireClient } from './client';
import type { EmailKind, RequestContext, ServerContext } from './context';
import { emailParams, sendVerificationEmail, type SendParams } from './email-codes';

/*
 * Email links: the token is `<verification id>.<secret>`, the secret 256
 * random bits (base64url) of which only the HMAC under the code key is
 * stored, like a code's. The id makes the record one read away without an
 * index on the hash; the record says what the link is bound to (one
 * sign-in, sign-up or email address, and the client that asked for it).
 */

const linkKinds: Record<EmailLinkPurpose, EmailKind> = {
  sign_in: 'sign_in_link',
  sign_up: 'sign_up_link',
  verify_email: 'verify_email_link',
};

const tokenPattern = /^(lnk_[0-9a-z]{20})\.([A-Za-z0-9_-]{43})$/;
/** Wrong secrets for one link id before it stops answering: the secret cannot be guessed, this only ends hammering. */
const maxWrongSecrets = Limits.emailCodeMaxAttempts;
const day = 24 * 60 * 60 * 1000;

export interface LinkParams extends Omit<SendParams, 'purpose' | 'strategy'> {
  purpose: EmailLinkPurpose;
  /** The sign-in, sign-up or email address the link finishes. */
  ownerId: string;
}

/**
 * Emails a link to the request's `redirectUrl` (read and checked here, before
 * anything is stored) with the token in `latch_link`, replacing the owner's
 * previous code or link, under the same rate limits as codes.
 */
export async function sendEmailLink(ctx: RequestContext, params: LinkParams): Promise<VerificationState> {
  const page = emailLinkPage(ctx, ctx.body.string('redirectUrl', { max: 2048 }));
  const id = randomId('lnk');
  const secret = randomToken();
  page.searchParams.set(EMAIL_LINK_PARAM, `${id}.${secret}`);
  const link = page.href;
  const kind = linkKinds[params.purpose];
  const state: EmailLinkState = {
    ownerId: params.ownerId,
    clientId: requireClient(ctx).id,
    userAgent: ctx.request.headers.get('user-agent')?.slice(0, 512) ?? null,
    usedAt: null,
  };
  return sendVerificationEmail(
    ctx,
    { ...params, strategy: 'email_link' },
    { id, kind, secret, carried: { link }, content: (minutes) => linkEmail(kind, { ...emailParams(ctx, minutes), link }), extra: { link: state } },
  );
}

/**
 * The app page the link opens: a path on the API's origin, or an absolute
 * URL on it or on `allowedRedirectOrigins`. Anything else would mail a
 * working token to a page someone else controls: refused.
 */
function emailLinkPage(ctx: RequestContext, redirectUrl: string): URL {
  const apiOrigin = new URL(ctx.request.url).origin;
  const safe = isSafeRedirect(redirectUrl, { allowedOrigins: ctx.settings.allowedRedirectOrigins, base: apiOrigin });
  if (safe === null) throw fail('form_param_format_invalid', { paramName: 'redirectUrl' });
  return new URL(safe, apiOrigin);
}

export type LinkRecord = VerificationRecord & { link: EmailLinkState };

/**
 * The link a token names, checked: its secret, then whether it was used or
 * has expired. Reads only; a wrong secret is counted against the link id.
 */
export async function openEmailLink(ctx: ServerContext, token: string): Promise<LinkRecord> {
  const [, id = '', secret = ''] = tokenPattern.exec(token) ?? [];
  const record = id ? ((await ctx.store.get('verifications', id)) ?? (await ctx.store.get('verifications', usedId(id)))) : null;
  if (!record?.link) throw fail('email_link_invalid', { paramName: 'token' });
  const wrongKey = `link-wrong:${id}`;
  const now = ctx.now();
  if ((await ctx.store.increment(wrongKey, 0, day, now)) >= maxWrongSecrets) throw fail('email_link_invalid', { paramName: 'token' });
  if (!timingSafeEqualText(await ctx.secrets.codeHash(id, secret), record.codeHash)) {
    await ctx.store.increment(wrongKey, 1, day, now);
    throw fail('email_link_invalid', { paramName: 'token' });
  }
  if (record.link.usedAt !== null) throw fail('email_link_used', { paramName: 'token' });
  if (record.expiresAt <= now) throw fail('email_link_expired', { paramName: 'token' });
  return record as LinkRecord;
}

/**
 * Uses the link up, inside the caller's transaction: deleting the record is
 * what only one caller can do, and a tombstone (same hash, `usedAt` set)
 * lets a second use say "already used" until the sweep removes it.
 */
export async function useUpEmailLink(ctx: ServerContext, record: LinkRecord): Promise<void> {
  if (!(await ctx.store.delete('verifications', record.id))) throw fail('email_link_used', { paramName: 'token' });
  await ctx.store.insert('verifications', { ...record, id: usedId(record.id), link: { ...record.link, usedAt: ctx.now() } });
}

function usedId(id: string): string {
  return `${id}.used`;
}

/**
 * The owner's verification, for the browser that asked for the link to
 * finish with once the link was opened elsewhere: verified, and not
 * finished by that other browser already.
 */
export function linkedVerification(state: VerificationState | null, now: number): VerificationState {
  if (state?.strategy !== 'email_link') throw fail('verification_missing');
  if (state.linkFinishedElsewhere) throw fail('email_link_client_mismatch');
  if (state.status === 'verified') return state;
  if (state.expireAt !== null && state.expireAt <= now) throw fail('email_link_expired');
  throw fail('verification_missing', { message: 'The email link has not been opened yet.' });
}
