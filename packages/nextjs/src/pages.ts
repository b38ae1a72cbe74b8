// The Pages Router: API routes and getServerSideProps. The provider for `_app` is in @latch/nextjs/client.
export { getAuth, buildLatchProps, type LatchPageProps, type PagesContext, type PagesRequest } from './pages-router';
export type { LatchAuthState, SignedInAuthState } from './auth-object';
export { LatchConfigurationError, type LatchNextOptions } from './config';
