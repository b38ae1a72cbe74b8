import { createLatchContext, requireSignedIn, type LatchTrpcContext } from '@latch/nextjs/trpc';
import { initTRPC } from '@trpc/server';
import { postsOf } from './posts';

const t = initTRPC.context<LatchTrpcContext>().create();

export const publicProcedure = t.procedure;
// The recipe: signed-out callers get UNAUTHORIZED, and `ctx.auth.userId` is a string from here on.
export const protectedProcedure = t.procedure.use(({ ctx, next }) => next({ ctx: { auth: requireSignedIn(ctx.auth) } }));

export const appRouter = t.router({
  hello: publicProcedure.query(({ ctx }) => ({ greeting: ctx.auth.userId ? 'Hello again' : 'Hello, stranger' })),
  myPosts: protectedProcedure.query(({ ctx }) => postsOf(ctx.auth.userId)),
});

export type AppRouter = typeof appRouter;
export { createLatchContext };
