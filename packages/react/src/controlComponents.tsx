import { useEffect, type ReactNode } from 'react';
import { useAuthFor, type UseAuthReturn } from './hooks';
import { selectAuthStatus, selectClaims, selectClientLoaded } from './selectors';
import { useLatchSelector } from './useLatchSelector';

// Components that show or hide their children by auth state. Each renders
// nothing at all while loading, so server HTML never shows the wrong branch.

export interface ChildrenProps {
  children?: ReactNode;
}

/** Renders its children only once someone is known to be signed in. */
export function SignedIn({ children }: ChildrenProps) {
  return useLatchSelector('<SignedIn>', selectAuthStatus) === 'signed-in' ? children : null;
}

/** Renders its children only once nobody is known to be signed in. */
export function SignedOut({ children }: ChildrenProps) {
  return useLatchSelector('<SignedOut>', selectAuthStatus) === 'signed-out' ? children : null;
}

/** `useAuth()`'s result when signed in: what a `<Protect condition>` is asked about. */
export type SignedInAuth = Extract<UseAuthReturn, { isSignedIn: true }>;

export interface ProtectProps extends ChildrenProps {
  /** Shown instead of the children when signed out or when `condition` says no. */
  fallback?: ReactNode;
  /** An extra check on the signed-in user, e.g. `(auth) => auth.userId === ownerId`. */
  condition?: (auth: SignedInAuth) => boolean;
  /** Only for this role: the session token's `role` claim (see the claims template). */
  role?: string;
  /** Only with this permission, in the session token's `permissions` claim. */
  permission?: string;
}

/**
 * Renders its children when signed in (and `condition`, `role` and
 * `permission` pass), else `fallback`; nothing while loading. With `role` or
 * `permission` it also waits for the session's first token, which it asks
 * for. This hides UI only: the app's API must check the token itself.
 */
export function Protect({ children, fallback = null, condition, role, permission }: ProtectProps) {
  const auth = useAuthFor('<Protect>');
  const claims = useLatchSelector('<Protect>', selectClaims, Object.is);
  const { getToken } = auth;
  const byClaims = role !== undefined || permission !== undefined;
  const waiting = byClaims && auth.isSignedIn === true && !claims;
  useEffect(() => {
    if (waiting) getToken().catch(() => undefined);
  }, [waiting, getToken]);
  if (!auth.isLoaded || waiting) return null;
  if (!auth.isSignedIn || (condition && !condition(auth)) || (byClaims && !auth.has({ role, permission }))) return fallback;
  return children;
}

/**
 * Renders its children once the client has loaded from the server (so its
 * environment and sign-in flows are usable). `initialState` does not count:
 * on the server and during hydration this renders nothing.
 */
export function LatchLoaded({ children }: ChildrenProps) {
  return useLatchSelector('<LatchLoaded>', selectClientLoaded) ? children : null;
}

/** Renders its children until the client has loaded; the counterpart of `<LatchLoaded>`. */
export function LatchLoading({ children }: ChildrenProps) {
  return useLatchSelector('<LatchLoading>', selectClientLoaded) ? null : children;
}
