import { Protect, RedirectToSignIn } from '@latch/react';
import { ProtectedApi } from '../ProtectedApi';
import { navigate } from '../router';

/** Only for signed-in users; others are sent to sign in and brought back here. */
export function ProtectedPage() {
  return (
    <Protect fallback={<RedirectToSignIn signInUrl="/sign-in" navigate={navigate} />}>
      <ProtectedApi />
    </Protect>
  );
}
