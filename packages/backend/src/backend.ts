import { ErrorCodes, type ApiErrorResponse } from '@latch/protocol';
import { isTokenVerificationError, type TokenVerificationError } from './errors';
import { createTokenVerifier, type TokenVerifier, type VerifyTokenOptions } from './verify';

/** Who is calling: the signed-in user and the session the token belongs to. */
export interface LatchAuth {
  userId: string;
  sessionId: string;
}

/** What `getAuth` and `requireAuth` read: Node's `IncomingMessage`, Express's `Request`, or a plain object. */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
}

/** What `requireAuth` writes a refusal to: Node's `ServerResponse` or Express's `Response`. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** Express/Connect-style middleware; on success `req.auth` holds the caller. */
export type RequireAuthMiddleware = (
  req: NodeRequestLike & { auth?: LatchAuth },
  res: NodeResponseLike,
  next: (error?: unknown) => void,
) => void;

export interface LatchBackend {
  /** Verifies a raw session JWT; see `verifyToken`. */
  verifyToken: TokenVerifier;
  /** For fetch-style handlers: the caller, or the `Response` to send back (401, or 503 when the JWKS is unreachable). */
  authenticateRequest(request: Request): Promise<LatchAuth | Response>;
  /** For Node handlers: the caller, or null when the request carries no valid token. Throws only when the JWKS is unreachable. */
  getAuth(req: NodeRequestLike): Promise<LatchAuth | null>;
  /** Middleware that answers 401 unless the request carries a valid token. */
  requireAuth(): RequireAuthMiddleware;
}

/**
 * The app's own API checks Latch session tokens through one of these. It
 * keeps its JWKS cache for its whole life, so create it once, at start-up.
 * Tokens are read from `Authorization: Bearer <jwt>` only: the browser keeps
 * session JWTs in memory, never in cookies.
 */
export function createLatchBackend(options: VerifyTokenOptions): LatchBackend {
  const verify = createTokenVerifier(options);

  async function authenticate(authorization: string | null | undefined): Promise<LatchAuth> {
    const { userId, sessionId } = await verify(bearerToken(authorization));
    return { userId, sessionId };
  }

  return {
    verifyToken: verify,

    async authenticateRequest(request) {
      try {
        return await authenticate(request.headers.get('authorization'));
      } catch (error) {
        if (!isTokenVerificationError(error)) throw error;
        const { status, headers, body } = refusal(error);
        return new Response(body, { status, headers });
      }
    },

    async getAuth(req) {
      try {
        return await authenticate(headerOf(req));
      } catch (error) {
        // "Not signed in" must not be the answer when we could not check at all.
        if (isTokenVerificationError(error) && error.reason !== 'jwks_unavailable') return null;
        throw error;
      }
    },

    requireAuth() {
      return (req, res, next) => {
        authenticate(headerOf(req)).then(
          (auth) => {
            req.auth = auth;
            next();
          },
          (error: unknown) => {
            if (!isTokenVerificationError(error)) return next(error);
            const { status, headers, body } = refusal(error);
            res.statusCode = status;
            for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
            res.end(body);
          },
        );
      };
    },
  };
}

/** The token in `Authorization: Bearer <token>` (the scheme in any case), or null. */
function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(authorization?.trim() ?? '');
  return match ? (match[1] ?? '') : null;
}

function headerOf(req: NodeRequestLike): string | undefined {
  const value = req.headers.authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The answer to a refused token, in the frontend API's error shape. A JWKS
 * that cannot be fetched is a 503, not a 401: the caller's token may be fine,
 * and a 401 would tell the app to sign the user out.
 */
function refusal(error: TokenVerificationError): { status: number; headers: Record<string, string>; body: string } {
  const unavailable = error.reason === 'jwks_unavailable';
  const body: ApiErrorResponse = {
    errors: [{ code: unavailable ? ErrorCodes.internal : ErrorCodes.unauthenticated, message: error.message }],
  };
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  // RFC 6750 §3: no error code when the request had no credentials at all.
  if (!unavailable) headers['www-authenticate'] = error.reason === 'token_missing' ? 'Bearer' : 'Bearer error="invalid_token"';
  return { status: unavailable ? 503 : 401, headers, body: JSON.stringify(body) };
}
