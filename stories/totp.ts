const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The RFC 6238 code an authenticator app would show now (SHA-1, 6 digits,
 * 30 s), with WebCrypto so it runs in the catalog's browser and under Vitest:
 * stories that finish a TOTP enrolment type it like a person reading a phone.
 */
export async function totpCode(base32Secret: string, now = Date.now()): Promise<string> {
  const key = await crypto.subtle.importKey('raw', base32Decode(base32Secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  // Byte by byte into a Uint8Array: under jsdom, ArrayBuffer is another realm's and WebCrypto refuses it.
  const counter = new Uint8Array(8);
  for (let i = 7, steps = Math.floor(now / 30_000); i >= 0; i--, steps = Math.floor(steps / 256)) counter[i] = steps % 256;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!) >>> 0;
  return String(binary % 1_000_000).padStart(6, '0');
}

function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/[\s=]+/g, '').toUpperCase()) {
    const value = base32Alphabet.indexOf(char);
    if (value < 0) throw new Error(`Not base32: ${char}`);
    buffer = ((buffer << 5) | value) & 0xffff; // only the last 13 bits are ever read
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** A code that is surely wrong: the right one with its last digit changed. */
export function wrongCode(code: string): string {
  return code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
}
