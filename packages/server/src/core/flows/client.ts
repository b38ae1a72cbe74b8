import { randomId, randomToken } from '../crypto/random';
import { fail } from '../errors';
import type { ClientRecord } from '../store/records';
import type { RequestContext, ServerContext } from './context';

/** The client the request's token names; an unknown or stale token is simply no client. */
export async function loadClient(ctx: RequestContext): Promise<ClientRecord | null> {
  if (!ctx.credential.token) return null;
  return ctx.store.findBy('clients', 'tokenHash', await ctx.crypto.sha256Hex(ctx.credential.token));
}

export function requireClient(ctx: RequestContext): ClientRecord {
  if (!ctx.client) throw fail('authentication_invalid');
  return ctx.client;
}

export interface ClientToken {
  token: string;
  /** What the client record keeps. */
  tokenHash: string;
}

/**
 * A new random client token and its hash. Flows make it before their
 * transaction opens: on SQLite an open transaction holds up every other
 * request, so it should do nothing but its writes.
 */
export async function newClientToken(ctx: ServerContext): Promise<ClientToken> {
  const token = randomToken();
  return { token, tokenHash: await ctx.crypto.sha256Hex(token) };
}

/** This browser's client, created (with `fresh`, or a token made here, to hand back) on its first sign-in or sign-up. */
export async function ensureClient(ctx: RequestContext, fresh?: ClientToken): Promise<ClientRecord> {
  if (ctx.client) return ctx.client;
  const { token, tokenHash } = fresh ?? (await newClientToken(ctx));
  const now = ctx.now();
  const client: ClientRecord = {
    id: randomId('client'),
    tokenHash,
    signInId: null,
    signUpId: null,
    lastActiveSessionId: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.insert('clients', client);
  ctx.client = client;
  ctx.issuedToken = token;
  return client;
}

export async function updateClient(ctx: RequestContext, patch: Partial<ClientRecord>): Promise<ClientRecord> {
  const client = await ctx.store.update('clients', requireClient(ctx).id, { ...patch, updatedAt: ctx.now() });
  if (!client) throw fail('authentication_invalid');
  ctx.client = client;
  return client;
}

/**
 * A new token for the same client, so a token seen before authentication
 * (fixation, a leaked pre-login token) is worthless once someone signs in.
 */
export async function rotateClientToken(ctx: RequestContext): Promise<void> {
  const { token, tokenHash } = await newClientToken(ctx);
  await updateClient(ctx, { tokenHash });
  ctx.issuedToken = token;
}
