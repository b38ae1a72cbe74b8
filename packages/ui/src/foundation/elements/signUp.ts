/** Element keys owned by the signUp component (append-only; each becomes the class `latch-<key>`). */
export const signUpElements = [
  // First and last name side by side (they wrap to one per line on narrow cards).
  'signUpNameRow',
  // The terms and privacy links inside the consent checkbox's label.
  'signUpLegalLink',
] as const;
