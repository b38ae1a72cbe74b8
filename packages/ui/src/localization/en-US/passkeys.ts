/**
 * English strings of the passkey parts, reached as 'passkeys.<key>' through
 * t(): the "Sign in with a passkey" button, the offer after sign-in or
 * sign-up, and the profile's Passkeys section. They load on demand with those
 * parts (never in a component's first bundle), under any translation.
 */
export const passkeys = {
  signIn: {
    button: 'Sign in with a passkey',
    /** On the password step, for the account just named. */
    usePasskey: 'Use your passkey',
  },
  offer: {
    title: 'Sign in faster next time',
    subtitle: 'Create a passkey to sign in to {{applicationName}} with your fingerprint, face or screen lock instead of a password.',
    create: 'Create a passkey',
    notNow: 'Not now',
    created: 'Your passkey is ready. Next time, choose “Sign in with a passkey”.',
  },
  profile: {
    title: 'Passkeys',
    text: 'Sign in with your fingerprint, face or screen lock instead of a password.',
    none: 'You have no passkeys yet.',
    add: 'Add a passkey',
    nameTitle: 'Name your passkey',
    nameText: 'A name helps you tell your passkeys apart, for example the device it is on.',
    name: 'Passkey name',
    renameTitle: 'Rename {{name}}',
    rename: 'Rename',
    remove: 'Remove',
    removeTitle: 'Remove {{name}}?',
    removeText: 'You will no longer be able to sign in with this passkey. It stays on your device until you delete it there.',
    created: 'Created {{date}}',
    lastUsed: 'Last used {{date}}',
    /** A passkey with no name, from an authenticator Latch does not know. */
    unnamed: 'Passkey',
    neverUsed: 'Never used',
    added: 'Your passkey has been added.',
    renamed: 'Your passkey has been renamed.',
    removed: '{{name}} has been removed.',
  },
};

/**
 * The API errors only passkeys meet, by code (reached as `errors.<code>`):
 * they ship with the passkey parts, which lay them under the component's `errors`.
 */
export const passkeyErrors = {
  passkey_origin_invalid: 'This passkey can’t be used on this site.',
  passkey_rp_id_invalid: 'This passkey belongs to another site.',
  passkey_challenge_invalid: 'This passkey request has expired. Try again.',
  passkey_not_found: 'We don’t recognize this passkey. Sign in another way.',
  passkey_counter_invalid: 'This passkey can’t be trusted. Use another one, or sign in another way.',
  passkey_verification_failed: 'We couldn’t verify your passkey. Try again.',
  passkey_already_registered: 'This passkey is already added to your account.',
  passkey_not_allowed: 'The passkey request was cancelled or timed out.',
  passkey_not_supported: 'Passkeys aren’t supported on this device or browser.',
};
