// For proxy.ts (Next 16) / middleware.ts (Next 15). Nothing here imports the server core, so the middleware stays small.
export { latchMiddleware, type LatchMiddlewareHandler, type MiddlewareAuth } from './middleware';
export { createRouteMatcher, config } from './route-matcher';
export type { LatchAuthState } from './auth-object';
export { LatchConfigurationError, type LatchNextOptions } from './config';
