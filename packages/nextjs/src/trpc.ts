import { TRPCError } from '@trpc/server';
import { authState, type LatchAuthState, type SignedInAuthState } from './auth-object';
import { resolveConfig, type LatchNextOptions } from './config';
import { authenticateHeaders, type HeadersLike } from './request-auth';

/** The tRPC context `createLatchContext` makes: `ctx.auth.userId` and friends. */
export interface LatchTrpcContext {
  auth: LatchAuthState;
}

/** After `requireSignedIn`: `ctx.auth.userId` is a string. */
export interface SignedInTrpcContext {
  auth: SignedInAuthState;
}

/**
 * `createContext` for @trpc/server v11 adapters: the fetch adapter
 * (`app/api/trpc/[trpc]/route.ts`, `{ req: Request }`) and the Next adapter
 * (`pages/api/trpc/[trpc].ts`, `{ req: NextApiRequest }`) alike.
 */
export async function createLatchContext(opts: { req: { headers: HeadersLike } }, options?: LatchNextOptions): Promise<LatchTrpcContext> {
  const { auth } = await authenticateHeaders(resolveConfig(options), opts.req.headers);
  return { auth: authState(auth) };
}

/**
 * The `protectedProcedure` recipe:
 * `t.procedure.use(({ ctx, next }) => next({ ctx: { auth: requireSignedIn(ctx.auth) } }))`.
 * Throws tRPC's UNAUTHORIZED when signed out.
 */
export function requireSignedIn(auth: LatchAuthState): SignedInAuthState {
  if (auth.userId === null || auth.sessionId === null) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to call this procedure.' });
  return auth as SignedInAuthState;
}
