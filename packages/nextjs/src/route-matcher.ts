/** What the matchers read: a Next request, or anything with a URL. */
export interface RequestWithUrl {
  nextUrl?: URL;
  url: string;
}

/**
 * `createRouteMatcher(['/posts(.*)', '/api/posts(.*)'])` → a predicate over
 * requests. Each string is a regular expression over the whole pathname, as
 * in Next's `config.matcher`, with `:name` for one path segment.
 */
export function createRouteMatcher(patterns: ReadonlyArray<string | RegExp>): (request: RequestWithUrl) => boolean {
  const expressions = patterns.map((pattern) =>
    typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`) : pattern,
  );
  return (request) => {
    const pathname = (request.nextUrl ?? new URL(request.url)).pathname;
    return expressions.some((expression) => expression.test(pathname));
  };
}

/** Files that never need auth: Next's build output, its image optimizer, and public files by extension. */
export const staticFilePattern = /^\/_next\/(?:static|image)(?:\/|$)|\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|woff2?|ttf|otf|webmanifest)$/i;

/**
 * The matcher for `proxy.ts` / `middleware.ts`. Next reads `config` from that
 * file as a literal, so copy it there (the README has it); this export is the
 * reference the tests hold the example to. `latchMiddleware()` skips the same
 * files at run time too, should a wider matcher send them.
 */
export const config = {
  matcher: ['/((?!_next/static|_next/image|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|woff2?|ttf|otf|webmanifest)$).*)'],
};
