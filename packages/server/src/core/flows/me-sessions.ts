import { fail } from '../errors';
import { serializeActiveSession } from '../serialize';
import { api, type RouteHandler } from './reply';
import { activeSessionsOfUser, currentSession, sessionStatus, stopSession } from './sessions';

/** The user's signed-in devices, on every browser, for the security page. */
export const listMySessions: RouteHandler = async (ctx) => {
  const { user, session: current } = await currentSession(ctx);
  const sessions = await activeSessionsOfUser(ctx, user.id);
  return api(sessions.map((session) => serializeActiveSession(ctx, session, current.id)));
};

/** Signs one device out; its last JWT dies by `exp` and it cannot mint another. */
export const revokeMySession: RouteHandler = async (ctx) => {
  const { user, session: current } = await currentSession(ctx);
  const session = await ctx.store.get('sessions', ctx.id);
  if (!session || session.userId !== user.id || sessionStatus(ctx, session) !== 'active') throw fail('session_not_found');
  const revoked = await stopSession(ctx, session, 'revoked');
  return api(serializeActiveSession(ctx, revoked, current.id));
};
