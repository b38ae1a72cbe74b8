/** The flow's steps, and their URL segments: with `routing="path" path="/sign-up"`, '/sign-up/verify-email-address'. */
export const signUpSteps = { start: 'start', verify: 'verify-email-address' } as const;
