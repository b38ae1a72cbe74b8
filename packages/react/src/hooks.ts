import { useMemo } from 'react';
import type { LatchClient } from '@latch/client';
import { useLatchContext } from './context';
import {
  selectAuth,
  selectClaims,
  selectSession,
  selectSessions,
  selectSignIn,
  selectSignUp,
  selectUser,
  type AuthFacts,
  type SessionFacts,
  type SessionList,
  type SignInFlow,
  type SignUpFlow,
  type UserFacts,
} from './selectors';
import { useLatchSelector } from './useLatchSelector';

type GetToken = LatchClient['getToken'];
type SignOut = LatchClient['signOut'];
type SetActive = LatchClient['setActive'];

/**
 * `useAuth()`'s result. While loading (no `initialState` and the client not
 * loaded yet), `isSignedIn`, `userId` and `sessionId` are `undefined`;
 * signed out, the ids are `null`.
 */
export type UseAuthReturn = AuthFacts & { getToken: GetToken; signOut: SignOut; has: Has };

/**
 * Whether the session token says the user has this role (its `role` claim)
 * or permission (in its `permissions` claim), both set by the instance's
 * claims template. False while signed out, and until the session's first
 * token is minted (`getToken()`, or a `<Protect role>` on the page).
 */
export type Has = (params: { role?: string; permission?: string }) => boolean;
export type UseUserReturn = UserFacts;
export type UseSessionReturn = SessionFacts;
export type UseSessionListReturn = SessionList & { setActive: SetActive };
export type UseSignInReturn = SignInFlow & { setActive: SetActive };
export type UseSignUpReturn = SignUpFlow & { setActive: SetActive };

/** The `LatchClient` behind the provider, for anything the hooks do not cover. */
export function useLatch(): LatchClient {
  return useLatchContext('useLatch').client;
}

/** The client's methods as functions that keep their identity, so they are safe in effect deps. */
function useClientActions(consumerName: string) {
  const { client } = useLatchContext(consumerName);
  return useMemo(
    () => ({
      getToken: ((params) => client.getToken(params)) satisfies GetToken,
      signOut: ((params) => client.signOut(params)) satisfies SignOut,
      setActive: ((params) => client.setActive(params)) satisfies SetActive,
    }),
    [client],
  );
}

/**
 * Who is signed in, plus `getToken()` (a fresh session JWT for your API) and
 * `signOut()`. Re-renders only when the signed-in user or session changes,
 * not when the user's profile does.
 *
 * Before the client loads: with the provider's `initialState`, reports what
 * it says (`isLoaded: true`); without it, `isLoaded: false` and
 * `isSignedIn: undefined`.
 */
export function useAuth(): UseAuthReturn {
  return useAuthFor('useAuth');
}

/** `useAuth` on behalf of another consumer, so its errors name that consumer. */
export function useAuthFor(consumerName: string): UseAuthReturn {
  const auth = useLatchSelector(consumerName, selectAuth);
  const claims = useLatchSelector(consumerName, selectClaims, Object.is);
  const { getToken, signOut } = useClientActions(consumerName);
  // Asking about nothing is a mistake, not a pass: it says false.
  const has: Has = ({ role, permission }) =>
    !!claims && !!(role ?? permission) && (!role || claims.role === role) && (!permission || !!claims.permissions?.includes?.(permission));
  return { ...auth, getToken, signOut, has };
}

/**
 * The signed-in user; re-renders whenever the user changes. Before the client
 * loads, the user is known only if `initialState.user` was given.
 */
export function useUser(): UseUserReturn {
  return useLatchSelector('useUser', selectUser);
}

/** The active session. Before the client loads, known only if `initialState.session` was given. */
export function useSession(): UseSessionReturn {
  return useLatchSelector('useSession', selectSession);
}

/**
 * Every session signed in on this browser (several in multi-session mode),
 * and `setActive` to switch between them. `sessions` is what the client holds
 * so far; `isLoaded` turns true once it has loaded.
 */
export function useSessionList(): UseSessionListReturn {
  const list = useLatchSelector('useSessionList', selectSessions);
  const { setActive } = useClientActions('useSessionList');
  return { ...list, setActive };
}

/**
 * The current sign-in attempt, for building a custom sign-in form. `signIn`
 * is usable at once; `isLoaded` says whether the client has loaded (and so
 * knows the instance's environment). Each step resolves to the updated
 * attempt and always acts on the browser's current attempt, so one handler
 * may `await signIn.create(…)` and then `await signIn.prepareFirstFactor(…)`.
 */
export function useSignIn(): UseSignInReturn {
  const flow = useLatchSelector('useSignIn', selectSignIn);
  const { setActive } = useClientActions('useSignIn');
  return { ...flow, setActive };
}

/** The current sign-up attempt, for building a custom sign-up form; as `useSignIn`. */
export function useSignUp(): UseSignUpReturn {
  const flow = useLatchSelector('useSignUp', selectSignUp);
  const { setActive } = useClientActions('useSignUp');
  return { ...flow, setActive };
}
