/**
 * English strings of the signIn component, reached as 'signIn.<key>' through t().
 * Field labels ("Email address", "Password", "Verification code"…) and the
 * primary button ("Continue", `formButtonPrimary`) are shared and live in common.
 */
export const signIn = {
  start: {
    title: 'Sign in',
    subtitle: 'to continue to {{applicationName}}',
    /** The identifier's label when the instance accepts usernames as well as email addresses. */
    emailOrUsername: 'Email address or username',
    signUpText: 'Don’t have an account?',
    signUpAction: 'Sign up',
  },
  password: {
    title: 'Enter your password',
    subtitle: 'to continue to {{applicationName}}',
    forgotPassword: 'Forgot password?',
    useAnotherMethod: 'Use another method',
  },
  emailCode: {
    title: 'Check your email',
    subtitle: 'Enter the code we sent to your email address',
    usePassword: 'Use your password',
  },
  forgotPassword: {
    title: 'Reset your password',
    subtitle: 'Enter the code we sent to your email address',
  },
  /** Beside "Use another method" on the password and code steps, when the instance sends sign-in links. */
  useEmailLink: 'Email me a link',
  resend: {
    action: 'Resend code',
    /** The resend button while it waits; `{{seconds}}` counts down. */
    wait: 'Resend code in {{seconds}} s',
    sent: 'We sent you a new code.',
  },
  resetPassword: {
    title: 'Set a new password',
    subtitle: 'Choose a password you don’t use anywhere else',
    signOutOfOtherSessions: 'Sign out of other devices',
  },
  secondFactor: {
    title: 'Two-step verification',
    totpSubtitle: 'Enter the code from your authenticator app',
    backupCodeSubtitle: 'Enter one of the backup codes you saved',
    useBackupCode: 'Use a backup code',
    useTotp: 'Use your authenticator app',
  },
  chooseAccount: {
    title: 'Choose an account',
    subtitle: 'to continue to {{applicationName}}',
    addAccount: 'Add account',
  },
};
