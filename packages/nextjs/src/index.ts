// The App Router, on the server: server components, route handlers, server actions.
export { auth, currentUser, type AppRouterAuth } from './app-router';
export { LatchProvider, type LatchProviderProps } from './provider';
export type { LatchAuthState, SignedInAuthState } from './auth-object';
export { LatchConfigurationError, type LatchNextOptions } from './config';
