import { fail } from '../errors';

/**
 * The ~49k most common passwords, shipped with the package so the check works
 * offline. Loaded on first use, or earlier through `preloadCommonPasswords()`:
 * importing the list decompresses it, which a server that never creates a
 * password should not pay for. In a browser bundle the list is a chunk of its
 * own, fetched when imported: the mock preloads it while the page is online.
 * The Set is immutable once built, so sharing it across server instances is safe.
 */
let commonPasswords: Promise<ReadonlySet<string>> | undefined;

function load(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
    (error: unknown) => {
      // Not cached: the next password tries again (the network may be back).
      commonPasswords = undefined;
      throw error;
    },
  );
  return commonPasswords;
}

/** Starts loading the list now; resolves false (and leaves the next use to try again) if it cannot load. */
export function preloadCommonPasswords(): Promise<boolean> {
  return load().then(
    () => true,
    () => false,
  );
}

/** `paramName` names the field in the error when the list cannot be loaded. */
export async function isCommonPassword(password: string, paramName = 'password'): Promise<boolean> {
  let list: ReadonlySet<string>;
  try {
    list = await load();
  } catch {
    // Never let a password through unchecked: say why it cannot be checked.
    throw fail('password_check_unavailable', { paramName });
  }
  return list.has(password.toLowerCase());
}
