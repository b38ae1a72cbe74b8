/** Randomness from WebCrypto only, so the same code runs in Node and browsers. */

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * A string of `length` characters drawn uniformly from `alphabet`. Bytes that
 * would bias the result (the tail above the largest multiple of the alphabet
 * size) are thrown away and redrawn.
 */
export function randomString(length: number, alphabet: string): string {
  const limit = 256 - (256 % alphabet.length);
  let result = '';
  while (result.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      result += alphabet[byte % alphabet.length];
      if (result.length === length) break;
    }
  }
  return result;
}

const idAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** A record id such as `user_8d3k…`: 20 characters, 100 random bits. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomString(20, idAlphabet)}`;
}

/** A bearer secret: 256 random bits, base64url. */
export function randomToken(): string {
  return base64UrlEncode(randomBytes(32));
}

export function randomDigits(length: number): string {
  return randomString(length, '0123456789');
}

export function base64UrlEncode(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on malformed input. */
export function base64UrlDecode(text: string): Uint8Array {
  return base64Decode(text.replace(/-/g, '+').replace(/_/g, '/'));
}

export function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Throws on malformed input. */
export function base64Decode(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
