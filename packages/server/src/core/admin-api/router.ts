import type { HttpMethod } from '@latch/protocol';
import type { ServerContext } from '../flows/context';
import type { BodyReader } from '../http/body-reader';
import { matchRoute, type CompiledRoute } from '../http/router';
import type { SecretKeyRecord } from '../store/records';

/** One admin API request: authenticated by a secret key, with no client and no cookies. */
export interface AdminRequestContext extends ServerContext {
  request: Request;
  /** For the query string of list routes. */
  url: URL;
  /** The route's decoded `:id` segment, or ''. */
  id: string;
  body: BodyReader;
  /** The secret key the request was made with. */
  secretKey: SecretKeyRecord;
}

/** Returns the response body, sent as JSON with status 200; throw `fail(…)` for an error. */
export type AdminRouteHandler = (ctx: AdminRequestContext) => Promise<unknown>;

/**
 * A group of admin routes: a table of `'METHOD /v1/admin/…'` paths (usually
 * from @latch/protocol, with at most one `:id`) and a handler for each. The
 * type makes a route without a handler an error.
 */
export interface AdminRouteModule<N extends string = string> {
  routes: Readonly<Record<N, string>>;
  handlers: Readonly<Record<N, AdminRouteHandler>>;
}

/** Helps TypeScript check that `handlers` covers `routes` exactly. */
export function defineAdminRoutes<N extends string>(module: AdminRouteModule<N>): AdminRouteModule<N> {
  return module;
}

/** Matches a request to the routes of every module; throws at start-up when two modules claim one route. */
export function createAdminRouter(modules: readonly AdminRouteModule[]): (method: string, pathname: string) => { id: string; handler: AdminRouteHandler } {
  const routes: CompiledRoute<AdminRouteHandler>[] = [];
  const seen = new Set<string>();
  for (const module of modules) {
    for (const [name, route] of Object.entries<string>(module.routes)) {
      const [method, template] = route.split(' ') as [HttpMethod, string];
      if (!template.startsWith('/v1/admin/')) throw new Error(`Admin route ${name} (${route}) must be under /v1/admin/`);
      if (seen.has(route)) throw new Error(`Admin route ${route} is registered twice`);
      seen.add(route);
      const handler = module.handlers[name];
      if (!handler) throw new Error(`Admin route ${name} has no handler`);
      routes.push({ method, segments: template.split('/'), entry: handler });
    }
  }
  return (method, pathname) => {
    const { entry, id } = matchRoute(routes, method, pathname);
    return { id: id ?? '', handler: entry };
  };
}
