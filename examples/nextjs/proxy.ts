import { createRouteMatcher, latchMiddleware } from '@latch/nextjs/middleware';

// Next 16 runs proxy.ts before every matched request (Next 15: middleware.ts, same code).
const isProtected = createRouteMatcher(['/posts(.*)', '/api/posts(.*)']);

export default latchMiddleware((auth, request) => {
  if (isProtected(request)) return auth.protect();
});

// Next reads this as a literal, so it is copied from @latch/nextjs/middleware's `config`:
// everything but Next's build output, its image optimizer and static files.
export const config = {
  matcher: ['/((?!_next/static|_next/image|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|woff2?|ttf|otf|webmanifest)$).*)'],
};
