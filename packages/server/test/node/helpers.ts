import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_TOKEN_RESPONSE_HEADER, type SignInJSON, type SignUpJSON } from '@latch/protocol';
import { devOnlyFastHashing, MemoryStore, type OutgoingEmail } from '../../src/index';
import { createLogger, main, serve, type ClosableStore, type LatchService, type ServeOptions } from '../../src/node/index';
import { openPostgresTestStore, openSqliteTestStore, testStoreKind } from '../stores/test-stores';

export const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada' };

/** A fixed encryption key for services started in production mode. */
export const testEncryptionKey = Buffer.alloc(32, 7).toString('base64');

/** A MemoryStore with the service's extras; `healthy = false` makes its health check fail. */
export class TestStore extends MemoryStore implements ClosableStore {
  healthy = true;
  closed = false;
  async ping(): Promise<void> {
    if (!this.healthy) throw new Error('database unreachable');
  }
  close(): void {
    this.closed = true;
  }
  async purgeExpiredCounters(): Promise<number> {
    return 0;
  }
}

export interface TestService {
  service: LatchService;
  store: ClosableStore;
  /** Every log line so far, as written. */
  logs: string[];
  /** The log lines parsed. */
  entries(): Array<Record<string, unknown>>;
  client(headers?: Record<string, string>): HttpClient;
  close(): Promise<void>;
}

/**
 * An empty store of the kind `LATCH_TEST_STORE` names: a TestStore by
 * default, SQLite or PostgreSQL when the store projects run these files.
 */
export async function createServiceStore(): Promise<ClosableStore> {
  const kind = testStoreKind();
  if (kind === 'sqlite') return openSqliteTestStore();
  if (kind === 'postgres') return openPostgresTestStore();
  return new TestStore();
}

/** A real listener on 127.0.0.1 and a free port, on a fresh test store unless given a store or a database. */
export async function startService(options: ServeOptions = {}): Promise<TestService> {
  const logs: string[] = [];
  const service = await serve({
    port: 0,
    hashing: devOnlyFastHashing,
    // Development mode (the outbox) where the server allows it: on a localhost public URL.
    dev: options.publicUrl === undefined,
    encryptionKey: testEncryptionKey,
    logger: createLogger((line) => void logs.push(line)),
    ...options,
    store: options.store ?? (options.database ? undefined : await createServiceStore()),
  });
  return {
    service,
    store: service.latch.store as ClosableStore,
    logs,
    entries: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
    client: (headers) => new HttpClient(service.url, headers),
    close: () => service.close(),
  };
}

export interface HttpReply<T = unknown> {
  status: number;
  headers: Headers;
  json: T & { response?: unknown; errors?: Array<{ code: string; meta?: { paramName?: string } }> };
}

/** A browser in header mode over real HTTP: keeps the client token from `latch-client-token`. */
export class HttpClient {
  token: string | null = null;

  constructor(
    private readonly base: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpReply<T>> {
    const requestHeaders = new Headers({ ...this.defaultHeaders, ...headers });
    if (this.token) requestHeaders.set('authorization', `Bearer ${this.token}`);
    if (body !== undefined) requestHeaders.set('content-type', 'application/json');
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: requestHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const token = response.headers.get(CLIENT_TOKEN_RESPONSE_HEADER);
    if (token) this.token = token;
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
  }

  async signIn(identifier: string, password: string): Promise<SignInJSON> {
    const reply = await this.call('POST', '/v1/client/sign_ins', { identifier, password });
    if (reply.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(reply.json)}`);
    return reply.json.response as SignInJSON;
  }

  /** Sign-up with email verification; `codeFor` reads the code the server sent. */
  async signUp(fields: Record<string, string>, codeFor: (to: string) => string): Promise<SignUpJSON> {
    const created = await this.call('POST', '/v1/client/sign_ups', fields);
    if (created.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(created.json)}`);
    const id = (created.json.response as SignUpJSON).id;
    await this.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    const attempt = await this.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code: codeFor(String(fields.emailAddress)) });
    if (attempt.status !== 200) throw new Error(`verification failed: ${JSON.stringify(attempt.json)}`);
    return attempt.json.response as SignUpJSON;
  }
}

export function latestCode(outbox: readonly OutgoingEmail[] | null, to: string): string {
  const code = outbox?.filter((email) => email.to === to).at(-1)?.code;
  if (!code) throw new Error(`No code was sent to ${to}`);
  return code;
}

export function errorCode(reply: HttpReply): string | undefined {
  return reply.json.errors?.[0]?.code;
}

/** Runs the `latch-server` command in-process, capturing what it prints. */
export async function runMain(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, env, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'latch-node-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
