/**
 * English strings of sign-in, sign-up and email verification by emailed link,
 * reached as 'emailLink.<key>' through t(). Shared by SignIn, SignUp and
 * UserProfile, and shipped with the code that shows them (loaded on demand),
 * not with each component's first paint; the one button that starts a link
 * flow from a sign-in step has its label in signIn.ts.
 */
export const emailLink = {
  /** The "check your email" step while the original tab waits for the link to be opened. */
  waiting: {
    title: 'Check your email',
    signInText: 'Select the link in the email we sent to {{emailAddress}} to sign in. This page continues by itself.',
    signUpText: 'Select the link in the email we sent to {{emailAddress}} to verify it. This page continues by itself.',
    profileText: 'Select the link in the email we sent to {{emailAddress}}. This panel updates by itself.',
    /** Beside a spinner while nothing has happened yet; announced once. */
    status: 'Waiting for you to open the link…',
    resend: 'Resend link',
    /** The resend button while it waits; `{{seconds}}` counts down. */
    resendIn: 'Resend link in {{seconds}} s',
    resent: 'We sent you a new link.',
    useAnotherMethod: 'Use another method',
    useCode: 'Use a code instead',
    /** The link of this attempt is out of date (expired, or too many tries): a new one is needed. */
    expired: 'The link has expired. Send a new one.',
  },
  /** The app page the emailed link opens: nothing happens until the person chooses to continue. */
  verify: {
    signInTitle: 'Sign in to {{applicationName}}',
    signUpTitle: 'Verify your email address',
    emailTitle: 'Verify your email address',
    signInText: 'You opened a sign-in link for {{emailAddress}}.',
    signUpText: 'You opened a link to verify {{emailAddress}} and finish signing up.',
    emailText: 'You opened a link to verify {{emailAddress}} for your account.',
    /** The primary button: the token is sent only when it is pressed. */
    continueAs: 'Continue as {{emailAddress}}',
    verifyAction: 'Verify {{emailAddress}}',
    /** Which browser asked for the link (e.g. "Firefox, Linux"), so the person can tell whether it was them. */
    requestedFrom: 'Requested from {{device}}.',
    checking: 'Checking the link…',
  },
  /** The link was used in another browser than the one that asked for it. */
  elsewhere: {
    title: 'Return to your original tab',
    signInText: 'You are now signed in on the device where you asked for this link. Go back to that tab to continue; you can close this one.',
    signUpText: 'Your email address is verified. Go back to the tab where you signed up to continue; you can close this one.',
    emailText: 'Your email address is verified. Go back to the tab you came from; you can close this one.',
    /** Why the link did not sign in this browser (the instance's safe default). */
    why: 'For your safety, a link signs in only the browser that asked for it: someone who gets hold of the email cannot use it to sign in anywhere else.',
  },
  /** A link that cannot be used (the message says why, by error code), and the way forward. */
  failed: {
    title: 'This link can’t be used',
    signInAgain: 'Sign in again',
    signUpAgain: 'Sign up again',
    back: 'Go to your account',
  },
  verified: {
    title: 'Email address verified',
    text: '{{emailAddress}} is verified.',
  },
};

/**
 * The API errors only email links meet, by code (reached as `errors.<code>`):
 * they ship with the link parts, which lay them under the component's `errors`.
 */
export const emailLinkErrors = {
  email_link_invalid: 'This link is not valid. Ask for a new one.',
  email_link_expired: 'This link has expired. Ask for a new one.',
  email_link_used: 'This link was already used. Ask for a new one if you still need it.',
  email_link_client_mismatch: 'This link was opened in another browser, and you continued there.',
};
