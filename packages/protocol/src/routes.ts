import { PasskeyRoutes } from './passkeys';

/**
 * The frontend API routes a browser calls: all that @latch/client ships (an
 * app pays for these strings, not for the rest of the table).
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
  /** Sends an email code for `email_code` reverification. */
  meReverificationPrepare: 'POST /v1/me/reverification/prepare',
  /** Proves the user again; sensitive actions are then allowed for a while. */
  meReverificationAttempt: 'POST /v1/me/reverification/attempt',
} as const;

/** Frontend API routes no browser client calls: reads the client does not need, and those for app servers. */
const serverRoutes = {
  signInGet: 'GET /v1/client/sign_ins/:id',
  signUpGet: 'GET /v1/client/sign_ups/:id',
  /**
   * For app servers, not browsers: is the session a session JWT names still
   * active? Body `{ token }` (the JWT); answers `SessionStatusJSON`. Lets an
   * app that verifies tokens itself sign out a revoked session at once
   * instead of when its last token expires.
   */
  sessionStatus: 'POST /v1/sessions/status',
  me: 'GET /v1/me',
  jwks: 'GET /.well-known/jwks.json',
} as const;

/**
 * The frontend API's routes. The server's router and the clients both read
 * this table, so a path is written once. `:id` segments are filled with
 * `path()`. A pure call, so a bundle that reads only `ClientRoutes` leaves it out.
 */
export const Routes = /* @__PURE__ */ Object.assign({}, ClientRoutes, PasskeyRoutes, serverRoutes);

export type RouteName = keyof typeof Routes;
export type ClientRouteName = keyof typeof ClientRoutes;
/** A route spelled out, `'POST /v1/client/sign_ins'`, checked against the table. */
export type RouteSpec = (typeof Routes)[RouteName];
/**
 * What the browser client sends a request by: a `ClientRoutes` name, or the
 * route spelled out, as code loaded on demand (passkeys) does so that its
 * routes stay out of every app's first bundle.
 */
export type ClientRouteRef = ClientRouteName | RouteSpec;
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Splits a route into its method and path template. */
export function parseRoute(name: RouteName): { method: HttpMethod; template: string } {
  return split(Routes[name]);
}

/** Fills the `:id` segment of a route's path, escaping the value. */
export function path(name: RouteName, id?: string): string {
  return fill(name, split(Routes[name]).template, id);
}

/** A route the browser client calls: its method, and its path with the `:id` segment filled. */
export function clientRoute(name: ClientRouteRef, id?: string): { method: HttpMethod; path: string } {
  const [method, template] = (ClientRoutes[name as ClientRouteName] ?? name).split(' ') as [HttpMethod, string];
  return { method, path: fill(name, template, id) };
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
