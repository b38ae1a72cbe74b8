import { CLIENT_TOKEN_RESPONSE_HEADER, type ApiErrorResponse, type ClientJSON, type SignInJSON, type SignUpJSON } from '@latch/protocol';
import {
  createLatchServer,
  devOnlyFastHashing,
  type Kind,
  type LatchServer,
  type LatchServerOptions,
  type ListIndex,
  type OutgoingEmail,
  type Records,
  type Store,
  type UniqueIndex,
} from '@latch/server';
import { listenerUrl, overHttp } from './http-transport';
import { createTestStore } from './stores/test-stores';

export const API = 'https://latch.test';
export const START = Date.UTC(2025, 0, 6, 9, 0, 0);

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };

/** A clock the test moves by hand. */
export function testClock(start = START) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms), set: (ms: number) => void (time = ms) };
}

export interface TestServer {
  server: LatchServer;
  outbox: OutgoingEmail[];
  clock: ReturnType<typeof testClock>;
  latestCode(to: string): string;
  browser(init?: BrowserInit): TestBrowser;
}

/** A server on an empty store of the kind `LATCH_TEST_STORE` names (MemoryStore by default), unless `options.store` is given. */
export function createTestServer(options: Partial<LatchServerOptions> = {}): TestServer {
  const outbox: OutgoingEmail[] = [];
  const clock = testClock();
  const server = createLatchServer({
    issuer: API,
    now: clock.now,
    hashing: devOnlyFastHashing,
    mailer: (email) => void outbox.push(email),
    ...options,
    store: options.store ?? createTestStore(),
  });
  return {
    server,
    outbox,
    clock,
    latestCode(to) {
      const code = outbox.filter((email) => email.to === to).at(-1)?.code;
      if (!code) throw new Error(`No code was sent to ${to}`);
      return code;
    },
    browser: (init) => new TestBrowser(server, init),
  };
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body: `{ response, client }`, a raw body, or `{ errors }`. */
  json: T & { response?: unknown; client?: ClientJSON | null } & Partial<ApiErrorResponse>;
}

interface BrowserInit {
  userAgent?: string;
}

/**
 * A tiny stand-in for a browser in header mode: it keeps the client token
 * from the `latch-client-token` response header and sends it back. Requests
 * go to the handler in-process, or over loopback HTTP when `overHttp`.
 */
export class TestBrowser {
  token: string | null = null;

  /** `server` is a core instance in this process, or the URL of a server running elsewhere. */
  constructor(
    private readonly server: LatchServer | string,
    private readonly init: BrowserInit = {},
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const requestHeaders = new Headers(headers);
    if (this.token) requestHeaders.set('authorization', `Bearer ${this.token}`);
    if (this.init.userAgent) requestHeaders.set('user-agent', this.init.userAgent);
    if (body !== undefined) requestHeaders.set('content-type', 'application/json');
    const init = { method, headers: requestHeaders, body: body === undefined ? undefined : JSON.stringify(body) };
    const response =
      typeof this.server === 'string'
        ? await fetch(`${this.server}${path}`, init)
        : overHttp
          ? await fetch(`${await listenerUrl(this.server, API)}${path}`, init)
          : await this.server.handler(new Request(`${API}${path}`, init));
    const token = response.headers.get(CLIENT_TOKEN_RESPONSE_HEADER);
    if (token) this.token = token;
    return { status: response.status, headers: response.headers, json: (await response.json()) as Reply<T>['json'] };
  }

  async signInWithPassword(identifier: string, password: string): Promise<SignInJSON> {
    const reply = await this.call('POST', '/v1/client/sign_ins', { identifier, password });
    if (reply.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(reply.json)}`);
    return reply.json.response as SignInJSON;
  }

  async signUp(test: TestServer, fields: Record<string, string>): Promise<SignUpJSON> {
    const created = await this.call('POST', '/v1/client/sign_ups', fields);
    if (created.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(created.json)}`);
    const id = (created.json.response as SignUpJSON).id;
    await this.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    const code = test.latestCode(String(fields.emailAddress).toLowerCase());
    const attempt = await this.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code });
    if (attempt.status !== 200) throw new Error(`verification failed: ${JSON.stringify(attempt.json)}`);
    return attempt.json.response as SignUpJSON;
  }

  async client(): Promise<ClientJSON | null> {
    return (await this.call('GET', '/v1/client')).json.client ?? null;
  }
}

export function errorCode(reply: Reply): string | undefined {
  return reply.json.errors?.[0]?.code;
}

export function paramName(reply: Reply): string | undefined {
  return reply.json.errors?.[0]?.meta?.paramName;
}

/** A test store (see `createTestStore`) that counts every write but rate-limit counting, to prove a rejected request changed nothing. */
export class CountingStore implements Store {
  writes = 0;

  constructor(private readonly inner: Store = createTestStore()) {}

  get<K extends Kind>(kind: K, id: string) {
    return this.inner.get(kind, id);
  }
  findBy<K extends Kind>(kind: K, index: UniqueIndex<K>, value: string) {
    return this.inner.findBy(kind, index, value);
  }
  listBy<K extends Kind>(kind: K, index: ListIndex<K>, value: string) {
    return this.inner.listBy(kind, index, value);
  }
  insert<K extends Kind>(kind: K, record: Records[K]) {
    this.writes++;
    return this.inner.insert(kind, record);
  }
  update<K extends Kind>(kind: K, id: string, patch: Partial<Records[K]>) {
    this.writes++;
    return this.inner.update(kind, id, patch);
  }
  delete(kind: Kind, id: string) {
    this.writes++;
    return this.inner.delete(kind, id);
  }
  increment(key: string, by: number, ttlMs: number, now: number) {
    // Rate-limit counters count requests, bad ones too (that is their job,
    // and it happens before any costly work): bookkeeping, not state.
    if (by !== 0 && !key.startsWith('rate:')) this.writes++;
    return this.inner.increment(key, by, ttlMs, now);
  }
  resetCounter(key: string) {
    this.writes++;
    return this.inner.resetCounter(key);
  }
  scan<K extends Kind>(kind: K, afterId: string | null, limit: number) {
    return this.inner.scan(kind, afterId, limit);
  }
}
