import type { SessionStatusJSON } from '@latch/protocol';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { ServerContext } from './context';
import { raw, type RouteHandler } from './reply';
import { sessionStatus } from './sessions';

/** As every verifier of our tokens (SECURITY.md: 5 s and no more). */
const clockSkewSeconds = 5;
/** A compact ES256 JWT is about 400 characters; anything far longer is not one of ours. */
const maxTokenLength = 4096;

/**
 * True when the session exists, has not ended, been revoked or expired, and
 * its user still exists and is not banned: what minting a token checks, as a read.
 */
export async function isSessionActive(ctx: ServerContext, sessionId: string): Promise<boolean> {
  const session = await ctx.store.get('sessions', sessionId);
  if (!session || sessionStatus(ctx, session) !== 'active') return false;
  const user = await ctx.store.get('users', session.userId);
  return user !== null && !user.banned;
}

/**
 * `POST /v1/sessions/status` `{ token }`: for an app server that verified a
 * session JWT itself and wants to know whether its session still holds. The
 * token is the credential (whoever holds it may ask about its own session,
 * nothing else), so the answer for a forged, expired or foreign token is
 * simply `active: false`, like a revoked session's.
 */
export const getSessionStatus: RouteHandler = async (ctx) => {
  const token = ctx.body.string('token', { max: maxTokenLength });
  const sessionId = await verifiedSessionId(ctx, token);
  const body: SessionStatusJSON = { active: sessionId !== null && (await isSessionActive(ctx, sessionId)) };
  return raw(body);
};

async function verifiedSessionId(ctx: ServerContext, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await ctx.signingKeys.jwks()), {
      issuer: ctx.issuer,
      algorithms: ['ES256'],
      clockTolerance: clockSkewSeconds,
      currentDate: new Date(ctx.now()),
      requiredClaims: ['sid', 'sub', 'exp'],
    });
    return typeof payload.sid === 'string' ? payload.sid : null;
  } catch {
    return null;
  }
}
