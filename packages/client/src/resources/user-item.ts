import type { RouteSpec, UserJSON } from '@latch/protocol';
import { reuse, userOf, type ClientContext } from '../context';
import type { User } from './user';

/** The user's lists of `UserItem`s. */
type ItemList = 'emailAddresses' | 'passkeys' | 'externalAccounts';
type ItemClass<T> = new (ctx: ClientContext, json: never, sessionId: string) => T;

/**
 * What an email address, a passkey and a linked account share: a resource
 * of the user's with a path of its own (`/v1/me/…/:id`), requested for the
 * session its user came from. Its fields are its JSON's (a copy, so the JSON
 * stays the reuse key); a subclass converts those that need it (dates).
 * Immutable, like every resource.
 */
export class UserItem<Json extends { id: string } = { id: string }> {
  declare readonly id: string;
  readonly #ctx: ClientContext;
  readonly #sessionId: string;

  constructor(ctx: ClientContext, json: Json, sessionId: string) {
    Object.assign(this, json);
    this.#ctx = ctx;
    this.#sessionId = sessionId;
  }

  /** A request on this item's route (`:id` is this item). */
  protected send<T>(route: RouteSpec, body?: object): Promise<T> {
    return this.#ctx.call<T>(route, { id: this.id, body, sessionId: this.#sessionId });
  }

  /** Sends a change, then answers with the item as the refreshed state holds it (the object a `useUser()` render sees). */
  protected async change(route: RouteSpec, body: object | undefined, list: ItemList): Promise<this> {
    return latestItem(this.#ctx, this.#sessionId, list, await this.send<{ id: string }>(route, body), this.constructor as ItemClass<this>);
  }

  /** Hands this item's client and session to code that needs more than `send` (the on-demand code). */
  protected withContext<T>(use: (ctx: ClientContext, sessionId: string) => T): T {
    return use(this.#ctx, this.#sessionId);
  }
}

/** The item with `json`'s id as the latest snapshot holds it, or (gone from it meanwhile) a new one. */
export function latestItem<T extends UserItem>(ctx: ClientContext, sessionId: string, list: ItemList, json: { id: string }, Item: ItemClass<T>): T {
  const user: User | undefined = userOf(ctx, sessionId);
  return ((user?.[list] as UserItem[] | undefined)?.find((item) => item.id === json.id) as T | undefined) ?? new Item(ctx, json as never, sessionId);
}

/** One list of the user's items, each reusing its `previous` object when its JSON did not change. */
export function userItems<L extends ItemList>(
  ctx: ClientContext,
  sessionId: string,
  Item: ItemClass<User[L][number]>,
  json: UserJSON,
  previous: User | undefined,
  list: L,
): User[L][number][] {
  return (json[list] ?? []).map((item) =>
    reuse(previous?.[list].find((p) => p.id === item.id), item, () => new Item(ctx, item as never, sessionId)),
  );
}
