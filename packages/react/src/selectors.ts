import type { LatchInitialState, LatchState, Session, SignIn, SignUp, User } from '@latch/client';

/**
 * Pure functions from the client's state to what each hook returns. They know
 * nothing of React, so the rules below are stated (and tested) in one place.
 *
 * The loading rule: before the client has loaded, auth facts (`useAuth`,
 * `useUser`, `useSession`, `<SignedIn>`, `<SignedOut>`, `<Protect>`) come from
 * the provider's `initialState` when one was given: the server already knows
 * who is signed in, so the first paint shows it, with `isLoaded: true`.
 * Without `initialState` they report loading: `isLoaded: false` and
 * `isSignedIn`, `userId`, `sessionId` all `undefined`. Flows and lists
 * (`useSignIn`, `useSignUp`, `useSessionList`, `<LatchLoaded>`) need the
 * client itself, so they wait for its load whatever `initialState` says.
 */
export type Selector<T> = (state: LatchState, initialState: LatchInitialState | undefined) => T;

/** Who is signed in. `isSignedIn` and the ids are `undefined` until that is known. */
export type AuthFacts =
  | { isLoaded: false; isSignedIn: undefined; userId: undefined; sessionId: undefined }
  | { isLoaded: true; isSignedIn: false; userId: null; sessionId: null }
  | { isLoaded: true; isSignedIn: true; userId: string; sessionId: string };

export type UserFacts =
  | { isLoaded: false; isSignedIn: undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: User };

export type SessionFacts =
  | { isLoaded: false; isSignedIn: undefined; session: undefined }
  | { isLoaded: true; isSignedIn: false; session: null }
  | { isLoaded: true; isSignedIn: true; session: Session };

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

const AUTH_LOADING: AuthFacts = { isLoaded: false, isSignedIn: undefined, userId: undefined, sessionId: undefined };
const AUTH_SIGNED_OUT: AuthFacts = { isLoaded: true, isSignedIn: false, userId: null, sessionId: null };
const USER_LOADING: UserFacts = { isLoaded: false, isSignedIn: undefined, user: undefined };
const USER_SIGNED_OUT: UserFacts = { isLoaded: true, isSignedIn: false, user: null };
const SESSION_LOADING: SessionFacts = { isLoaded: false, isSignedIn: undefined, session: undefined };
const SESSION_SIGNED_OUT: SessionFacts = { isLoaded: true, isSignedIn: false, session: null };

export const selectAuth: Selector<AuthFacts> = (state, initialState) => {
  if (state.isLoaded) return signedInAs(state.user?.id, state.session?.id);
  if (initialState) return signedInAs(initialState.userId, initialState.sessionId);
  return AUTH_LOADING;
};

function signedInAs(userId: string | null | undefined, sessionId: string | null | undefined): AuthFacts {
  return userId && sessionId ? { isLoaded: true, isSignedIn: true, userId, sessionId } : AUTH_SIGNED_OUT;
}

export const selectAuthStatus: Selector<AuthStatus> = (state, initialState) => {
  const auth = selectAuth(state, initialState);
  if (!auth.isLoaded) return 'loading';
  return auth.isSignedIn ? 'signed-in' : 'signed-out';
};

/**
 * The signed-in user. Before load, the client holds that user only if
 * `initialState.user` was given; until it does, the user is still loading.
 */
export const selectUser: Selector<UserFacts> = (state, initialState) => {
  const auth = selectAuth(state, initialState);
  if (!auth.isLoaded) return USER_LOADING;
  if (!auth.isSignedIn) return USER_SIGNED_OUT;
  const user = state.user;
  return user?.id === auth.userId ? { isLoaded: true, isSignedIn: true, user } : USER_LOADING;
};

/** The active session; before load, as for the user, only if `initialState.session` was given. */
export const selectSession: Selector<SessionFacts> = (state, initialState) => {
  const auth = selectAuth(state, initialState);
  if (!auth.isLoaded) return SESSION_LOADING;
  if (!auth.isSignedIn) return SESSION_SIGNED_OUT;
  const session = state.session;
  return session?.id === auth.sessionId ? { isLoaded: true, isSignedIn: true, session } : SESSION_LOADING;
};

/** The claims of the active session's latest token (`role`, `permissions`, …), or null before one is minted. */
export const selectClaims: Selector<LatchState['sessionClaims']> = (state) => state.sessionClaims;

/** Whether the client has loaded from the server; `initialState` does not count. */
export const selectClientLoaded: Selector<boolean> = (state) => state.isLoaded;

/**
 * Flows and the session list are usable before the load (the client always
 * holds a sign-in, a sign-up and a session list), so they are never undefined;
 * `isLoaded` says whether the client has heard from the server yet.
 */
export interface SignInFlow {
  isLoaded: boolean;
  signIn: SignIn;
}
export interface SignUpFlow {
  isLoaded: boolean;
  signUp: SignUp;
}
export interface SessionList {
  isLoaded: boolean;
  sessions: Session[];
}

export const selectSignIn: Selector<SignInFlow> = (state) => ({ isLoaded: state.isLoaded, signIn: state.signIn });
export const selectSignUp: Selector<SignUpFlow> = (state) => ({ isLoaded: state.isLoaded, signUp: state.signUp });
export const selectSessions: Selector<SessionList> = (state) => ({ isLoaded: state.isLoaded, sessions: state.sessions });
