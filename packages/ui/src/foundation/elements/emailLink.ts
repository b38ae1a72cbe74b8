/** Element keys of the email-link steps that SignIn, SignUp and UserProfile share (append-only; each becomes the class `latch-<key>`). */
export const emailLinkElements = [
  // "Waiting for you to open the link…" beside a spinner, while the original tab waits.
  'emailLinkStatus',
  // The verify page's smaller print: which browser asked for the link, why this one is not signed in.
  'emailLinkNote',
] as const;
