import { parseRoute, Routes, type HttpMethod, type RouteName } from '@latch/protocol';
import { fail } from '../errors';

export interface RouteMatch<T> {
  name: RouteName;
  /** The decoded `:id` segment, when the route has one. */
  id: string | undefined;
  entry: T;
}

export interface CompiledRoute<T> {
  method: HttpMethod;
  /** The path template split at '/', e.g. ['', 'v1', 'me', 'email_addresses', ':id']. */
  segments: string[];
  entry: T;
}

/**
 * Builds a matcher from the protocol's route table, so a path is spelled in
 * one place. Asking for a table entry per route name makes a missing handler a
 * type error.
 */
export function createRouter<T>(entries: Record<RouteName, T>): (method: string, pathname: string) => RouteMatch<T> {
  const routes = (Object.keys(Routes) as RouteName[]).map((name) => {
    const { method, template } = parseRoute(name);
    return { method, segments: template.split('/'), entry: { name, entry: entries[name] } };
  });
  return (method, pathname) => {
    const { entry, id } = matchRoute(routes, method, pathname);
    return { name: entry.name, id, entry: entry.entry };
  };
}

/** The route for this method and path; 405 (with the allowed methods) for a known path, else 404. */
export function matchRoute<T>(routes: readonly CompiledRoute<T>[], method: string, pathname: string): { entry: T; id: string | undefined } {
  const segments = pathname.split('/');
  const allowed: HttpMethod[] = [];
  for (const route of routes) {
    const id = matchSegments(route.segments, segments);
    if (id === false) continue;
    if (route.method === method) return { entry: route.entry, id };
    allowed.push(route.method);
  }
  if (allowed.length > 0) throw new MethodNotAllowed(allowed);
  throw fail('resource_not_found');
}

/** Thrown for a known path with the wrong method; carries the `Allow` list. */
export class MethodNotAllowed extends Error {
  constructor(readonly allowed: HttpMethod[]) {
    super('Method not allowed');
  }
}

/** `undefined` for a match without `:id`, the id for one with it, false for no match. */
function matchSegments(template: string[], actual: string[]): string | undefined | false {
  if (template.length !== actual.length) return false;
  let id: string | undefined;
  for (const [index, part] of template.entries()) {
    const value = actual[index] ?? '';
    if (part === ':id') {
      id = decodeSegment(value);
      if (!id) return false;
    } else if (part !== value) {
      return false;
    }
  }
  return id;
}

/**
 * The decoded id, or undefined (so: 404) when it is empty, not valid
 * percent-encoded UTF-8, or holds a control character: no id we issue has
 * one, and a NUL would otherwise reach the database (PostgreSQL refuses it
 * in text, which used to surface as a 500).
 */
function decodeSegment(value: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  return decoded && !/[\u0000-\u001f\u007f-\u009f]/.test(decoded) ? decoded : undefined;
}
