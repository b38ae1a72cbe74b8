/**
 * Where @latch/nextjs finds its settings: options passed in code win, then the
 * environment. Every check fails with a `LatchConfigurationError` that says
 * what to add and where, because a wrong setting in auth code otherwise shows
 * up far away, as "signed out for no reason" or a redirect loop.
 */
export interface LatchNextOptions {
  /**
   * The Latch frontend API, absolute: the URL `createLatchRouteHandler` is
   * mounted at (`http://localhost:3000/api/latch`) or a `latch-server`'s public
   * URL. Default `LATCH_FRONTEND_API`, else `NEXT_PUBLIC_LATCH_FRONTEND_API`
   * (read at run time on the server; the browser gets it from the provider).
   */
  frontendApi?: string;
  /**
   * Signs what `latchMiddleware()` hands to the route after it (so the route
   * does not verify the token again). At least 32 characters, the same in the
   * middleware and the app. Default `LATCH_SECRET`; without one, routes verify
   * the session cookie themselves.
   */
  secret?: string;
  /** Where signed-out visitors go; default `LATCH_SIGN_IN_URL`, else `/sign-in`. */
  signInUrl?: string;
  /**
   * With the Latch server in another process, how long (ms) the answer "this
   * session is still active" is reused for the same session before the server
   * is asked again, so a burst of requests from one page costs one check.
   * Default `LATCH_REVOCATION_CACHE_MS`, else 1000; 0 asks on every request.
   * (In-process, `createLatchRouteHandler`, every request reads the store.)
   */
  revocationCacheMs?: number;
}

export interface LatchNextConfig {
  /** No trailing slash. */
  frontendApi: string;
  /** The server's `iss`: the frontend API URL. */
  issuer: string;
  jwksUrl: string;
  /** https: the `__Host-` cookie names and `Secure`. */
  secure: boolean;
  secret: string | null;
  signInUrl: string;
  revocationCacheMs: number;
}

export class LatchConfigurationError extends Error {
  override readonly name = 'LatchConfigurationError';
}

export const minSecretLength = 32;

export function resolveConfig(options: LatchNextOptions = {}): LatchNextConfig {
  const frontendApi = parseFrontendApi(options.frontendApi ?? process.env.LATCH_FRONTEND_API ?? process.env.NEXT_PUBLIC_LATCH_FRONTEND_API);
  const secret = options.secret ?? process.env.LATCH_SECRET ?? null;
  if (secret !== null && secret.length < minSecretLength) {
    throw new LatchConfigurationError(
      `@latch/nextjs: LATCH_SECRET is ${secret.length} characters; it must be at least ${minSecretLength}. ` +
        'Generate one with `openssl rand -base64 32` and set it in .env.local (and in production, in the environment of every instance).',
    );
  }
  return {
    frontendApi,
    issuer: frontendApi,
    jwksUrl: `${frontendApi}/.well-known/jwks.json`,
    secure: new URL(frontendApi).protocol === 'https:',
    secret,
    signInUrl: options.signInUrl ?? process.env.LATCH_SIGN_IN_URL ?? '/sign-in',
    revocationCacheMs: parseCacheMs(options.revocationCacheMs ?? process.env.LATCH_REVOCATION_CACHE_MS),
  };
}

const defaultRevocationCacheMs = 1000;

function parseCacheMs(value: number | string | undefined): number {
  if (value === undefined || value === '') return defaultRevocationCacheMs;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new LatchConfigurationError(
      `@latch/nextjs: LATCH_REVOCATION_CACHE_MS (revocationCacheMs) must be a whole number of milliseconds, 0 or more, not "${value}". ` +
        `Leave it unset for the default, ${defaultRevocationCacheMs}.`,
    );
  }
  return ms;
}

function parseFrontendApi(value: string | undefined): string {
  if (!value) {
    throw new LatchConfigurationError(
      '@latch/nextjs: the Latch frontend API URL is not set. Add LATCH_FRONTEND_API to .env.local: ' +
        'the absolute URL of your route handler (e.g. http://localhost:3000/api/latch for app/api/latch/[...latch]/route.ts) ' +
        'or of your latch-server (e.g. https://auth.example.com).',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The server fetches its keys from here: a relative URL would have to be
    // resolved against the request's Host header, which a caller controls.
    throw new LatchConfigurationError(
      `@latch/nextjs: LATCH_FRONTEND_API must be an absolute URL, not "${value}". ` +
        'Write it with the origin, e.g. http://localhost:3000/api/latch.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LatchConfigurationError(`@latch/nextjs: LATCH_FRONTEND_API must be an http(s) URL, not "${value}".`);
  }
  if (url.search || url.hash) {
    throw new LatchConfigurationError(`@latch/nextjs: LATCH_FRONTEND_API must not carry a query or a fragment: "${value}".`);
  }
  return url.href.replace(/\/+$/, '');
}
