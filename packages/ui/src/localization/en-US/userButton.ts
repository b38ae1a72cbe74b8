/** English strings of the userButton component, reached as 'userButton.<key>' through t(). */
export const userButton = {
  /** The trigger's accessible name (the issue fixes it in en-US). */
  trigger: 'Open user menu',
  /** The popover dialog's accessible name. */
  popoverLabel: 'User menu',
  manageAccount: 'Manage account',
  /** The name of the modal dialog that shows the profile. */
  profileModalLabel: 'Manage account',
  signOut: 'Sign out',
  /** Label of the list of the other signed-in accounts (multi-session). */
  otherAccounts: 'Other accounts',
  /** Accessible name of the button that makes another account the active one. */
  switchAccount: 'Switch to {{name}}',
  addAccount: 'Add account',
  signOutAll: 'Sign out of all accounts',
};
