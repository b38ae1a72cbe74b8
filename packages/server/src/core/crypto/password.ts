import { timingSafeEqual } from './hash';
import { base64Decode, base64Encode, randomBytes } from './random';

/** Turns a password into a stored string and checks one against it. Inputs are already NFKC-normalized. */
export interface PasswordHashing {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** Whether `stored` is in a format `verify` knows (an imported hash is checked with it before it is stored). */
  canVerify?(stored: string): boolean;
  /** True when `stored` is weaker than, or another scheme than, what `hash` makes now: a sign-in that verified it rehashes. */
  needsRehash?(stored: string): boolean;
}

/** PBKDF2-SHA256 to 32 bytes: WebCrypto here; the Node service runs it on worker threads. */
export type Pbkdf2Sha256 = (password: Uint8Array, salt: Uint8Array, iterations: number) => Promise<Uint8Array>;

const scheme = 'pbkdf2-sha256';
const encoder = new TextEncoder();

/**
 * PBKDF2-SHA256 (argon2id and scrypt are not in WebCrypto), by default
 * through WebCrypto. The stored form is
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` whatever computes it; `verify`
 * reads the iteration count from it, so raising the default later keeps old
 * hashes valid.
 */
export function pbkdf2Hashing(iterations: number, pbkdf2: Pbkdf2Sha256 = webCryptoPbkdf2): PasswordHashing {
  const derive = (password: string, salt: Uint8Array, count: number) => pbkdf2(encoder.encode(password), salt, count);
  const storedIterations = (stored: string): number | null => {
    const [name, rounds, salt, expected, ...rest] = stored.split('$');
    const count = Number(rounds);
    const valid = name === scheme && !!salt && !!expected && rest.length === 0 && Number.isInteger(count) && count >= 1 && count <= 10_000_000;
    return valid ? count : null;
  };
  return {
    canVerify: (stored) => storedIterations(stored) !== null,
    needsRehash: (stored) => (storedIterations(stored) ?? 0) < iterations,
    async hash(password) {
      const salt = randomBytes(16);
      const derived = await derive(password, salt, iterations);
      return [scheme, iterations, base64Encode(salt), base64Encode(derived)].join('$');
    },
    async verify(password, stored) {
      const count = storedIterations(stored);
      if (count === null) return false;
      const [, , salt = '', expected = ''] = stored.split('$');
      const derived = await derive(password, base64Decode(salt), count);
      return timingSafeEqual(derived, base64Decode(expected));
    },
  };
}

export async function webCryptoPbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** OWASP's PBKDF2-SHA256 minimum. */
export const productionIterations = 600_000;

/** The production default: OWASP's PBKDF2-SHA256 minimum of 600,000 iterations. */
export const defaultPasswordHashing: PasswordHashing = pbkdf2Hashing(productionIterations);

/**
 * DEVELOPMENT ONLY: 1,000 iterations, so mocks and tests sign in instantly.
 * Never use it for real accounts: a leaked hash would fall to a GPU in seconds.
 */
export const devOnlyFastHashing: PasswordHashing = pbkdf2Hashing(1_000);

/**
 * NFKC makes the visually identical forms of a password (composed é,
 * decomposed e + ́, full-width letters) one and the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
