import { PasskeyRoutes } from './passkeys';
import { EmailLinkRoutes, ReadRoutes } from './email-links';

/**
 * The frontend API routes a browser calls. @latch/client names each one it
 * uses spelled out (`RouteSpec`), so an app ships those paths and neither
 * these names nor the rest of the table.
 */
export const ClientRoutes = {
  environment: 'GET /v1/environment',
  client: 'GET /v1/client',
  /** Signs out every session of this client. */
  clientDelete: 'DELETE /v1/client',

  signInCreate: 'POST /v1/client/sign_ins',
  signInPrepareFirstFactor: 'POST /v1/client/sign_ins/:id/prepare_first_factor',
  signInAttemptFirstFactor: 'POST /v1/client/sign_ins/:id/attempt_first_factor',
  signInPrepareSecondFactor: 'POST /v1/client/sign_ins/:id/prepare_second_factor',
  signInAttemptSecondFactor: 'POST /v1/client/sign_ins/:id/attempt_second_factor',
  signInResetPassword: 'POST /v1/client/sign_ins/:id/reset_password',

  signUpCreate: 'POST /v1/client/sign_ups',
  signUpUpdate: 'PATCH /v1/client/sign_ups/:id',
  signUpPrepareVerification: 'POST /v1/client/sign_ups/:id/prepare_verification',
  signUpAttemptVerification: 'POST /v1/client/sign_ups/:id/attempt_verification',

  /** The `sso-callback` page POSTs what the provider's redirect brought (`OAuthCallbackBody`); answers `OAuthCallbackJSON`. */
  oauthCallback: 'POST /v1/client/oauth_callback',

  sessionToken: 'POST /v1/client/sessions/:id/tokens',
  sessionTouch: 'POST /v1/client/sessions/:id/touch',
  sessionEnd: 'POST /v1/client/sessions/:id/end',

  meUpdate: 'PATCH /v1/me',
  meDelete: 'DELETE /v1/me',
  meEmailCreate: 'POST /v1/me/email_addresses',
  meEmailPrepareVerification: 'POST /v1/me/email_addresses/:id/prepare_verification',
  meEmailAttemptVerification: 'POST /v1/me/email_addresses/:id/attempt_verification',
  meEmailMakePrimary: 'POST /v1/me/email_addresses/:id/make_primary',
  meEmailDelete: 'DELETE /v1/me/email_addresses/:id',
  mePassword: 'POST /v1/me/change_password',
  meTotpCreate: 'POST /v1/me/totp',
  meTotpVerify: 'POST /v1/me/totp/attempt_verification',
  meTotpDelete: 'DELETE /v1/me/totp',
  meBackupCodes: 'POST /v1/me/backup_codes',
  meSessions: 'GET /v1/me/sessions',
  meSessionRevoke: 'POST /v1/me/sessions/:id/revoke',
  /** Starts connecting a provider account to the user (step-up required); answers `PendingExternalAccountJSON`. */
  meExternalAccountCreate: 'POST /v1/me/external_accounts',
  /** Runs the provider's consent again for a linked account whose consent expired; answers `PendingExternalAccountJSON`. */
  meExternalAccountReauthorize: 'POST /v1/me/external_accounts/:id/reauthorize',
  /** Unlinks a provider account (step-up required); refused for the last way to sign in. */
  meExternalAccountDelete: 'DELETE /v1/me/external_accounts/:id',
  /** Sends an email code for `email_code` reverification. */
  meReverificationPrepare: 'POST /v1/me/reverification/prepare',
  /** Proves the user again; sensitive actions are then allowed for a while. */
  meReverificationAttempt: 'POST /v1/me/reverification/attempt',
} as const;

/** Frontend API routes for app servers, which no browser client calls. */
const serverRoutes = {
  /**
   * For app servers, not browsers: is the session a session JWT names still
   * active? Body `{ token }` (the JWT); answers `SessionStatusJSON`. Lets an
   * app that verifies tokens itself sign out a revoked session at once
   * instead of when its last token expires.
   */
  sessionStatus: 'POST /v1/sessions/status',
  me: 'GET /v1/me',
  /**
   * For providers that answer by `form_post` (Apple), not for scripts: takes
   * the provider's `application/x-www-form-urlencoded` POST and 303-redirects
   * the browser to the attempt's app page with the same `code`, `state`
   * (or `error`) in the query. Register `<frontend API>/v1/oauth/form_post`
   * as such a provider's redirect URL.
   */
  oauthFormPost: 'POST /v1/oauth/form_post',
  jwks: 'GET /.well-known/jwks.json',
} as const;

/**
 * The frontend API's routes. The server's router and the clients both read
 * this table, so a path is written once. `:id` segments are filled with
 * `path()`. A pure call, so a bundle that reads only `ClientRoutes` leaves it out.
 */
// Nested: Object.assign is typed for at most three sources.
export const Routes = /* @__PURE__ */ Object.assign({}, ClientRoutes, /* @__PURE__ */ Object.assign({}, PasskeyRoutes, EmailLinkRoutes), /* @__PURE__ */ Object.assign({}, ReadRoutes, serverRoutes));

export type RouteName = keyof typeof Routes;
export type ClientRouteName = keyof typeof ClientRoutes;
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Splits a route into its method and path template. */
export function parseRoute(name: RouteName): { method: HttpMethod; template: string } {
  return split(Routes[name]);
}

/** Fills the `:id` segment of a route's path, escaping the value. */
export function path(name: RouteName, id?: string): string {
  return fill(name, split(Routes[name]).template, id);
}

/**
 * A route spelled out, `'POST /v1/client/sign_ins'`: how @latch/client names
 * the routes it calls. Checked against the table, yet a bundle carries each
 * path once and no table of names.
 */
export type RouteSpec = (typeof Routes)[RouteName];

/** A route the browser client calls: its method, and its path with the `:id` segment filled. */
export function clientRoute(route: RouteSpec, id?: string): { method: HttpMethod; path: string } {
  const { method, template } = split(route);
  return { method, path: fill(route, template, id) };
}

function split(route: string): { method: HttpMethod; template: string } {
  const [method, template] = route.split(' ') as [HttpMethod, string];
  return { method, template };
}

function fill(name: string, template: string, id: string | undefined): string {
  if (!template.includes(':id')) return template;
  if (id === undefined) throw new Error(`Route ${name} needs an id`);
  return template.replace(':id', encodeURIComponent(id));
}

/** Header that carries the client token when cookies cannot (cross-site, native, mock). */
export const CLIENT_TOKEN_HEADER = 'authorization';
/** Response header with a freshly issued or rotated client token (header mode). */
export const CLIENT_TOKEN_RESPONSE_HEADER = 'latch-client-token';
/** Request header naming the session a `/v1/me…` request acts for; defaults to the client's active one. */
export const SESSION_ID_HEADER = 'latch-session-id';
/** Custom request header required on cookie-authenticated mutations (CSRF defence). */
export const REQUESTED_WITH_HEADER = 'latch-requested-with';
/** Name of the client-token cookie over HTTPS; `__Host-` pins it to one origin. */
export const CLIENT_COOKIE_NAME = '__Host-latch_client';
/** Name used on http://localhost, where `__Host-` cookies are refused. */
export const CLIENT_COOKIE_NAME_INSECURE = 'latch_client';
