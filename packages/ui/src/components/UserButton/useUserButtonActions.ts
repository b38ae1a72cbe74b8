import { useState } from 'react';
import { useAuth, useLatch, useSessionList, type Session } from '@latch/react';
import { safeAfterUrl, useAsyncAction, useNavigate } from '../../foundation';

export interface UserButtonActionOptions {
  userProfileMode: 'modal' | 'navigation';
  userProfileUrl?: string;
  afterSignOutUrl?: string;
  signInUrl: string;
  /** Closes the popover (focus goes back to the trigger). */
  close(): void;
  /** Shows `<UserProfile/>` in the modal. */
  openProfile(): void;
}

/** Which button's work is in flight: 'signOut', 'signOutAll', or the id of the session being switched to. */
export type PendingAction = string | null;

/**
 * What the popover's buttons do. One async action guards them all, so a
 * sign-out and a switch can never race; `pending` says which button spins.
 */
export function useUserButtonActions(options: UserButtonActionOptions) {
  const latch = useLatch();
  const { sessionId, signOut } = useAuth();
  const { setActive } = useSessionList();
  const action = useAsyncAction();
  const navigate = useNavigate();
  const [pending, setPending] = useState<PendingAction>(null);

  // Every URL here comes from props, but they may be built from a query
  // string: only relative paths and the environment's allowed origins pass.
  const go = (url: string | undefined) => {
    const safe = safeAfterUrl(url, latch.environment?.allowedRedirectOrigins ?? []);
    if (safe) navigate(safe);
  };

  // `run` skips work while another is in flight, so only the button that
  // started it ever spins.
  const perform = (key: string, work: () => Promise<void>) => {
    void action.run(async () => {
      setPending(key);
      try {
        await work();
      } finally {
        setPending(null);
      }
    });
  };

  return {
    pending,
    error: action.error,
    manageAccount() {
      // Closed first either way: a client-side router keeps this button mounted on the next page.
      options.close();
      if (options.userProfileMode === 'navigation') go(options.userProfileUrl);
      else options.openProfile();
    },
    signOut() {
      perform('signOut', async () => {
        await signOut(sessionId ? { sessionId } : {});
        // Multi-session: another account takes over and the button stays; only
        // a browser left signed out leaves for `afterSignOutUrl`.
        if (latch.session) options.close();
        else go(options.afterSignOutUrl);
      });
    },
    signOutAll() {
      perform('signOutAll', async () => {
        await signOut();
        go(options.afterSignOutUrl);
      });
    },
    switchTo(session: Session) {
      perform(session.id, async () => {
        await setActive({ session });
        options.close();
      });
    },
    addAccount() {
      options.close();
      go(options.signInUrl);
    },
  };
}

export type UserButtonActions = ReturnType<typeof useUserButtonActions>;
