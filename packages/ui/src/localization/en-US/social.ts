/**
 * English strings of social sign-in (OAuth / OpenID Connect providers),
 * reached as 'social.<key>' through t(). They ship with the on-demand chunks
 * that render the provider buttons, the sso-callback step and the connected
 * accounts, not with the components' first load.
 */
export const social = {
  /** A provider button's accessible name (and its text in the block variant). */
  continueWith: 'Continue with {{provider}}',
  /** Badge on the provider (or form) this browser signed in with last time. */
  lastUsed: 'Last used',
  /** Names the group of provider buttons. */
  providersLabel: 'Sign in with a provider',
  callback: {
    title: 'Signing you in',
    subtitle: 'Finishing up with your provider…',
    errorTitle: 'Sign-in did not finish',
    retry: 'Try again',
    back: 'Back to sign in',
    backToSignUp: 'Back to sign up',
  },
  transfer: {
    /** The provider's account is new here: on to sign-up, or back. */
    signUpTitle: 'Create your account',
    signUpText: 'No account uses this {{provider}} account yet. Complete the details below to create one.',
    /** The email is another account's: prove that account before linking. */
    verifyTitle: 'Confirm it’s your account',
    verifyText: 'An account with {{emailAddress}} already exists. Sign in to it once to connect {{provider}}.',
  },
  connected: {
    title: 'Connected accounts',
    connect: 'Connect account',
    chooseTitle: 'Connect an account',
    chooseText: 'Choose the provider to connect. You will sign in there and come back here.',
    connectWith: 'Connect {{provider}}',
    none: 'No accounts connected yet.',
    verified: 'Verified',
    needsReconnect: 'Needs reconnecting',
    reconnect: 'Reconnect',
    remove: 'Remove',
    removeTitle: 'Remove {{provider}}?',
    removeText: 'You will no longer be able to sign in with this {{provider}} account.',
    removed: '{{provider}} has been removed.',
    connected: '{{provider}} is now connected.',
  },
};

/**
 * The API errors only social sign-in meets, by code (reached as `errors.<code>`):
 * they ship with the social parts, which lay them under the component's `errors`.
 */
export const socialErrors = {
  oauth_provider_disabled: 'This sign-in provider is not available.',
  oauth_redirect_url_invalid: 'This sign-in can’t return to this page.',
  oauth_access_denied: 'Access was not granted. Try again.',
  oauth_state_invalid: 'This sign-in is no longer valid. Start again.',
  oauth_attempt_expired: 'This sign-in took too long. Start again.',
  oauth_callback_invalid: 'The provider’s answer could not be verified. Start again.',
  oauth_provider_unavailable: 'The provider can’t be reached. Try again in a moment.',
  oauth_email_in_use: 'This email belongs to another account. Sign in to it, then connect this provider.',
  external_account_exists: 'This account is already connected to another user.',
  external_account_not_found: 'No account is connected to this provider account.',
  external_account_last_sign_in_method: 'You can’t remove your last way to sign in.',
  external_account_mismatch: 'The provider returned a different account.',
};
