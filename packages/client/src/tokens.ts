import type { SessionClaims } from '@latch/protocol';
import { LatchAPIError, LatchNetworkError } from './errors';

/** A cached token is served while it has more than this left to live. */
const MIN_TTL_MS = 10_000;
/** The refresh timer fires this long before expiry, so a live page always has a fresh token ready. */
const REFRESH_LEAD_MS = 15_000;
/** Waits between attempts when the token route is unreachable or failing (5xx). */
const RETRY_DELAYS_MS = [1000, 2000, 4000];

export interface TokenCache {
  /** A session JWT for `sessionId`: cached, joined to the request in flight, or freshly minted. */
  get(sessionId: string, skipCache?: boolean): Promise<string>;
  /** Forgets the tokens and timers of sessions that are no longer signed in. */
  retain(liveSessionIds: string[]): void;
  destroy(): void;
}

/**
 * Session JWTs live here, in memory only: never in storage a script could
 * read later. `mint` asks the API for one; `onRefreshDue`, when given (in
 * browsers), is called shortly before a minted token expires.
 */
export function createTokenCache(
  mint: (sessionId: string) => Promise<string>,
  onRefreshDue?: (sessionId: string) => void,
): TokenCache {
  const tokens = new Map<string, { jwt: string; expMs: number }>();
  const inFlight = new Map<string, Promise<string>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const stopTimer = (sessionId: string) => {
    clearTimeout(timers.get(sessionId));
    timers.delete(sessionId);
  };

  const schedule = (sessionId: string, expMs: number) => {
    if (!onRefreshDue) return;
    stopTimer(sessionId);
    const timer = setTimeout(() => onRefreshDue(sessionId), Math.max(0, expMs - Date.now() - REFRESH_LEAD_MS));
    // A pending refresh must not keep a Node process (SSR, tests) alive.
    (timer as { unref?: () => void }).unref?.();
    timers.set(sessionId, timer);
  };

  const mintAndStore = async (sessionId: string) => {
    let requestedAt = 0;
    const jwt = await mintWithRetry(() => {
      requestedAt = Date.now();
      return mint(sessionId);
    });
    const expMs = localExpiryOf(jwt, requestedAt);
    tokens.set(sessionId, { jwt, expMs });
    schedule(sessionId, expMs);
    return jwt;
  };

  return {
    get(sessionId, skipCache) {
      const cached = tokens.get(sessionId);
      if (!skipCache && cached && cached.expMs - Date.now() > MIN_TTL_MS) return Promise.resolve(cached.jwt);
      let pending = inFlight.get(sessionId);
      if (!pending) {
        pending = mintAndStore(sessionId).finally(() => inFlight.delete(sessionId));
        inFlight.set(sessionId, pending);
      }
      return pending;
    },
    retain(liveSessionIds) {
      for (const sessionId of new Set([...tokens.keys(), ...timers.keys()])) {
        if (liveSessionIds.includes(sessionId)) continue;
        tokens.delete(sessionId);
        stopTimer(sessionId);
      }
    },
    destroy() {
      for (const sessionId of [...timers.keys()]) stopTimer(sessionId);
      tokens.clear();
    },
  };
}

/**
 * Network failures and 5xx (such as 503 `service_unavailable`, a database
 * that is down or locked) are worth retrying; any other answer is final.
 * A `Retry-After` from the server is honoured: retrying sooner only adds load.
 */
async function mintWithRetry(attempt: () => Promise<string>): Promise<string> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (e) {
      const transient = e instanceof LatchNetworkError || (e instanceof LatchAPIError && e.status >= 500);
      const delay = RETRY_DELAYS_MS[retry];
      if (!transient || delay === undefined) throw e;
      const serverAsked = e instanceof LatchAPIError ? (e.retryAfterSeconds ?? 0) * 1000 : 0;
      await new Promise((resolve) => setTimeout(resolve, Math.max(delay, serverAsked)));
    }
  }
}

/**
 * When the token expires, on this device's clock. The claims are on the
 * server's clock, and a device clock can be minutes off (ahead: every fresh
 * token would look expired and be minted again in a loop; behind: expired
 * tokens would be served). So only the token's lifetime, `exp - iat`, is taken
 * from the claims, counted from when the request was sent: the server minted
 * it no earlier than that. (`iat` is rounded down to whole seconds, so this can
 * be up to 1 s late; MIN_TTL_MS leaves far more than that.) 0 (expired, so
 * never cached) when the token cannot be read.
 */
function localExpiryOf(jwt: string, requestedAt: number): number {
  const claims = readClaims(jwt) as { exp?: unknown; iat?: unknown } | null;
  if (typeof claims?.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp <= claims.iat) return 0;
  return requestedAt + (claims.exp - claims.iat) * 1000;
}

/** The claims of a JWT, unverified (the client only reads its own session's tokens); null when unreadable. */
export function readClaims(jwt: string): SessionClaims | null {
  try {
    return JSON.parse(atob((jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as SessionClaims;
  } catch {
    return null;
  }
}
