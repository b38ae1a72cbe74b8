import type { Passkey } from '@latch/react';
import type { Localization, LocalizationResource } from '../../foundation';
import { passkeyErrors, passkeys } from '../../localization/en-US/passkeys';
import { createPart } from '../part';
import type { PasskeyKit } from './kit';

// Shared by the on-demand passkey parts only (see kit.ts): nothing here may import the package's other modules, nor @latch/react.

const english = { passkeys, errors: passkeyErrors } as unknown as LocalizationResource;

const part = createPart<PasskeyKit>({ english });

/** The kit the part was given (its root wraps everything in `PasskeyPart`). */
export const useKit = part.useKit;

/**
 * The root of every passkey part: the kit for its pieces, and the passkey
 * strings and error messages: English under whatever the component already has (a
 * translation's `passkeys` section wins key by key).
 */
export const PasskeyPart = part.Root;

/**
 * Whether the person backed out: they closed the browser's passkey prompt (or
 * it timed out: WebAuthn cannot tell the two apart), or the page cancelled it
 * (autofill, once they sign in another way). Nothing to show for either.
 */
function isCancelled(error: unknown, { isLatchAPIError }: PasskeyKit): boolean {
  return (isLatchAPIError(error) && error.code === 'passkey_not_allowed') || (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** The message for a passkey failure, or null when there is nothing to say (none, or cancelled). */
export function usePasskeyError(): (error: unknown) => string | null {
  const kit = useKit();
  const { errorMessage } = kit.useLocalization();
  return (error) => (!error || isCancelled(error, kit) ? null : errorMessage(error));
}

/** The user's name for it, else its authenticator's make, else "Passkey". */
export function passkeyName(passkey: Passkey, t: Localization['t']): string {
  return passkey.name ?? passkey.authenticatorName ?? t('passkeys.profile.unnamed');
}
