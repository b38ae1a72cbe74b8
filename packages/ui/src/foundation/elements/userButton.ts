/**
 * Element keys owned by the userButton component (append-only; each becomes the class `latch-<key>`).
 * The trigger, popover card and action keys are in the common list; these style the
 * identity block (popover header and each other account) and the account actions.
 */
export const userButtonElements = [
  'userButtonPopoverIdentity',
  'userButtonPopoverIdentityName',
  'userButtonPopoverIdentityEmail',
  'userButtonPopoverAccounts',
] as const;
