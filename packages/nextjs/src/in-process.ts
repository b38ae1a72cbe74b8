/**
 * Latch servers running inside this process (`createLatchRouteHandler`), by
 * issuer, so the code that verifies session tokens can ask the store whether
 * a session still holds instead of asking over HTTP. On `globalThis`, not in
 * a module variable: Next bundles the middleware, the pages and the route
 * handlers apart, each with its own copy of this module, in one Node process.
 * The edge runtime has a global of its own, so there it is always empty.
 */
export type SessionActiveCheck = (sessionId: string) => Promise<boolean>;

const registryKey = Symbol.for('@latch/nextjs.in-process-servers');

export function inProcessServers(): Map<string, SessionActiveCheck> {
  const global = globalThis as { [registryKey]?: Map<string, SessionActiveCheck> };
  return (global[registryKey] ??= new Map());
}
