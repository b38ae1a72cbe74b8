/** Element keys owned by the signIn component (append-only; each becomes the class `latch-<key>`). */
export const signInElements = [
  // Account chooser: each account's name and email beside its avatar, and "Add account".
  'signInAccountText',
  'signInAccountName',
  'signInAccountIdentifier',
  'signInAddAccountButton',
  // The resend line under a code field (the button, or its countdown while it waits).
  'signInResendBox',
  // The card's body while the client loads.
  'signInLoadingBox',
] as const;
