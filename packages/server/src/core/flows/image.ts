import { Limits } from '@latch/protocol';
import { fail } from '../errors';
import { base64Decode } from '../crypto/random';

const dataUrl = /^data:image\/(png|jpeg|webp|gif);base64,([A-Za-z0-9+/]+={0,2})$/;

/** The first bytes each format must start with, so a script cannot pose as a PNG. */
const signatures: Record<string, (bytes: Uint8Array) => boolean> = {
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  gif: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]),
  webp: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The longest data URL an image of Limits.maxImageBytes can take (base64 is 4/3 of the bytes). */
export const maxImageDataUrlLength = Math.ceil(Limits.maxImageBytes / 3) * 4 + 'data:image/jpeg;base64,'.length;

/** Accepts a PNG, JPEG, WebP or GIF data URL of at most 512 KB decoded. */
export function validateImageDataUrl(value: string): string {
  const match = dataUrl.exec(value);
  const invalid = () => fail('form_param_format_invalid', { paramName: 'imageUrl', status: 422, message: 'Use a PNG, JPEG, WebP or GIF image.' });
  if (!match || (match[2] ?? '').length % 4 !== 0) throw invalid();
  const [, format = '', payload = ''] = match;
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  if ((payload.length / 4) * 3 - padding > Limits.maxImageBytes) throw fail('form_param_too_long', { paramName: 'imageUrl' });
  let bytes: Uint8Array;
  try {
    bytes = base64Decode(payload.slice(0, 24));
  } catch {
    throw invalid();
  }
  if (!signatures[format]?.(bytes)) throw invalid();
  return value;
}
