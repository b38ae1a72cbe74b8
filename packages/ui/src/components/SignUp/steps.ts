/**
 * The flow's steps, and their URL segments: with `routing="path" path="/sign-up"`,
 * '/sign-up/verify-email-address'. Social sign-up adds the provider's callback
 * and 'continue' (what the provider did not give).
 */
export const signUpSteps = { start: 'start', verify: 'verify-email-address', ssoCallback: 'sso-callback', continue: 'continue' } as const;
