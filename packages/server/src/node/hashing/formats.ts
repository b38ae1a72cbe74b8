/**
 * The stored password-hash formats the Node service can verify: its own
 * (argon2id, and the core's PBKDF2), and those of other providers, so users
 * imported with their hashes sign in with their old passwords and are
 * rehashed to argon2id on that first sign-in. Parsing happens here, on the
 * main thread; the costly part runs on a hashing thread as a `VerifyJob`.
 */

/** Work a hashing thread does to check one password against one parsed hash. */
export type VerifyJob =
  | { op: 'argon2-verify'; stored: string }
  | { op: 'bcrypt-verify'; stored: string }
  | { op: 'pbkdf2'; digest: 'sha1' | 'sha256' | 'sha512'; iterations: number; salt: Uint8Array; expected: Uint8Array }
  | { op: 'scrypt'; cost: number; blockSize: number; parallelization: number; salt: Uint8Array; expected: Uint8Array }
  | { op: 'firebase-scrypt'; rounds: number; memCost: number; salt: Uint8Array; signerKey: Uint8Array; expected: Uint8Array };

/** The argon2id setting of new hashes; OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const owaspArgon2id: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const maxIterations = 10_000_000;
/**
 * Costs beyond these are refused as garbled rather than run: a stored hash
 * sets the work its verification does, and one sign-in must not make a
 * hashing thread allocate gigabytes or spin for minutes.
 */
const maxMemoryBytes = 512 * 1024 * 1024;
const maxBcryptCost = 17;
const maxArgon2Passes = 20;
const digests = { sha1: 20, sha256: 32, sha512: 64 } as const;

/**
 * The job that checks a password against `stored`, or null when the format is
 * unknown or garbled. Recognised (one example each in the README):
 * - argon2id / argon2i / argon2d, PHC strings: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`
 * - bcrypt: `$2a$`, `$2b$`, `$2y$`
 * - scrypt, PHC form: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`
 * - Firebase's modified scrypt: `firebase-scrypt$<rounds>$<memCost>$<saltSeparator>$<signerKey>$<salt>$<hash>` (base64 fields)
 * - PBKDF2: Latch's `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; Django's
 *   `pbkdf2_sha256$<iterations>$<salt>$<hash b64>` (also `pbkdf2_sha1`); passlib's
 *   `$pbkdf2-sha512$<iterations>$<salt ab64>$<hash ab64>` (also `$pbkdf2$` for SHA-1, `$pbkdf2-sha256$`);
 *   Werkzeug's `pbkdf2:sha256:<iterations>$<salt>$<hash hex>`.
 */
export function parseStoredHash(stored: string): VerifyJob | null {
  try {
    return parse(stored);
  } catch {
    return null;
  }
}

function parse(stored: string): VerifyJob | null {
  const argon2 = /^\$argon2(?:id|i|d)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(stored);
  if (argon2) {
    const [memoryKiB, passes, lanes] = [Number(argon2[2]), Number(argon2[3]), Number(argon2[4])];
    const sane = memoryKiB * 1024 <= maxMemoryBytes && passes >= 1 && passes <= maxArgon2Passes && lanes >= 1 && lanes <= 16;
    return sane ? { op: 'argon2-verify', stored } : null;
  }
  if (/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(stored)) {
    const cost = Number(stored.slice(4, 6));
    return cost >= 4 && cost <= maxBcryptCost ? { op: 'bcrypt-verify', stored } : null;
  }
  if (stored.startsWith('$scrypt$')) return parseScrypt(stored);
  if (stored.startsWith('firebase-scrypt$')) return parseFirebaseScrypt(stored);
  return parsePbkdf2(stored);
}

/** `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>`, base64 with or without padding (passlib's `.` for `+` too). */
function parseScrypt(stored: string): VerifyJob | null {
  const [, , params = '', salt = '', hash = '', ...rest] = stored.split('$');
  const match = /^ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})$/.exec(params);
  if (!match || rest.length > 0) return null;
  const [ln, blockSize, parallelization] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 1 || blockSize < 1 || parallelization < 1 || 128 * 2 ** ln * blockSize * parallelization > maxMemoryBytes) return null;
  return checked({ op: 'scrypt' as const, cost: 2 ** ln, blockSize, parallelization, salt: base64(salt), expected: base64(hash) });
}

function parseFirebaseScrypt(stored: string): VerifyJob | null {
  const [, rounds = '', memCost = '', separator = '', signerKey = '', salt = '', hash = '', ...rest] = stored.split('$');
  const [r, m] = [Number(rounds), Number(memCost)];
  if (rest.length > 0 || !/^\d+$/.test(rounds) || !/^\d+$/.test(memCost) || r < 1 || m < 1 || m > 24 || 128 * 2 ** m * r > maxMemoryBytes) return null;
  const fullSalt = concat(base64(salt), base64(separator));
  return checked({ op: 'firebase-scrypt' as const, rounds: r, memCost: m, salt: fullSalt, signerKey: base64(signerKey), expected: base64(hash) });
}

function parsePbkdf2(stored: string): VerifyJob | null {
  let match: RegExpExecArray | null;
  // Latch's own (the core's format).
  if ((match = /^pbkdf2-sha256\$(\d+)\$([^$]+)\$([^$]+)$/.exec(stored))) {
    return pbkdf2('sha256', match[1]!, base64(match[2]!), base64(match[3]!));
  }
  // Django: the salt is used as text.
  if ((match = /^pbkdf2_(sha1|sha256|sha512)\$(\d+)\$([^$]+)\$([^$]+)$/.exec(stored))) {
    return pbkdf2(match[1] as Digest, match[2]!, utf8(match[3]!), base64(match[4]!));
  }
  // passlib: `$pbkdf2$` is SHA-1.
  if ((match = /^\$pbkdf2(?:-(sha256|sha512))?\$(\d+)\$([^$]+)\$([^$]+)$/.exec(stored))) {
    return pbkdf2((match[1] ?? 'sha1') as Digest, match[2]!, base64(match[3]!), base64(match[4]!));
  }
  // Werkzeug: text salt, hex hash. Without the iteration count (old releases) the default depended on the version: refused.
  if ((match = /^pbkdf2:(sha1|sha256|sha512):(\d+)\$([^$]+)\$([0-9a-f]+)$/.exec(stored))) {
    return pbkdf2(match[1] as Digest, match[2]!, utf8(match[3]!), hex(match[4]!));
  }
  return null;
}

type Digest = keyof typeof digests;

function pbkdf2(digest: Digest, rounds: string, salt: Uint8Array, expected: Uint8Array): VerifyJob | null {
  const iterations = Number(rounds);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > maxIterations) return null;
  // Shorter than the digest is allowed (some libraries truncate), but never trivially short.
  if (expected.length < 16 || expected.length > 2 * digests[digest]) return null;
  return checked({ op: 'pbkdf2' as const, digest, iterations, salt, expected });
}

/** A hash must have a salt and at least 16 bytes to compare against. */
function checked<T extends { salt: Uint8Array; expected: Uint8Array }>(job: T): T | null {
  return job.salt.length > 0 && job.expected.length >= 16 && job.expected.length <= 1024 ? job : null;
}

/** Standard or URL-safe base64, padded or not; passlib's `.` stands for `+`. Throws on anything else. */
function base64(text: string): Uint8Array {
  const normal = text.replace(/\./g, '+').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(normal) || normal.length % 4 === 1) throw new Error('not base64');
  return new Uint8Array(Buffer.from(normal, 'base64'));
}

function hex(text: string): Uint8Array {
  if (text.length % 2 !== 0) throw new Error('not hex');
  return new Uint8Array(Buffer.from(text, 'hex'));
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The PHC prefix every hash made with `params` starts with. */
export function argon2idPrefix(params: Argon2Params): string {
  return `$argon2id$v=19$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}$`;
}
