/**
 * Passkeys (WebAuthn) on the wire. The WebAuthn shapes are the JSON forms of
 * WebAuthn Level 3 (`PublicKeyCredential.toJSON()`), as @simplewebauthn
 * produces and reads them; they are written out here because this package
 * imports nothing.
 */

/** One of the user's passkeys, as the profile lists it. */
export interface PasskeyJSON {
  id: string;
  /** The name the user gave it; null until named (show `authenticatorName`, or a generic "Passkey"). */
  name: string | null;
  createdAt: number;
  /** The last sign-in with it; null when it was never used to sign in. */
  lastUsedAt: number | null;
  /**
   * The authenticator's make ("iCloud Keychain", "Google Password Manager",
   * "YubiKey 5 Series"…) from its AAGUID, when it is one of the few Latch
   * knows (a built-in table, never a network lookup); else null.
   */
  authenticatorName: string | null;
}

/** The name Clerk's SDKs give the same resource. */
export type PasskeyResource = PasskeyJSON;

/** Base64url without padding, as WebAuthn's JSON forms carry binary. */
export type Base64URLString = string;

export type PasskeyTransport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';

export interface PasskeyDescriptorJSON {
  id: Base64URLString;
  type: 'public-key';
  transports?: PasskeyTransport[];
}

/** What `navigator.credentials.create()` takes (`PublicKeyCredentialCreationOptionsJSON`): the answer of `mePasskeyOptions`. */
export interface PasskeyCreationOptionsJSON {
  rp: { id?: string; name: string };
  user: { id: Base64URLString; name: string; displayName: string };
  challenge: Base64URLString;
  pubKeyCredParams: { alg: number; type: 'public-key' }[];
  timeout?: number;
  excludeCredentials?: PasskeyDescriptorJSON[];
  authenticatorSelection?: {
    authenticatorAttachment?: 'platform' | 'cross-platform';
    requireResidentKey?: boolean;
    residentKey?: 'discouraged' | 'preferred' | 'required';
    userVerification?: 'discouraged' | 'preferred' | 'required';
  };
  hints?: ('security-key' | 'client-device' | 'hybrid')[];
  attestation?: 'direct' | 'enterprise' | 'indirect' | 'none';
  extensions?: Record<string, unknown>;
}

/** What `navigator.credentials.get()` takes (`PublicKeyCredentialRequestOptionsJSON`): the answer of `signInPasskeyOptions`. */
export interface PasskeyRequestOptionsJSON {
  challenge: Base64URLString;
  timeout?: number;
  rpId?: string;
  /** Empty or absent: any passkey of this site (discoverable credentials, usernameless). */
  allowCredentials?: PasskeyDescriptorJSON[];
  userVerification?: 'discouraged' | 'preferred' | 'required';
  hints?: ('security-key' | 'client-device' | 'hybrid')[];
  extensions?: Record<string, unknown>;
}

/** A new passkey, as the browser answers `create()` (`RegistrationResponseJSON`). */
export interface PasskeyRegistrationJSON {
  id: Base64URLString;
  rawId: Base64URLString;
  response: {
    clientDataJSON: Base64URLString;
    attestationObject: Base64URLString;
    authenticatorData?: Base64URLString;
    transports?: PasskeyTransport[];
    publicKeyAlgorithm?: number;
    publicKey?: Base64URLString;
  };
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, unknown>;
  type: 'public-key';
}

/** A passkey's signature over a challenge, as the browser answers `get()` (`AuthenticationResponseJSON`). */
export interface PasskeyAssertionJSON {
  id: Base64URLString;
  rawId: Base64URLString;
  response: {
    clientDataJSON: Base64URLString;
    authenticatorData: Base64URLString;
    signature: Base64URLString;
    userHandle?: Base64URLString;
  };
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, unknown>;
  type: 'public-key';
}

export { PasskeyRoutes, type PasskeyRouteName } from './passkey-routes';

export interface PasskeyOptionsBody {
  /** The sign-in in progress (after an identifier): its account's passkeys only. Absent: any passkey (discoverable). */
  signInId?: string;
}

export interface PasskeyCreateBody {
  credential: PasskeyRegistrationJSON;
  /** At most 64 characters; default none (the UI shows the authenticator's name). */
  name?: string;
}

export interface PasskeyUpdateBody {
  name: string;
}

/** The longest passkey name accepted. */
export const passkeyNameMaxLength = 64;
