import { lazy, useSyncExternalStore } from 'react';
import type { EnvironmentJSON } from '@latch/protocol';
import { browserSupportsPasskeys } from '@latch/react';

// What a component's first bundle holds of passkeys: whether to offer them,
// and the on-demand parts. The parts (given what they use of the package as
// a kit: see kit.ts), their strings and @simplewebauthn/browser load only
// when a passkey is on offer.

const noSubscription = () => () => {};
const onServer = () => false;

/**
 * Whether this instance turns passkeys on and this browser has WebAuthn. False
 * on the server and while hydrating (the markup matches), true from then on.
 */
export function usePasskeys(environment: EnvironmentJSON | null | undefined): boolean {
  const supported = useSyncExternalStore(noSubscription, browserSupportsPasskeys, onServer);
  return supported && passkeysEnabled(environment);
}

export function passkeysEnabled(environment: EnvironmentJSON | null | undefined): boolean {
  return environment?.firstFactors.passkey === true;
}

/** SignIn's start step: the "Sign in with a passkey" button and browser autofill. */
export const PasskeySignIn = /* @__PURE__ */ lazy(() => import('./PasskeySignIn'));
/** After a sign-in or sign-up: "Create a passkey" or "Not now". */
export const PasskeyOffer = /* @__PURE__ */ lazy(() => import('./PasskeyOffer'));
/** UserProfile's Security page: the user's passkeys. */
export const PasskeysSection = /* @__PURE__ */ lazy(() => import('./PasskeysSection'));
