import { useEffect, useRef } from 'react';
import { navigate } from '../router';

/**
 * Offline only (`npm run start:mock`): the mock's fake provider sends the
 * browser here instead of to Google's consent page. The page itself comes
 * from `@latch/mock/consent`; the app's router carries the answer back to
 * the sign-in page's sso-callback step in this tab, where the mock backend
 * (and the sign-in attempt it holds) still lives.
 */
export function MockConsentPage() {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cleanup: (() => void) | undefined;
    let live = true;
    void import('@latch/mock/consent').then(async ({ mountMockConsentPage }) => {
      if (!live || !root.current) return;
      cleanup = await mountMockConsentPage(root.current, { navigate });
    });
    return () => {
      live = false;
      cleanup?.();
    };
  }, []);
  return <div ref={root} className="panel mock-consent" />;
}
