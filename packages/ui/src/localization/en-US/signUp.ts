/**
 * English strings of the signUp component, reached as 'signUp.<key>' through t().
 * Field labels, password hints, validation and API errors are shared: see common.ts.
 */
export const signUp = {
  start: {
    title: 'Create your account',
    subtitle: 'to continue to {{applicationName}}',
    footerText: 'Already have an account?',
    footerAction: 'Sign in',
    /** The instance does not take new accounts (environment `signUp.enabled` is false). */
    disabled: 'Sign-ups are closed for now.',
  },
  legal: {
    /**
     * The consent checkbox's label. `{{termsLink}}` and `{{privacyLink}}` become
     * links whose text is `terms` and `privacy`; move them where the language wants.
     */
    termsAndPrivacy: 'I agree to the {{termsLink}} and the {{privacyLink}}',
    termsOnly: 'I agree to the {{termsLink}}',
    privacyOnly: 'I agree to the {{privacyLink}}',
    terms: 'Terms of Service',
    privacy: 'Privacy Policy',
    /** Read after each link's text by screen readers (the links open a new tab). */
    newTab: '(opens in a new tab)',
    required: 'Accept the terms to continue.',
  },
  verify: {
    title: 'Verify your email',
    subtitle: 'Enter the code we sent to your email address.',
    /** Accessible name of the "Edit" button beside the email; it starts with the visible text. */
    editEmail: 'Edit email address',
    resend: 'Resend code',
    /** The resend button while it waits; `{{seconds}}` counts down. */
    resendIn: 'Resend code in {{seconds}} s',
    resent: 'We sent a new code to {{emailAddress}}.',
    /** When the instance offers both a code and a link. */
    useLink: 'Email me a link instead',
  },
};
