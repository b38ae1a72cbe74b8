import type { RequestContext } from './context';

/**
 * What a route hands back. `api` replies are wrapped as `{ response, client }`
 * with the client as it stands after the route ran; `raw` ones — the token
 * and JWKS routes — go out as they are.
 */
export type Reply =
  | { kind: 'api'; response: unknown }
  /** The client itself is the response (`GET`/`DELETE /v1/client`). */
  | { kind: 'client'; withEnvironment: boolean }
  | { kind: 'raw'; body: unknown }
  /** 303 See Other to `location` (the form_post route sends the browser on to the app page). */
  | { kind: 'redirect'; location: string };

export type RouteHandler = (ctx: RequestContext) => Promise<Reply>;

export function api(response: unknown): Reply {
  return { kind: 'api', response };
}

export function raw(body: unknown): Reply {
  return { kind: 'raw', body };
}
