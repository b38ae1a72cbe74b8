import { Limits, type TokenJSON } from '@latch/protocol';
import { signSessionJwt } from '../crypto/signing-keys';
import { fail } from '../errors';
import { serializeSession, serializeUser } from '../serialize';
import type { SessionRecord } from '../store/records';
import { requireClient, updateClient } from './client';
import type { RequestContext } from './context';
import { api, raw, type RouteHandler } from './reply';
import { activeSessionsOfClient, clientSession, stopSession } from './sessions';
import { inTransaction } from './transaction';
import { renderClaims } from './claims-template';
import type { UserRecord } from '../store/records';

export const getEnvironment: RouteHandler = async (ctx) => api(ctx.settings);

export const getClient: RouteHandler = async () => ({ kind: 'client', withEnvironment: true });

/** Signs out every session of this browser. */
export const deleteClient: RouteHandler = async (ctx) => {
  const client = requireClient(ctx);
  await inTransaction(ctx, async (ctx) => {
    for (const session of await activeSessionsOfClient(ctx, client.id)) await stopSession(ctx, session, 'ended');
    await updateClient(ctx, { lastActiveSessionId: null });
  });
  return { kind: 'client', withEnvironment: false };
};

/**
 * A 60-second session JWT. Minting counts as activity, which keeps the
 * session inside its idle timeout while the app is open. A session whose
 * user is gone is dead (deleting a user deletes its sessions in the same
 * transaction, but a sign-in racing the deletion must not outlive it either).
 */
export const mintSessionToken: RouteHandler = async (ctx) => {
  const live = await clientSession(ctx);
  const user = await ctx.store.get('users', live.userId);
  // Banning revokes the sessions too; this also covers a sign-in that raced the ban.
  if (!user || user.banned) throw fail('session_not_found');
  const session = await markActive(ctx, live);
  const { kid, key } = await ctx.signingKeys.signingKey();
  const iat = Math.floor(ctx.now() / 1000);
  // The template's claims first, so none of them can stand in for a standard one (the template is also checked for that).
  const custom = ctx.claimsTemplate ? renderClaims(ctx.claimsTemplate, { user, primaryEmailAddress: await primaryEmailAddress(ctx, user) }) : {};
  const claims = { ...custom, iss: ctx.issuer, sub: session.userId, sid: session.id, iat, nbf: iat, exp: iat + Limits.sessionTokenTtlSeconds };
  const token: TokenJSON = { jwt: await signSessionJwt(claims, key, kid) };
  return raw(token);
};

/** Makes the session this client's active one (multi-session switch). */
export const touchSession: RouteHandler = async (ctx) => {
  const session = await inTransaction(ctx, async (ctx) => {
    const session = await markActive(ctx, await clientSession(ctx));
    await updateClient(ctx, { lastActiveSessionId: session.id });
    return session;
  });
  return api(await sessionJson(ctx, session));
};

export const endSession: RouteHandler = async (ctx) => {
  const ended = await stopSession(ctx, await clientSession(ctx), 'ended');
  return api(await sessionJson(ctx, ended));
};

export const getJwks: RouteHandler = async (ctx) => raw(await ctx.signingKeys.jwks());

async function markActive(ctx: RequestContext, session: SessionRecord): Promise<SessionRecord> {
  return (await ctx.store.update('sessions', session.id, { lastActiveAt: ctx.now() })) ?? session;
}

async function sessionJson(ctx: RequestContext, session: SessionRecord) {
  const user = await ctx.store.get('users', session.userId);
  return user ? serializeSession(ctx, session, await serializeUser(ctx, user)) : null;
}

async function primaryEmailAddress(ctx: RequestContext, user: UserRecord): Promise<string | null> {
  if (!user.primaryEmailAddressId) return null;
  return (await ctx.store.get('emailAddresses', user.primaryEmailAddressId))?.emailAddress ?? null;
}
