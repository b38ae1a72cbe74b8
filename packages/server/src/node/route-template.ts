import { AdminRoutes, Routes, type HttpMethod } from '@latch/protocol';
import { matchRoute, MethodNotAllowed, type CompiledRoute } from '../core/http/router';

/** Each route of a table with its template as the entry. */
function compile(table: Record<string, string>): CompiledRoute<string>[] {
  return Object.values(table).map((route) => {
    const [method, template] = route.split(' ') as [HttpMethod, string];
    return { method, segments: template.split('/'), entry: template };
  });
}

const frontendRoutes = compile(Routes);
const adminRoutes = compile(AdminRoutes);

/**
 * The route template of a request (`/v1/client/sign_ins/:id`), never the raw
 * path, so logs group by endpoint and carry no ids. A known path with another
 * method (a preflight, a 405) still logs its template; unknown paths log as
 * `unknown`, not as whatever a scanner asked for.
 */
export function routeTemplate(method: string, pathname: string): string {
  return templateIn(frontendRoutes, method, pathname) ?? templateIn(adminRoutes, method, pathname) ?? 'unknown';
}

function templateIn(routes: CompiledRoute<string>[], method: string, pathname: string): string | null {
  try {
    return matchRoute(routes, method, pathname).entry;
  } catch (error) {
    const known = error instanceof MethodNotAllowed ? error.allowed[0] : undefined;
    return known ? matchRoute(routes, known, pathname).entry : null;
  }
}
