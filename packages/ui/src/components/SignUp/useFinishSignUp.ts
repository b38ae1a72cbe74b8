import { useCallback } from 'react';
import { useSignUp } from '@latch/react';
import { useLeaveAfterAuth } from '../../foundation';

/**
 * Ends a completed sign-up: makes its new session the active one, then leaves
 * for the after-sign-up URL, by the same rules as SignIn (`useLeaveAfterAuth`:
 * a safe `redirect_url` first, the app's router for this origin, nothing
 * when the target is this very page).
 */
export function useFinishSignUp(afterSignUpUrl: string | undefined) {
  const { setActive } = useSignUp();
  const leave = useLeaveAfterAuth(afterSignUpUrl);
  return useCallback(
    async (attempt: { createdSessionId: string | null }) => {
      if (!attempt.createdSessionId) return;
      await setActive({ session: attempt.createdSessionId });
      leave();
    },
    [setActive, leave],
  );
}
