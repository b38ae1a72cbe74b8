import type { ServerContext } from './context';

/**
 * Runs a flow's writes in one store transaction: `fn` gets a context whose
 * `store` is the transaction's, so a crash or a throw between its writes
 * leaves none of them. What `fn` changes on that context (the client, a newly
 * issued token) reaches `ctx` only once the transaction commits. Hash
 * passwords and send mail before or after, never inside: the transaction
 * holds its rows (and, on SQLite, the whole database) until it ends.
 */
export async function inTransaction<C extends ServerContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  let scoped: C = ctx;
  const result = await ctx.store.transaction((store) => fn((scoped = { ...ctx, store })));
  Object.assign(ctx, { ...scoped, store: ctx.store });
  return result;
}
