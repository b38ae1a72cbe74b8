/**
 * A software passkey authenticator for stories and tests: it stands in for
 * the browser's `navigator.credentials` (and `PublicKeyCredential`) so the
 * passkey screens run the real WebAuthn ceremony against the mock backend
 * anywhere, jsdom included, with no browser dialog. It makes ES256 keys with
 * WebCrypto, answers `create()` with a 'none' attestation and `get()` with a
 * signed assertion, exactly the bytes a platform authenticator would send.
 * The Chromium end-to-end tests use the browser's own virtual authenticator
 * instead.
 */

/** Google Password Manager's AAGUID: the mock names the passkeys it makes after it. */
export const defaultAaguid = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';

export type AuthenticatorBehaviour = 'approve' | 'cancel';

let original: { hadClass: boolean; value: unknown } | undefined;

interface StoredCredential {
  id: Uint8Array;
  rpId: string;
  userHandle: Uint8Array;
  keys: CryptoKeyPair;
  counter: number;
}

interface PendingAutofill {
  options: PublicKeyCredentialRequestOptions;
  resolve(credential: unknown): void;
  reject(error: unknown): void;
}

export class SoftAuthenticator {
  /** 'cancel': the person closes every passkey dialog (WebAuthn's NotAllowedError). */
  behaviour: AuthenticatorBehaviour = 'approve';
  readonly aaguid: string;
  /** The page origin it reports in client data (a browser reports the page's own). */
  readonly origin: string;
  readonly #credentials: StoredCredential[] = [];
  #autofill: PendingAutofill | null = null;
  #restore: (() => void) | null = null;

  constructor(options: { aaguid?: string; origin?: string } = {}) {
    this.aaguid = options.aaguid ?? defaultAaguid;
    this.origin = options.origin ?? location.origin;
  }

  /** How many passkeys it holds. */
  get size(): number {
    return this.#credentials.length;
  }

  /** Whether an autofill (conditional) request is waiting for the person to pick a passkey. */
  get autofillPending(): boolean {
    return this.#autofill !== null;
  }

  /** A passkey for `rpId` that no server has ever seen (as if made for another account or site). */
  async addStranger(rpId = location.hostname): Promise<void> {
    this.#credentials.push(await newCredential(rpId, randomBytes(16)));
  }

  /** The person picks the first of this site's passkeys among the field's suggestions. */
  async pickFromAutofill(): Promise<void> {
    const pending = this.#autofill;
    if (!pending) throw new Error('No autofill request is waiting.');
    this.#autofill = null;
    try {
      pending.resolve(await this.#assert(pending.options));
    } catch (error) {
      pending.reject(error);
    }
  }

  /** Puts this authenticator in the page's place of WebAuthn; returns how to take it out again. */
  install(): () => void {
    const target = globalThis as { PublicKeyCredential?: unknown };
    // What the page had before any software authenticator, whichever came first.
    original ??= { hadClass: Object.hasOwn(target, 'PublicKeyCredential'), value: target.PublicKeyCredential };
    const fake = function PublicKeyCredential() {
      throw new TypeError('Illegal constructor');
    };
    Object.assign(fake, {
      isUserVerifyingPlatformAuthenticatorAvailable: async () => true,
      isConditionalMediationAvailable: async () => true,
    });
    const credentials = {
      create: (options: CredentialCreationOptions) => this.#create(options),
      get: (options: CredentialRequestOptions) => this.#get(options),
    };
    Object.defineProperty(target, 'PublicKeyCredential', { value: fake, configurable: true, writable: true });
    Object.defineProperty(navigator, 'credentials', { configurable: true, value: credentials });
    this.#restore = () => {
      this.#autofill?.reject(new DOMException('The authenticator was removed.', 'AbortError'));
      this.#autofill = null;
      // Another story's authenticator may have taken over meanwhile: leave it be.
      if (target.PublicKeyCredential !== fake || !original) return;
      delete (navigator as { credentials?: unknown }).credentials;
      if (original.hadClass) target.PublicKeyCredential = original.value;
      else delete target.PublicKeyCredential;
    };
    return () => this.uninstall();
  }

  uninstall(): void {
    this.#restore?.();
    this.#restore = null;
  }

  async #create({ publicKey, signal }: CredentialCreationOptions): Promise<unknown> {
    if (!publicKey) throw new TypeError('publicKey options are required.');
    await waitOrAbort(signal);
    if (this.behaviour === 'cancel') throw notAllowed();
    const rpId = publicKey.rp.id ?? location.hostname;
    const excluded = (publicKey.excludeCredentials ?? []).map((descriptor) => bytes(descriptor.id));
    if (this.#credentials.some((credential) => credential.rpId === rpId && excluded.some((id) => equal(id, credential.id)))) {
      throw new DOMException('The authenticator already holds a credential for this account.', 'InvalidStateError');
    }
    const credential = await newCredential(rpId, bytes(publicKey.user.id));
    this.#credentials.push(credential);
    const clientDataJSON = clientData('webauthn.create', publicKey.challenge, this.origin);
    const publicKeyRaw = new Uint8Array(await crypto.subtle.exportKey('raw', credential.keys.publicKey));
    const authenticatorData = concat(
      await sha256(text(rpId)),
      // User present, user verified, backup eligible, backed up, attested credential data.
      Uint8Array.of(0x5d),
      uint32(credential.counter),
      uuidBytes(this.aaguid),
      Uint8Array.of(credential.id.length >> 8, credential.id.length & 0xff),
      credential.id,
      cbor(new Map<number, unknown>([[1, 2], [3, -7], [-1, 1], [-2, publicKeyRaw.slice(1, 33)], [-3, publicKeyRaw.slice(33, 65)]])),
    );
    const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authenticatorData]]));
    const spki = await crypto.subtle.exportKey('spki', credential.keys.publicKey);
    return credentialOf(credential.id, {
      clientDataJSON: buffer(clientDataJSON),
      attestationObject: buffer(attestationObject),
      getTransports: () => ['internal', 'hybrid'],
      getPublicKeyAlgorithm: () => -7,
      getPublicKey: () => spki,
      getAuthenticatorData: () => buffer(authenticatorData),
    });
  }

  async #get({ publicKey, signal, mediation }: CredentialRequestOptions): Promise<unknown> {
    if (!publicKey) throw new TypeError('publicKey options are required.');
    if (mediation === 'conditional') {
      this.#autofill?.reject(new DOMException('A newer request replaced this one.', 'AbortError'));
      return new Promise((resolve, reject) => {
        const pending: PendingAutofill = { options: publicKey, resolve, reject };
        this.#autofill = pending;
        signal?.addEventListener('abort', () => {
          if (this.#autofill === pending) this.#autofill = null;
          reject(signal.reason instanceof DOMException ? signal.reason : new DOMException('The request was aborted.', 'AbortError'));
        });
      });
    }
    await waitOrAbort(signal);
    if (this.behaviour === 'cancel') throw notAllowed();
    return this.#assert(publicKey);
  }

  async #assert(options: PublicKeyCredentialRequestOptions): Promise<unknown> {
    const rpId = options.rpId ?? location.hostname;
    const allowed = (options.allowCredentials ?? []).map((descriptor) => bytes(descriptor.id));
    const credential = this.#credentials.find(
      (candidate) => candidate.rpId === rpId && (allowed.length === 0 || allowed.some((id) => equal(id, candidate.id))),
    );
    // A real browser says "no passkeys for this site", and the person can only close the dialog.
    if (!credential) throw notAllowed();
    credential.counter += 1;
    const clientDataJSON = clientData('webauthn.get', options.challenge, this.origin);
    // User present, user verified, backup eligible, backed up.
    const authenticatorData = concat(await sha256(text(rpId)), Uint8Array.of(0x1d), uint32(credential.counter));
    const signed = concat(authenticatorData, await sha256(clientDataJSON));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, credential.keys.privateKey, source(signed)));
    return credentialOf(credential.id, {
      clientDataJSON: buffer(clientDataJSON),
      authenticatorData: buffer(authenticatorData),
      signature: buffer(derSignature(raw)),
      userHandle: buffer(credential.userHandle),
    });
  }
}

async function newCredential(rpId: string, userHandle: Uint8Array): Promise<StoredCredential> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  return { id: randomBytes(16), rpId, userHandle, keys, counter: 0 };
}

function credentialOf(id: Uint8Array, response: Record<string, unknown>) {
  return {
    id: base64url(id),
    rawId: buffer(id),
    type: 'public-key',
    authenticatorAttachment: 'platform',
    response,
    getClientExtensionResults: () => ({ credProps: { rk: true } }),
  };
}

function clientData(type: string, challenge: BufferSource, origin: string): Uint8Array {
  return text(JSON.stringify({ type, challenge: base64url(bytes(challenge)), origin, crossOrigin: false }));
}

function notAllowed(): DOMException {
  return new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
}

/** A tick, as a dialog would take; an aborted signal wins. */
async function waitOrAbort(signal: AbortSignal | null | undefined): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
}

// Bytes

function bytes(source: BufferSource): Uint8Array {
  return ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source);
}

/** A fresh ArrayBuffer holding exactly `data` (callers read `.byteLength` and make views of it). */
function buffer(data: Uint8Array): ArrayBuffer {
  return data.slice().buffer as ArrayBuffer;
}

/**
 * Bytes for WebCrypto as a view, not its ArrayBuffer: under jsdom the page's
 * typed arrays come from another realm than Node's WebCrypto, which accepts
 * views from anywhere but only its own realm's ArrayBuffers.
 */
function source(data: Uint8Array): BufferSource {
  return data as Uint8Array<ArrayBuffer>;
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', source(data)));
}

function uint32(n: number): Uint8Array {
  return Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

function uuidBytes(uuid: string): Uint8Array {
  return Uint8Array.from(uuid.replaceAll('-', '').match(/../g)!.map((pair) => parseInt(pair, 16)));
}

function base64url(data: Uint8Array): string {
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** WebCrypto signs ECDSA as r‖s; WebAuthn carries the ASN.1 DER form. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (part: Uint8Array) => {
    let start = 0;
    while (start < part.length - 1 && part[start] === 0) start++;
    const trimmed = part.slice(start);
    const value = trimmed[0]! & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
    return concat(Uint8Array.of(0x02, value.length), value);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, body.length), body);
}

/** The little CBOR WebAuthn needs: unsigned and negative integers, byte and text strings, maps. */
function cbor(value: unknown): Uint8Array {
  const head = (major: number, n: number) => {
    if (n < 24) return Uint8Array.of((major << 5) | n);
    if (n < 0x100) return Uint8Array.of((major << 5) | 24, n);
    if (n < 0x10000) return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
    return concat(Uint8Array.of((major << 5) | 26), uint32(n));
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const encoded = text(value);
    return concat(head(3, encoded.length), encoded);
  }
  if (ArrayBuffer.isView(value)) return concat(head(2, value.byteLength), bytes(value as BufferSource));
  if (value instanceof Map) return concat(head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)]));
  throw new TypeError(`cbor: cannot encode ${typeof value}`);
}
