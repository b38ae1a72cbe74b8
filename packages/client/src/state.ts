import type { ClientJSON, EnvironmentJSON, SessionClaims, SessionJSON, UserJSON } from '@latch/protocol';
import type { ClientContext } from './context';
import { toSession, type Session } from './resources/session';
import { toSignIn, type SignIn } from './resources/sign-in';
import { toSignUp, type SignUp } from './resources/sign-up';
import { toUser, type User } from './resources/user';

/** An immutable snapshot of the client; a new object only when something in it changed. */
export interface LatchState {
  /** False until the first `load()` resolves. */
  isLoaded: boolean;
  environment: EnvironmentJSON | null;
  /** The signed-in sessions of this browser (several in multi-session mode). */
  sessions: Session[];
  /** The active session (the client's `lastActiveSessionId`). */
  session: Session | null;
  user: User | null;
  /** The current sign-in attempt; an empty one (status `needs_identifier`) when none. */
  signIn: SignIn;
  /** The current sign-up attempt; an empty one (status null) when none. */
  signUp: SignUp;
  /**
   * The claims of the active session's latest token (with the instance's
   * custom claims, such as `role`); null until a token is minted for it.
   */
  sessionClaims: SessionClaims | null;
}

/** What a server-rendered page knows, so the first paint can be signed in before `load()`. */
export interface LatchInitialState {
  userId: string | null;
  sessionId: string | null;
  user?: UserJSON | null;
  session?: SessionJSON | null;
}

/** Builds the next snapshot, reusing every unchanged piece of `previous` (and `previous` itself if nothing changed). */
export function buildState(
  ctx: ClientContext,
  previous: LatchState | undefined,
  client: ClientJSON | null,
  environment: EnvironmentJSON | null,
  isLoaded: boolean,
): LatchState {
  const sessions = (client?.sessions ?? []).map((json) =>
    toSession(ctx, json, previous?.sessions.find((s) => s.id === json.id)),
  );
  const session = sessions.find((s) => s.id === client?.lastActiveSessionId) ?? null;
  const next: LatchState = {
    isLoaded,
    environment:
      previous && JSON.stringify(previous.environment) === JSON.stringify(environment) ? previous.environment : environment,
    sessions: previous && sameItems(previous.sessions, sessions) ? previous.sessions : Object.freeze(sessions) as Session[],
    session,
    user: session?.user ?? null,
    signIn: toSignIn(ctx, client?.signIn ?? null, previous?.signIn),
    signUp: toSignUp(ctx, client?.signUp ?? null, previous?.signUp),
    sessionClaims: previous?.sessionClaims && previous.sessionClaims.sid === session?.id ? previous.sessionClaims : null,
  };
  const unchanged = previous && (Object.keys(next) as (keyof LatchState)[]).every((k) => next[k] === previous[k]);
  return unchanged ? previous : Object.freeze(next);
}

/** The snapshot before `load()`: signed in already when a server-rendered page says so. */
export function initialState(ctx: ClientContext, initial: LatchInitialState | undefined): LatchState {
  const sessionJSON = initial?.session;
  const client: ClientJSON | null = sessionJSON
    ? { id: '', sessions: [sessionJSON], signIn: null, signUp: null, lastActiveSessionId: sessionJSON.id }
    : null;
  const state = buildState(ctx, undefined, client, null, false);
  // Only the user is known: show it, even though there is no Session object to go with it yet.
  const userJSON = initial?.user;
  if (!sessionJSON && userJSON && initial.sessionId) {
    return Object.freeze({ ...state, user: toUser(ctx, userJSON, initial.sessionId) });
  }
  return state;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

