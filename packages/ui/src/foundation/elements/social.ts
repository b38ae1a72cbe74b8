/**
 * Element keys of social sign-in (append-only; each becomes the class
 * `latch-<key>`): the provider buttons of SignIn and SignUp, their
 * sso-callback step, and UserProfile's connected accounts.
 */
export const socialElements = [
  // The provider buttons: their group, each variant's button, its icon and text, the "Last used" badge.
  'socialButtons',
  'socialButtonsBlockButton',
  'socialButtonsIconButton',
  'socialButtonsProviderIcon',
  'socialButtonsBlockButtonText',
  'socialButtonsLastUsedBadge',
  // The page the provider sends the browser back to: its spinner box while the code is exchanged.
  'ssoCallbackBox',
  // UserProfile → Account → Connected accounts: the provider list to connect another.
  'connectedAccountsProviderList',
  'connectedAccountsProviderButton',
] as const;
