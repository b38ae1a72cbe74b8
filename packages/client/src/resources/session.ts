import type { ReverificationAttemptBody, ReverificationPrepareBody, SessionJSON, SessionStatus } from '@latch/protocol';
import { reuse, setDates, type ClientContext } from '../context';
import { toUser, type User } from './user';

/** A signed-in session of this browser's client. */
export class Session {
  declare readonly id: string;
  declare readonly status: SessionStatus;
  readonly user: User;
  declare readonly createdAt: Date;
  declare readonly lastActiveAt: Date;
  /** When the session ends if unused (idle timeout). */
  declare readonly expireAt: Date;
  /** When the session ends regardless of use. */
  declare readonly abandonAt: Date;
  readonly #ctx: ClientContext;

  constructor(ctx: ClientContext, json: SessionJSON, previous?: Session) {
    // The JSON's fields as the server sent them, then those that are a resource or dates here.
    Object.assign(this, json);
    this.#ctx = ctx;
    this.user = toUser(ctx, json.user, json.id, previous?.user);
    setDates(this, json, 'createdAt', 'lastActiveAt', 'expireAt', 'abandonAt');
  }

  /** This session's JWT (from the in-memory cache while fresh), or null once the session is gone. */
  getToken(options?: { skipCache?: boolean }): Promise<string | null> {
    return this.#ctx.token(this.id, options?.skipCache);
  }

  /** Signs this session out. */
  async end(): Promise<void> {
    await this.#ctx.call('POST /v1/client/sessions/:id/end', { id: this.id });
  }

  /**
   * Proves the user again after a `reverification_required` error (see
   * `isReverificationError`), with a strategy the error named: sensitive
   * actions then work on this session for the next 10 minutes.
   */
  async reverify(params: ReverificationAttemptBody): Promise<void> {
    await this.#ctx.call('POST /v1/me/reverification/attempt', { body: params, sessionId: this.id });
  }

  /** Emails the code that `reverify({ strategy: 'email_code', code })` then takes. */
  async prepareReverification(params: ReverificationPrepareBody): Promise<void> {
    await this.#ctx.call('POST /v1/me/reverification/prepare', { body: params, sessionId: this.id });
  }

  /** Makes this the client's active session. */
  async touch(): Promise<void> {
    await this.#ctx.call('POST /v1/client/sessions/:id/touch', { id: this.id });
  }
}

/** Reuses `previous` when the session's JSON did not change; its user is reused on its own. */
export function toSession(ctx: ClientContext, json: SessionJSON, previous?: Session): Session {
  return reuse(previous, json, () => new Session(ctx, json, previous));
}
