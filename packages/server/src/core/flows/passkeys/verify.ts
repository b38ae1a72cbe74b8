import type { PasskeyAssertionJSON, PasskeyRegistrationJSON } from '@latch/protocol';
import { hexEncode } from '../../crypto/hash';
import { base64UrlDecode, base64UrlEncode } from '../../crypto/random';
import { ApiFailure, fail } from '../../errors';
import type { PasskeyRecord } from '../../store/records';
import type { ServerContext } from '../context';
import type { ClientData } from './credentials';
import type { RelyingParty } from './relying-party';

/*
 * Verification by @simplewebauthn/server, with the checks whose failure the
 * API names (origin, RP ID, counter) made here first, so each gets its code.
 * The library's own messages never reach a response: they quote the
 * expected origin and RP ID.
 */

/** ES256, EdDSA, RS256: what authenticators make, in WebAuthn's order of preference. */
export const supportedAlgorithms = [-7, -8, -257];

/** Loaded when a passkey is first verified, so instances and mock bundles without passkeys never load it. */
const webauthn = () => import('@simplewebauthn/server');

/** Fetches the verifier ahead of its first use: a browser mock loads it while the page is online. */
export async function preloadPasskeyVerification(): Promise<void> {
  await webauthn().catch(() => undefined);
}

/** The user handle a passkey carries: the user id's UTF-8 bytes, opaque to the browser. */
export function userHandleOf(userId: string): string {
  return base64UrlEncode(new TextEncoder().encode(userId));
}

export interface VerifiedAssertion {
  counter: number;
  backedUp: boolean;
  deviceType: PasskeyRecord['deviceType'];
}

/**
 * A sign-in's assertion against the stored passkey: the page's origin, the
 * RP ID, user verification, the signature, then the counter. A counter at or
 * below the stored one (when either is non-zero) means two authenticators
 * hold the key: refused, after the signature passed, so nobody can trip it
 * with a forged answer.
 */
export async function verifyAssertion(
  ctx: ServerContext,
  rp: RelyingParty,
  passkey: PasskeyRecord,
  assertion: PasskeyAssertionJSON,
  clientData: ClientData,
): Promise<VerifiedAssertion> {
  assertOrigin(rp, clientData);
  const authenticatorData = decode(assertion.response.authenticatorData);
  // 32 bytes of RP ID hash, 1 of flags, 4 of counter.
  if (authenticatorData.length < 37) throw fail('passkey_verification_failed');
  if (hexEncode(authenticatorData.subarray(0, 32)) !== (await ctx.crypto.sha256Hex(rp.id))) throw fail('passkey_rp_id_invalid');
  const { userHandle } = assertion.response;
  if (userHandle !== undefined && userHandle !== userHandleOf(passkey.userId)) throw fail('passkey_verification_failed');
  const { verifyAuthenticationResponse } = await webauthn();
  const result = await library(() =>
    verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: clientData.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      // The counter is compared below, once the signature has passed.
      credential: { id: passkey.credentialId, publicKey: decode(passkey.publicKey), counter: 0 },
      requireUserVerification: true,
    }),
  );
  if (!result.verified) throw fail('passkey_verification_failed');
  const { newCounter, credentialBackedUp, credentialDeviceType } = result.authenticationInfo;
  if ((newCounter > 0 || passkey.counter > 0) && newCounter <= passkey.counter) throw fail('passkey_counter_invalid');
  return { counter: newCounter, backedUp: credentialBackedUp, deviceType: credentialDeviceType };
}

export type VerifiedRegistration = Pick<PasskeyRecord, 'credentialId' | 'publicKey' | 'counter' | 'transports' | 'aaguid' | 'deviceType' | 'backedUp'>;

/** A new passkey: origin, RP ID, user verification, the algorithm, and its attestation ('none' is asked for; any is checked). */
export async function verifyRegistration(rp: RelyingParty, registration: PasskeyRegistrationJSON, clientData: ClientData): Promise<VerifiedRegistration> {
  assertOrigin(rp, clientData);
  const { verifyRegistrationResponse } = await webauthn();
  const result = await library(() =>
    verifyRegistrationResponse({
      response: registration,
      expectedChallenge: clientData.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: supportedAlgorithms,
    }),
  );
  const info = result.registrationInfo;
  if (!result.verified || !info || info.credential.id !== registration.id) throw fail('passkey_verification_failed');
  return {
    credentialId: info.credential.id,
    publicKey: base64UrlEncode(info.credential.publicKey),
    counter: info.credential.counter,
    transports: registration.response.transports ?? [],
    aaguid: info.aaguid,
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
  };
}

function assertOrigin(rp: RelyingParty, clientData: ClientData): void {
  if (!rp.origins.includes(clientData.origin)) throw fail('passkey_origin_invalid');
}

function decode(value: string): Uint8Array<ArrayBuffer> {
  try {
    return base64UrlDecode(value) as Uint8Array<ArrayBuffer>;
  } catch {
    throw fail('passkey_verification_failed');
  }
}

/** Runs a library check; whatever it throws becomes a code, its message (which names what was expected) dropped. */
async function library<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw fail(error instanceof Error && error.name === 'UnexpectedRPIDHash' ? 'passkey_rp_id_invalid' : 'passkey_verification_failed');
  }
}
