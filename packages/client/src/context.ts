import type { RouteSpec } from '@latch/protocol';
import type { LatchAPIError } from './errors';
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
  /** The error class, for the on-demand code (which imports none of the client's modules): a browser refusing a passkey prompt is one, of status 0. */
  LatchAPIError: typeof LatchAPIError;
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

/** Sets each of `keys` on a resource to its JSON timestamp as a `Date` (a null one stays null). */
export function setDates<J extends object>(resource: object, json: J, ...keys: (keyof J & string)[]): void {
  for (const key of keys) {
    const time = json[key] as number | null;
    (resource as Record<string, Date | null>)[key] = time === null ? null : new Date(time);
  }
}

/** The user of one of this client's sessions, as the latest snapshot has it. */
export function userOf(ctx: ClientContext, sessionId: string): User | undefined {
  return ctx.state().sessions.find((s) => s.id === sessionId)?.user;
}

type OnDemand = typeof import('./on-demand');

/**
 * Social sign-in, email links and passkeys, fetched on first use: an app
 * that uses none of them never downloads their code. One `import()` for all
 * three, so the first load carries one loader, and each resource method is
 * one call: `onDemand('createPasskey', ctx, sessionId, params)` runs that
 * export of `on-demand.ts` once it is loaded.
 */
export function onDemand<K extends keyof OnDemand>(name: K, ...args: Parameters<OnDemand[K]>): Promise<Awaited<ReturnType<OnDemand[K]>>> {
  return import('./on-demand').then((code) => (code[name] as (...args: unknown[]) => never)(...args));
}
