import { SESSION_ID_HEADER, type SessionStatus } from '@latch/protocol';
import { randomId } from '../crypto/random';
import { fail } from '../errors';
import type { SessionRecord, UserRecord } from '../store/records';
import type { RequestContext, ServerContext } from './context';
import { requireClient, rotateClientToken, updateClient } from './client';
import { recordSessionEvent } from '../webhooks/events';
import { inTransaction } from './transaction';

/** Stored status, or `expired` once the idle or absolute lifetime has run out. */
export function sessionStatus(ctx: ServerContext, session: SessionRecord): SessionStatus {
  if (session.status !== 'active') return session.status;
  return ctx.now() >= sessionExpireAt(ctx, session) ? 'expired' : 'active';
}

/** The idle timeout is the instance's current one, so shortening it applies to existing sessions too. */
export function sessionExpireAt(ctx: ServerContext, session: SessionRecord): number {
  return Math.min(session.lastActiveAt + ctx.sessionLifetime.idleMs, session.abandonAt);
}

export async function activeSessionsOfClient(ctx: ServerContext, clientId: string): Promise<SessionRecord[]> {
  const sessions = await ctx.store.listBy('sessions', 'clientId', clientId);
  return sessions.filter((session) => sessionStatus(ctx, session) === 'active');
}

/** Reads only the sessions whose stored status is active (the `liveUserId` index): ended and revoked ones are skipped by the index. */
export async function activeSessionsOfUser(ctx: ServerContext, userId: string): Promise<SessionRecord[]> {
  const sessions = await ctx.store.listBy('sessions', 'liveUserId', userId);
  return sessions.filter((session) => sessionStatus(ctx, session) === 'active');
}

/**
 * Ends a sign-in or sign-up: a new session on this client that becomes the
 * active one, and a rotated client token, all in one transaction (so a
 * crash cannot leave the session on the token seen before sign-in).
 */
export function startSession(ctx: RequestContext, userId: string): Promise<SessionRecord> {
  return inTransaction(ctx, async (ctx) => {
    const now = ctx.now();
    const session: SessionRecord = {
      id: randomId('sess'),
      userId,
      clientId: requireClient(ctx).id,
      status: 'active',
      userAgent: ctx.request.headers.get('user-agent')?.slice(0, 512) ?? null,
      createdAt: now,
      lastActiveAt: now,
      abandonAt: now + ctx.sessionLifetime.absoluteMs,
      // The sign-in or sign-up that ends here has just proven the user's factors.
      lastVerifiedAt: now,
    };
    await ctx.store.insert('sessions', session);
    // The user may have been deleted while signing in: then no session at all.
    if (!(await ctx.store.update('users', userId, { lastSignInAt: now }))) throw fail('sign_in_not_found');
    await updateClient(ctx, { lastActiveSessionId: session.id });
    await rotateClientToken(ctx);
    recordSessionEvent(ctx, 'session.created', session.id, userId);
    return session;
  });
}

/** Marks a session ended or revoked; if it was this client's active one, the most recent other takes over. */
export function stopSession(ctx: ServerContext, session: SessionRecord, status: 'ended' | 'revoked'): Promise<SessionRecord> {
  return inTransaction(ctx, async (ctx) => {
    const stopped = (await ctx.store.update('sessions', session.id, { status })) ?? { ...session, status };
    recordSessionEvent(ctx, status === 'ended' ? 'session.ended' : 'session.revoked', session.id, session.userId);
    const client = await ctx.store.get('clients', session.clientId);
    if (client?.lastActiveSessionId === session.id) {
      const remaining = await activeSessionsOfClient(ctx, client.id);
      const next = remaining.sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
      await ctx.store.update('clients', client.id, { lastActiveSessionId: next?.id ?? null });
    }
    return stopped;
  });
}

/** Password reset or change: every session of the user ends, except the one making the change. */
export function revokeUserSessions(ctx: ServerContext, userId: string, keepSessionId?: string): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    for (const session of await activeSessionsOfUser(ctx, userId)) {
      if (session.id !== keepSessionId) await stopSession(ctx, session, 'revoked');
    }
  });
}

/** The session `/v1/me` acts for: the `latch-session-id` header, else the client's active one. */
export async function currentSession(ctx: RequestContext): Promise<{ session: SessionRecord; user: UserRecord }> {
  const client = requireClient(ctx);
  const sessionId = ctx.request.headers.get(SESSION_ID_HEADER) ?? client.lastActiveSessionId;
  const session = sessionId ? await ctx.store.get('sessions', sessionId) : null;
  if (!session || session.clientId !== client.id || sessionStatus(ctx, session) !== 'active') {
    throw fail('authentication_invalid');
  }
  const user = await ctx.store.get('users', session.userId);
  if (!user) throw fail('authentication_invalid');
  return { session, user };
}

/** A session of this client, by the route's id; ended or expired ones are not found. */
export async function clientSession(ctx: RequestContext): Promise<SessionRecord> {
  const session = await ctx.store.get('sessions', ctx.id);
  if (!session || session.clientId !== requireClient(ctx).id || sessionStatus(ctx, session) !== 'active') {
    throw fail('session_not_found');
  }
  return session;
}

/**
 * Single-session instances allow one signed-in user per browser; multi-session
 * ones allow several, but never the same user twice.
 */
export async function assertCanSignIn(ctx: RequestContext, userId?: string): Promise<void> {
  const active = ctx.client ? await activeSessionsOfClient(ctx, ctx.client.id) : [];
  const taken = ctx.settings.multiSession ? active.some((session) => session.userId === userId) : active.length > 0;
  if (taken) throw fail('identifier_already_signed_in');
}
