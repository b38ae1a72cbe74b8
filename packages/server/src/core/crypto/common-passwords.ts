/**
 * The ~49k most common passwords, shipped with the package so the check works
 * offline. Loaded on first use: importing the list decompresses it, which a
 * mock that never creates a password should not pay for. The Set is immutable
 * once built, so sharing it across server instances is safe.
 */
let commonPasswords: Promise<ReadonlySet<string>> | undefined;

export async function isCommonPassword(password: string): Promise<boolean> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return (await commonPasswords).has(password.toLowerCase());
}
