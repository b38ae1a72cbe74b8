import { writeOutbox, type PendingWebhookEvent } from '../webhooks/events';
import type { ServerContext } from './context';

/**
 * Runs a flow's writes in one store transaction: `fn` gets a context whose
 * `store` is the transaction's, so a crash or a throw between its writes
 * leaves none of them. What `fn` changes on that context (the client, a newly
 * issued token) reaches `ctx` only once the transaction commits. Hash
 * passwords and send mail before or after, never inside: the transaction
 * holds its rows (and, on SQLite, the whole database) until it ends.
 *
 * Webhook events the body records go to the outbox at the end of the
 * outermost transaction, before it commits: with the change or not at all.
 */
export async function inTransaction<C extends ServerContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  let scoped: C = ctx;
  const outer = ctx.webhookEvents;
  const result = await ctx.store.transaction(async (store) => {
    const events: PendingWebhookEvent[] = outer ?? [];
    const result = await fn((scoped = { ...ctx, store, webhookEvents: events }));
    if (!outer) await writeOutbox(scoped, events);
    return result;
  });
  Object.assign(ctx, { ...scoped, store: ctx.store, webhookEvents: outer });
  return result;
}
