import type { ApiResponse, ClientJSON, EmailLinkJSON, EmailLinkVerifiedJSON, EnvironmentJSON, OAuthCallbackJSON, RouteSpec, TokenJSON } from '@latch/protocol';
import { openBroadcast, type Broadcast } from './broadcast';
import { onDemand, type ClientContext } from './context';
import { isLatchAPIError, LatchAPIError } from './errors';
import type { Session } from './resources/session';
import type { SignIn } from './resources/sign-in';
import type { SignUp } from './resources/sign-up';
import type { User } from './resources/user';
import { buildState, initialState, type LatchInitialState, type LatchState } from './state';
import { createTokenCache, readClaims, type TokenCache } from './tokens';
import { createTransport, type Request, type RequestParams, type TransportOptions } from './transport';

export interface LatchClientOptions extends TransportOptions {
  /** Share sign-outs and session switches with other tabs; default true where BroadcastChannel exists. */
  broadcast?: boolean;
  /** A server-rendered snapshot, so the first paint can be signed in before `load()`. */
  initialState?: LatchInitialState;
}

const ignore = () => {};

/**
 * This browser's view of the frontend API: the environment, the client
 * (sessions, sign-in, sign-up) and session tokens, as a store that UI
 * libraries subscribe to. Every API answer carries the whole client, and
 * `#call` applies it, so the state always follows the server.
 */
export class LatchClient {
  readonly #options: LatchClientOptions;
  readonly #request: Request;
  readonly #tokens: TokenCache;
  readonly #listeners = new Set<() => void>();
  readonly #ctx: ClientContext;
  #state: LatchState;
  /** The last client JSON the server sent (or null: no client yet). */
  #client: ClientJSON | null = null;
  /** Counts answers applied by `#call`, so a slower `GET /v1/client` cannot undo a newer one. */
  #mutations = 0;
  #loading: Promise<void> | undefined;
  #broadcast: Broadcast | undefined;
  #destroyed = false;

  constructor(options: LatchClientOptions) {
    this.#options = options;
    this.#request = createTransport(options);
    this.#ctx = {
      call: (route, params) => this.#call(route, params),
      state: () => this.#state,
      token: (sessionId, skipCache) => this.#token(sessionId, skipCache),
      subscribe: (listener) => this.subscribe(listener),
      LatchAPIError,
    };
    this.#tokens = createTokenCache(
      (sessionId) => this.#request<TokenJSON>('POST /v1/client/sessions/:id/tokens', { id: sessionId }).then((t) => t.jwt),
      // Keep the active session's token fresh in pages; servers and scripts mint on demand.
      typeof window === 'undefined'
        ? undefined
        : (sessionId) => {
            if (sessionId === this.session?.id) this.#token(sessionId, true).catch(ignore);
          },
    );
    this.#state = initialState(this.#ctx, options.initialState);
  }

  get isLoaded(): boolean {
    return this.#state.isLoaded;
  }
  get environment(): EnvironmentJSON | null {
    return this.#state.environment;
  }
  get sessions(): Session[] {
    return this.#state.sessions;
  }
  get session(): Session | null {
    return this.#state.session;
  }
  get user(): User | null {
    return this.#state.user;
  }
  get signIn(): SignIn {
    return this.#state.signIn;
  }
  get signUp(): SignUp {
    return this.#state.signUp;
  }

  getState(): LatchState {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Fetches the environment and the client in one request. Idempotent: later calls share the first. */
  load(): Promise<void> {
    this.#loading ??= this.#fetchClient().catch((e: unknown) => {
      this.#loading = undefined;
      throw e;
    });
    if (!this.#broadcast && !this.#destroyed && this.#options.broadcast !== false) {
      this.#broadcast = openBroadcast(this.#options.frontendApi, () => this.#fetchClient().catch(ignore));
    }
    return this.#loading;
  }

  /** Makes another of this client's sessions the active one. */
  async setActive(params: { session: string | Session | null }): Promise<void> {
    const { session } = params;
    if (session === null) {
      // The long form in development builds only (production bundles set process.env.NODE_ENV to 'production').
      throw new TypeError(process.env.NODE_ENV === 'production' ? 'setActive({ session: null })' : 'setActive({ session: null }) cannot sign out: call signOut() instead.');
    }
    await this.#call('POST /v1/client/sessions/:id/touch', { id: typeof session === 'string' ? session : session.id });
  }

  /** Ends one session, or without `sessionId` every session of this client. */
  async signOut(params: { sessionId?: string } = {}): Promise<void> {
    await (params.sessionId ? this.#call('POST /v1/client/sessions/:id/end', { id: params.sessionId }) : this.#call('DELETE /v1/client'));
  }

  /**
   * On the page a provider redirected back to (`sso-callback`): sends the
   * URL's `state`, `code` (or `error`) to the API and, when the flow is
   * complete, goes to its `redirectUrlComplete`. Resolves to where the flow
   * stands (a second factor, missing fields, an account to prove first).
   */
  handleRedirectCallback(params: { url?: string; navigate?: (url: string) => void } = {}): Promise<OAuthCallbackJSON> {
    return onDemand('handleRedirectCallback', this.#ctx, params);
  }

  /** The active session's JWT, or null when signed out. */
  getToken(params: { skipCache?: boolean } = {}): Promise<string | null> {
    const sessionId = this.#state.session?.id;
    return sessionId ? this.#token(sessionId, params.skipCache) : Promise.resolve(null);
  }

  /**
   * For the app's email-link verify page: what the link is for ("Continue as
   * ada@…"), read without using it. `token` defaults to this page's
   * `latch_link` query parameter. Loaded on demand.
   */
  inspectEmailLink(params: { token?: string } = {}): Promise<EmailLinkJSON> {
    return onDemand('inspectEmailLink', this.#ctx, params.token);
  }

  /**
   * Uses the link, on the person's click (never on page load: a mail scanner
   * may run the page too). When the flow completes here, the state already
   * holds the outcome; with `completesIn: 'original'`, say "return to your
   * original tab". Loaded on demand.
   */
  verifyEmailLink(params: { token?: string } = {}): Promise<EmailLinkVerifiedJSON> {
    return onDemand('verifyEmailLink', this.#ctx, params.token);
  }

  /** Stops the refresh timers and leaves the tab channel. */
  destroy(): void {
    this.#destroyed = true;
    this.#tokens.destroy();
    this.#broadcast?.close();
    this.#broadcast = undefined;
  }

  async #fetchClient(): Promise<void> {
    const mutationsBefore = this.#mutations;
    const data = await this.#request<ApiResponse<ClientJSON | null>>('GET /v1/client');
    const client = mutationsBefore === this.#mutations ? data.client : this.#client;
    this.#apply(client, data.environment, true);
  }

  async #call<T>(route: RouteSpec, params?: RequestParams): Promise<T> {
    let data: ApiResponse<T>;
    try {
      data = await this.#request<ApiResponse<T>>(route, params);
    } catch (e) {
      // The session behind this request is gone (revoked elsewhere, expired): catch up.
      if (isLatchAPIError(e) && e.status === 401) this.#fetchClient().catch(ignore);
      throw e;
    }
    this.#mutations++;
    this.#apply(data.client === undefined ? this.#client : data.client, data.environment);
    return data.response;
  }

  /**
   * The one place where server answers become state. A load (`loaded`) marks
   * the state loaded; anything else is this tab's own change, announced to
   * the other tabs when the sessions changed.
   */
  #apply(client: ClientJSON | null, environment: EnvironmentJSON | undefined, loaded = false) {
    const before = sessionsKey(this.#client);
    this.#client = client;
    const next = buildState(this.#ctx, this.#state, client, environment ?? this.#state.environment, this.#state.isLoaded || loaded);
    if (sessionsKey(client) !== before) {
      this.#tokens.retain(next.sessions.map((s) => s.id));
      if (!loaded) this.#broadcast?.post();
    }
    this.#set(next);
  }

  #set(next: LatchState) {
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener();
  }

  /** A new token's claims become the state's, when they belong to the active session and changed. */
  #applyClaims(sessionId: string, jwt: string) {
    const claims = readClaims(jwt);
    if (sessionId !== this.#state.session?.id || !claims) return;
    // Every token has new times; only a change in what they say is news to subscribers.
    const content = (c: object | null) => JSON.stringify({ ...c, iat: 0, nbf: 0, exp: 0 });
    if (content(claims) !== content(this.#state.sessionClaims)) this.#set(Object.freeze({ ...this.#state, sessionClaims: claims }));
  }

  async #token(sessionId: string, skipCache?: boolean): Promise<string | null> {
    try {
      const jwt = await this.#tokens.get(sessionId, skipCache);
      this.#applyClaims(sessionId, jwt);
      return jwt;
    } catch (e) {
      // Only the server saying the session is gone ends it; network trouble and 5xx were retried and surface as errors.
      if (!isLatchAPIError(e) || (e.status !== 401 && e.status !== 404)) throw e;
      const client = this.#client;
      if (client) {
        const sessions = client.sessions.filter((s) => s.id !== sessionId);
        const lastActiveSessionId = client.lastActiveSessionId === sessionId ? null : client.lastActiveSessionId;
        this.#apply({ ...client, sessions, lastActiveSessionId }, undefined);
      }
      await this.#fetchClient().catch(ignore);
      return null;
    }
  }
}

/** Which sessions exist and which is active: what other tabs need to hear about. */
function sessionsKey(client: ClientJSON | null): string {
  return JSON.stringify([client?.sessions.map((s) => s.id), client?.lastActiveSessionId]);
}
