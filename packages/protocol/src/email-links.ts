/**
 * What only the email-link code of a client needs, in a module of its own
 * (also the `@latch/protocol/email-links` entry): a client loads that code on
 * demand, and bundlers place code by module, so these strings travel with it
 * rather than in every app's first chunk.
 */

/**
 * The app's verify page calls these with the token from the link
 * (`?latch_link=…`, `EMAIL_LINK_PARAM`), body `EmailLinkBody`. Both are POSTs
 * so the token stays out of URLs and logs; only `verify` uses the link up: a
 * mail scanner that GETs the emailed page, or even runs its script, burns nothing.
 */
export const EmailLinkRoutes = {
  /** Reads what the link is for (`EmailLinkJSON`), without using it. */
  emailLinkInspect: 'POST /v1/email_links/inspect',
  /** Uses the link (`EmailLinkVerifiedJSON`): single use. */
  emailLinkVerify: 'POST /v1/email_links/verify',
} as const;

/**
 * Reads of one attempt or of the user, which the browser client calls only
 * while an email-link flow waits (polling); app servers may call them too.
 */
export const ReadRoutes = {
  signInGet: 'GET /v1/client/sign_ins/:id',
  signUpGet: 'GET /v1/client/sign_ups/:id',
  me: 'GET /v1/me',
} as const;

/** The query parameter of the emailed URL that carries the link's token. */
export const EMAIL_LINK_PARAM = 'latch_link';
