import { useMemo, type ReactNode } from 'react';
import { isLatchAPIError, type Passkey } from '@latch/react';
import { mergeLocalization, useLocalization, type Localization, type LocalizationResource } from '../../foundation';
import { ComponentContext, useComponentContext } from '../../foundation/context';
import { passkeys } from '../../localization/en-US/passkeys';

const english = { passkeys } as unknown as LocalizationResource;

/**
 * The passkey strings, loaded with the passkey parts: English under whatever
 * the component already has (a translation's `passkeys` section wins key by key).
 */
export function WithPasskeyStrings({ children }: { children: ReactNode }) {
  const context = useComponentContext();
  const value = useMemo(() => ({ ...context, resource: mergeLocalization(english, context.resource) }), [context]);
  return <ComponentContext.Provider value={value}>{children}</ComponentContext.Provider>;
}

/**
 * Whether the person backed out: they closed the browser's passkey prompt (or
 * it timed out: WebAuthn cannot tell the two apart), or the page cancelled it
 * (autofill, once they sign in another way). Nothing to show for either.
 */
export function isCancelled(error: unknown): boolean {
  return (isLatchAPIError(error) && error.code === 'passkey_not_allowed') || (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** The message for a passkey failure, or null when there is nothing to say (none, or cancelled). */
export function usePasskeyError(): (error: unknown) => string | null {
  const { errorMessage } = useLocalization();
  return (error) => (!error || isCancelled(error) ? null : errorMessage(error));
}

/** The user's name for it, else its authenticator's make, else "Passkey". */
export function passkeyName(passkey: Passkey, t: Localization['t']): string {
  return passkey.name ?? passkey.authenticatorName ?? t('passkeys.profile.unnamed');
}
