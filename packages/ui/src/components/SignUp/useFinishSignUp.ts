import { createContext, useCallback, useContext } from 'react';
import { useSignUp } from '@latch/react';
import { useLeaveAfterAuth } from '../../foundation';

/**
 * Set by the flow when it will offer a passkey once signed up: then finishing
 * hands over to the offer, which leaves when it is done.
 */
export const PasskeyOfferContext = /* @__PURE__ */ createContext<(() => void) | null>(null);

/**
 * Ends a completed sign-up: makes its new session the active one, then leaves
 * for the after-sign-up URL, by the same rules as SignIn (`useLeaveAfterAuth`:
 * a safe `redirect_url` first, the app's router for this origin, nothing
 * when the target is this very page), or first offers a passkey.
 */
export function useFinishSignUp(afterSignUpUrl: string | undefined) {
  const { setActive } = useSignUp();
  const leave = useLeaveAfterAuth(afterSignUpUrl);
  const offer = useContext(PasskeyOfferContext);
  return useCallback(
    async (attempt: { createdSessionId: string | null }) => {
      if (!attempt.createdSessionId) return;
      await setActive({ session: attempt.createdSessionId });
      if (offer) offer();
      else leave();
    },
    [setActive, leave, offer],
  );
}
