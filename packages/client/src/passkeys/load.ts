/**
 * The passkey code, with @simplewebauthn/browser, is a chunk of its own:
 * an app loads it when someone uses a passkey, not with its first bundle.
 */
export const passkeyCode = () => import('./ceremonies');
