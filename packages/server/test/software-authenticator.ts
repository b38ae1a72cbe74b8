/**
 * A software passkey authenticator for tests: ES256 keys from node:crypto,
 * attestation objects and authenticator data encoded by hand (CBOR with
 * 'none' attestation), and client data as a browser would write it. It can
 * also misbehave on purpose: the wrong origin or RP ID, no user
 * verification, a counter that goes back, a bad signature.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { PasskeyAssertionJSON, PasskeyCreationOptionsJSON, PasskeyRegistrationJSON, PasskeyRequestOptionsJSON } from '@latch/protocol';

export const zeroAaguid = '00000000-0000-0000-0000-000000000000';
export const iCloudKeychain = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd';

interface StoredCredential {
  id: string;
  privateKey: KeyObject;
  rpId: string;
  userHandle: string;
  counter: number;
}

export interface CeremonyOptions {
  /** The page's origin, as the browser puts it in the client data. */
  origin: string;
  /** The RP ID the authenticator scopes to; default the options' own. */
  rpId?: string;
  /** Registration: this credential id instead of a new random one (to claim one that exists). */
  credentialId?: string;
  /** Default true: the user unlocked the authenticator (biometrics, PIN). */
  userVerified?: boolean;
}

export class SoftwareAuthenticator {
  readonly credentials: StoredCredential[] = [];

  constructor(
    private readonly settings: {
      aaguid?: string;
      /** Hardware keys count signatures; synced passkeys send 0 every time. Default false. */
      counts?: boolean;
      /** A synced (backed-up) passkey. Default true. */
      backedUp?: boolean;
    } = {},
  ) {}

  /** `navigator.credentials.create()`: a new key pair for the options' user. */
  register(options: PasskeyCreationOptionsJSON, ceremony: CeremonyOptions): PasskeyRegistrationJSON {
    const rpId = ceremony.rpId ?? options.rp.id ?? new URL(ceremony.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const id = ceremony.credentialId ?? base64Url(randomId());
    const credential: StoredCredential = { id, privateKey, rpId, userHandle: options.user.id, counter: this.settings.counts ? 1 : 0 };
    this.credentials.push(credential);
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, fromBase64Url(jwk.x!)],
        [-3, fromBase64Url(jwk.y!)],
      ]),
    );
    const idBytes = fromBase64Url(id);
    const attested = concat(uuidBytes(this.settings.aaguid ?? zeroAaguid), u16(idBytes.length), idBytes, cose);
    const authData = concat(sha256(rpId), Uint8Array.of(this.flags(ceremony) | 0x40), u32(credential.counter), attested);
    const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: clientData('webauthn.create', options.challenge, ceremony.origin),
        attestationObject: base64Url(attestationObject),
        transports: ['internal', 'hybrid'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** `navigator.credentials.get()` with one of its credentials (the first allowed one, or the first it holds). */
  authenticate(
    options: PasskeyRequestOptionsJSON,
    ceremony: CeremonyOptions & { credentialId?: string; counter?: number; tamper?: boolean },
  ): PasskeyAssertionJSON {
    const allowed = options.allowCredentials?.map((c) => c.id) ?? [];
    const credential =
      this.credentials.find((c) => c.id === ceremony.credentialId) ??
      this.credentials.find((c) => allowed.length === 0 || allowed.includes(c.id));
    if (!credential) throw new Error('NotAllowedError: no credential for these options');
    if (this.settings.counts) credential.counter = ceremony.counter ?? credential.counter + 1;
    const rpId = ceremony.rpId ?? options.rpId ?? credential.rpId;
    const authData = concat(sha256(rpId), Uint8Array.of(this.flags(ceremony)), u32(ceremony.counter ?? credential.counter));
    const clientDataJSON = clientData('webauthn.get', options.challenge, ceremony.origin);
    const signature = sign('sha256', Buffer.from(concat(authData, sha256Bytes(fromBase64Url(clientDataJSON)))), { key: credential.privateKey, dsaEncoding: 'der' });
    if (ceremony.tamper) signature[signature.length - 1]! ^= 0xff;
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON,
        authenticatorData: base64Url(authData),
        signature: base64Url(signature),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** UP always; UV unless refused; BE and BS for a synced passkey. */
  private flags(ceremony: CeremonyOptions): number {
    const backedUp = this.settings.backedUp ?? true;
    return 0x01 | (ceremony.userVerified === false ? 0 : 0x04) | (backedUp ? 0x18 : 0);
  }
}

function clientData(type: string, challenge: string, origin: string): string {
  return base64Url(Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false })));
}

function randomId(): Uint8Array {
  return new Uint8Array(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256)));
}

function sha256(text: string): Uint8Array {
  return sha256Bytes(Buffer.from(text, 'utf8'));
}

function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

export function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function u16(value: number): Uint8Array {
  return Uint8Array.of(value >> 8, value & 0xff);
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function uuidBytes(uuid: string): Uint8Array {
  return new Uint8Array(Buffer.from(uuid.replace(/-/g, ''), 'hex'));
}

/** The CBOR this needs (RFC 8949): integers, byte and text strings, maps. */
function cbor(value: unknown): Uint8Array {
  const head = (major: number, length: number): Uint8Array => {
    if (length < 24) return Uint8Array.of((major << 5) | length);
    if (length < 0x100) return Uint8Array.of((major << 5) | 24, length);
    if (length < 0x10000) return Uint8Array.of((major << 5) | 25, length >> 8, length & 0xff);
    return concat(Uint8Array.of((major << 5) | 26), u32(length));
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = new Uint8Array(Buffer.from(value, 'utf8'));
    return concat(head(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concat(head(2, value.length), value);
  if (value instanceof Map) return concat(head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)]));
  throw new Error(`cbor: cannot encode ${typeof value}`);
}
