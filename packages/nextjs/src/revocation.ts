import { Limits } from '@latch/protocol';
import type { LatchNextConfig } from './config';
import { inProcessServers } from './in-process';
import type { LatchApi } from './latch-api';

/**
 * A session token proves its session was active when it was minted, up to
 * 60 s ago; this says whether it still is, so a revoked session is signed out
 * on its next request rather than when its last token expires:
 * - the Latch server in this process (`createLatchRouteHandler`): one store
 *   read per request, no cache;
 * - a Latch server elsewhere (or the edge runtime, which cannot share the
 *   process's server): `POST /v1/sessions/status`, with "active" reused for
 *   `revocationCacheMs` (default 1 s) per session, so a page's burst of
 *   requests asks once.
 * When the server cannot answer, the token alone decides (as it would without
 * this check: at most 60 s late), and the developer is told once.
 */
export type RevocationCheck = (token: string, sessionId: string) => Promise<boolean>;

/** Past this many remembered sessions, forget the expired answers (and, if need be, all). */
const maxCachedSessions = 10_000;

export function createRevocationCheck(config: LatchNextConfig, api: LatchApi, warn: (message: string) => void): RevocationCheck {
  const answers = new Map<string, { active: boolean; untilMs: number }>();
  const inFlight = new Map<string, Promise<boolean>>();
  let serverHasRoute = true;

  async function askServer(token: string, sessionId: string): Promise<boolean> {
    const answer = await api.sessionActive(token);
    if (answer === 'unsupported') {
      serverHasRoute = false;
      warn(
        `@latch/nextjs: the Latch server at ${config.frontendApi} has no POST /v1/sessions/status route (an older @latch/server?), ` +
          'so a revoked session stays signed in here until its token expires (at most 60 s). Update @latch/server.',
      );
      return true;
    }
    if (typeof answer === 'object') {
      warn(couldNotAsk(config, answer.unavailable));
      return true;
    }
    const now = Date.now();
    if (answers.size >= maxCachedSessions) {
      for (const [id, cached] of answers) if (cached.untilMs <= now) answers.delete(id);
      if (answers.size >= maxCachedSessions) answers.clear();
    }
    // An ended session never comes back: remember that for as long as one of its tokens can live.
    answers.set(sessionId, { active: answer, untilMs: now + (answer ? config.revocationCacheMs : Limits.sessionTokenTtlSeconds * 1000) });
    return answer;
  }

  return async (token, sessionId) => {
    const inProcess = inProcessServers().get(config.issuer);
    if (inProcess) {
      try {
        return await inProcess(sessionId);
      } catch (error) {
        warn(couldNotAsk(config, error instanceof Error ? error.message : String(error)));
        return true;
      }
    }
    if (!serverHasRoute) return true;
    const cached = answers.get(sessionId);
    if (cached && cached.untilMs > Date.now()) return cached.active;
    // With no cache, a check that began before a revocation must not answer a request that came after it.
    if (config.revocationCacheMs === 0) return askServer(token, sessionId);
    let pending = inFlight.get(sessionId);
    if (!pending) {
      pending = askServer(token, sessionId).finally(() => inFlight.delete(sessionId));
      inFlight.set(sessionId, pending);
    }
    return pending;
  };
}

function couldNotAsk(config: LatchNextConfig, why: string): string {
  return (
    `@latch/nextjs: could not ask the Latch server at ${config.frontendApi} whether a session is still active (${why}). ` +
    'Meanwhile its token alone decides, so a revoked session may stay signed in until that token expires (at most 60 s).'
  );
}
