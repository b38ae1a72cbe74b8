/**
 * The passkey routes. Apart from `ClientRoutes`, and an entry of their own
 * (`@latch/protocol/passkey-routes`), so that an app pays for these strings
 * only when it uses a passkey: @latch/client's passkey code, loaded on
 * demand, imports this file alone (a bundler splits by file: importing the
 * package's main entry there would move all of it into a shared chunk).
 * Renaming and removing a passkey need no WebAuthn code, so the client's
 * `Passkey` resource spells those two paths out instead of loading it.
 *
 * Signing in with a passkey uses the sign-in routes: `signInCreate` with
 * `{ strategy: 'passkey', credential }` (discoverable, usernameless: signs in
 * at once) or `signInAttemptFirstFactor` with the same body (after an
 * identifier: the passkey must be that account's).
 */
export const PasskeyRoutes = {
  /**
   * A single-use challenge for a passkey sign-in, bound to this client, for 5
   * minutes. Body `{ signInId? }`: the sign-in in progress, for its account's
   * allow-list (empty with enumeration protection on). Answers `PasskeyRequestOptionsJSON`.
   */
  signInPasskeyOptions: 'POST /v1/client/sign_ins/passkey_options',
  /** A single-use registration challenge for the session's user (step-up required). Answers `PasskeyCreationOptionsJSON`. */
  mePasskeyOptions: 'POST /v1/me/passkeys/options',
  /** Stores the passkey the browser made for those options. Body `PasskeyCreateBody`; answers `PasskeyJSON`. */
  mePasskeyCreate: 'POST /v1/me/passkeys',
  /** Renames a passkey. Body `PasskeyUpdateBody`; answers `PasskeyJSON`. */
  mePasskeyUpdate: 'PATCH /v1/me/passkeys/:id',
  /** Removes a passkey (step-up required). Answers `DeletedJSON`. */
  mePasskeyDelete: 'DELETE /v1/me/passkeys/:id',
} as const;

export type PasskeyRouteName = keyof typeof PasskeyRoutes;
