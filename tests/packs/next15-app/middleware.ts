import { createRouteMatcher, latchMiddleware } from '@latch/nextjs/middleware';

// Next 15 runs middleware.ts on the edge runtime.
const isProtected = createRouteMatcher(['/posts(.*)', '/api/posts(.*)']);

export default latchMiddleware(
  (auth, request) => {
    if (isProtected(request)) return auth.protect();
  },
  // Only the test sets this: a middleware deployed with another secret than the app.
  { secret: process.env.LATCH_MIDDLEWARE_SECRET || undefined },
);

// The default matcher, minus /unguarded (a page the middleware does not run for, on purpose).
export const config = {
  matcher: ['/((?!_next/static|_next/image|unguarded|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|woff2?|ttf|otf|webmanifest)$).*)'],
};
