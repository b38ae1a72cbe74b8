import type { RouteSpec } from '@latch/protocol';
import type { User } from './resources/user';
import type { LatchState } from './state';
import type { RequestParams } from './transport';

/** What resource objects need from the client that made them. */
export interface ClientContext {
  /** Sends a request, applies the whole client JSON in the answer to the store, resolves to `response`. */
  call<T>(route: RouteSpec, params?: RequestParams): Promise<T>;
  /** The current snapshot; after `call` resolves it already holds the answer. */
  state(): LatchState;
  /** A session JWT for `sessionId`, or null when that session is gone. */
  token(sessionId: string, skipCache?: boolean): Promise<string | null>;
  /** The client's `subscribe`: called after every state change. */
  subscribe(listener: () => void): () => void;
}

const sources = new WeakMap<object, string>();

/**
 * Returns `previous` when it was built from the same JSON, else a new object
 * from `make`. Unchanged resources thus keep their identity across snapshots,
 * and selectors (`useUser()`) re-render only on real changes.
 */
export function reuse<T extends object>(previous: T | null | undefined, json: unknown, make: () => T): T {
  const source = JSON.stringify(json);
  if (previous && sources.get(previous) === source) return previous;
  const made = make();
  sources.set(made, source);
  return made;
}

/** The user of one of this client's sessions, as the latest snapshot has it. */
export function userOf(ctx: ClientContext, sessionId: string): User | undefined {
  return ctx.state().sessions.find((s) => s.id === sessionId)?.user;
}
