import { onDemand } from '../context';

/**
 * Whether this browser has WebAuthn, so a "Sign in with passkey" button can
 * work: the check of @simplewebauthn/browser's `browserSupportsWebAuthn`,
 * inline so that asking costs no download. False on the server.
 */
export function browserSupportsPasskeys(): boolean {
  return typeof PublicKeyCredential === 'function';
}

/**
 * Whether this browser can offer passkeys in a field's autofill (conditional
 * mediation), for `authenticateWithPasskey({ flow: 'autofill' })`. Loads the
 * passkey code, so ask once the page is interactive. False on the server.
 */
export async function browserSupportsPasskeyAutofill(): Promise<boolean> {
  return browserSupportsPasskeys() && (await onDemand('browserSupportsWebAuthnAutofill'));
}
