import type { PasskeyAssertionJSON, PasskeyRegistrationJSON, PasskeyTransport } from '@latch/protocol';
import { base64UrlDecode } from '../../crypto/random';
import { fail } from '../../errors';
import type { BodyReader } from '../../http/body-reader';

/*
 * The browser's answers, read field by field into fresh objects of the
 * shapes @simplewebauthn/server takes: a wrong type or an oversized field
 * is a 400 naming `credential`, before any verification or store read.
 */

type Json = Record<string, unknown>;

/** What the browser says it signed: `clientDataJSON`, decoded. */
export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
}

const base64Url = /^[A-Za-z0-9_-]*$/;
const transports: readonly PasskeyTransport[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];

function malformed(): Error {
  return fail('form_param_format_invalid', { paramName: 'credential' });
}

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed();
  return value as Json;
}

/** A base64url field of at most `maxChars`; absent is allowed only when `optional`. */
function binary(json: Json, key: string, maxChars: number): string;
function binary(json: Json, key: string, maxChars: number, optional: true): string | undefined;
function binary(json: Json, key: string, maxChars: number, optional = false): string | undefined {
  const value = json[key];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > maxChars || !base64Url.test(value)) throw malformed();
  return value;
}

/** What an assertion and a registration share, checked: the credential's id and kind, and its `response` to read on. */
function envelope(ctx: { body: BodyReader }) {
  const json = ctx.body.optionalObject('credential');
  if (!json) throw fail('form_param_missing', { paramName: 'credential' });
  if (json.type !== 'public-key') throw malformed();
  // A credential id is at most 1023 bytes (WebAuthn), 1364 in base64url.
  const id = binary(json, 'id', 1364);
  if (binary(json, 'rawId', 1364) !== id) throw malformed();
  const shared = { id, rawId: id, type: 'public-key' as const, authenticatorAttachment: attachment(json), clientExtensionResults: {} };
  return { shared, response: object(json.response) };
}

function attachment(json: Json): 'platform' | 'cross-platform' | undefined {
  const value = json.authenticatorAttachment;
  return value === 'platform' || value === 'cross-platform' ? value : undefined;
}

export function readAssertion(ctx: { body: BodyReader }): PasskeyAssertionJSON {
  const { shared, response } = envelope(ctx);
  return {
    ...shared,
    response: {
      clientDataJSON: binary(response, 'clientDataJSON', 8192),
      authenticatorData: binary(response, 'authenticatorData', 8192),
      signature: binary(response, 'signature', 2048),
      userHandle: binary(response, 'userHandle', 128, true),
    },
  };
}

export function readRegistration(ctx: { body: BodyReader }): PasskeyRegistrationJSON {
  const { shared, response } = envelope(ctx);
  const listed = response.transports;
  if (listed !== undefined && (!Array.isArray(listed) || listed.length > transports.length)) throw malformed();
  return {
    ...shared,
    response: {
      clientDataJSON: binary(response, 'clientDataJSON', 8192),
      attestationObject: binary(response, 'attestationObject', 65_536),
      // Unknown transports are dropped: they are hints for later prompts, nothing more.
      transports: (listed ?? []).filter((t): t is PasskeyTransport => transports.includes(t as PasskeyTransport)),
    },
  };
}

/** The decoded client data of the `type` expected (`webauthn.get` or `webauthn.create`); anything else does not verify. */
export function readClientData(encoded: string, type: 'webauthn.get' | 'webauthn.create'): ClientData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlDecode(encoded)));
  } catch {
    throw fail('passkey_verification_failed');
  }
  const data = parsed as Partial<ClientData> | null;
  if (typeof data !== 'object' || data === null || data.type !== type || typeof data.challenge !== 'string' || typeof data.origin !== 'string') {
    throw fail('passkey_verification_failed');
  }
  return { type: data.type, challenge: data.challenge, origin: data.origin };
}
