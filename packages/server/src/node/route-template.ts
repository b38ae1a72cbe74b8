import { parseRoute, Routes, type RouteName } from '@latch/protocol';
import { createRouter, MethodNotAllowed } from '../core/http/router';

const routeNames = Object.fromEntries((Object.keys(Routes) as RouteName[]).map((name) => [name, name])) as Record<RouteName, RouteName>;
const matchRoute = createRouter(routeNames);

const templateOf = (name: RouteName) => parseRoute(name).template;

/**
 * The route template of a request (`/v1/client/sign_ins/:id`), never the raw
 * path, so logs group by endpoint and carry no ids. A known path with another
 * method (a preflight, a 405) still logs its template; unknown paths log as
 * `unknown`, not as whatever a scanner asked for.
 */
export function routeTemplate(method: string, pathname: string): string {
  try {
    return templateOf(matchRoute(method, pathname).name);
  } catch (error) {
    const known = error instanceof MethodNotAllowed ? error.allowed[0] : undefined;
    return known ? templateOf(matchRoute(known, pathname).name) : 'unknown';
  }
}
