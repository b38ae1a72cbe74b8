import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorResponse, ApiResponse, ClientJSON, SignInJSON, SignUpJSON } from '@latch/protocol';
import { createMockBackend } from '@latch/mock';
import { setupMockServer } from '@latch/mock/node';

const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' };

const first = createMockBackend({ users: [ada] });
const second = createMockBackend({ url: 'https://other.mock/', users: [] });
const network = setupMockServer(first, second);

beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await first.reset();
  await second.reset();
});
afterAll(() => network.close());

/** Plain fetch in header mode, the way a cross-site app talks to the mock. */
function browser(base: string) {
  let token: string | null = null;
  return async <T>(method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'latch-requested-with': 'fetch' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    token = response.headers.get('latch-client-token') ?? token;
    return { status: response.status, json: (await response.json()) as ApiResponse<T> & ApiErrorResponse };
  };
}

describe('createMockBackend', () => {
  it('serves the server core with the seeded users', async () => {
    const call = browser(first.url);
    const signIn = await call<SignInJSON>('POST', '/v1/client/sign_ins', { identifier: 'ada@example.com', password: ada.password });
    expect(signIn.status).toBe(200);
    expect(signIn.json.response.status).toBe('complete');
    expect(signIn.json.client?.sessions[0]?.user.firstName).toBe('Ada');
    const client = await call<ClientJSON>('GET', '/v1/client');
    expect(client.json.environment?.applicationName).toBe('Latch');
    expect(client.json.response?.lastActiveSessionId).toBe(signIn.json.response.createdSessionId);
  });

  it('puts emails in the outbox and finds the latest code, in any case', async () => {
    const call = browser(first.url);
    const created = await call<SignUpJSON>('POST', '/v1/client/sign_ups', { emailAddress: 'Grace@Example.com', password: 'a-long-unusual-phrase' });
    const id = created.json.response.id;
    expect(first.latestCode('grace@example.com')).toBeUndefined();
    await call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    await call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    expect(first.outbox).toHaveLength(2);
    expect(first.outbox[1]).toMatchObject({ to: 'grace@example.com', kind: 'sign_up_code' });
    const code = first.latestCode('GRACE@example.COM');
    expect(code).toBe(first.outbox[1]?.code);
    const done = await call<SignUpJSON>('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code });
    expect(done.json.response.status).toBe('complete');
  });

  it('reset() restores the fixtures and clears the outbox in place', async () => {
    const outbox = first.outbox;
    const serverBefore = first.server;
    const call = browser(first.url);
    await call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: 'a-long-unusual-phrase' });
    const signIn = await call<SignInJSON>('POST', '/v1/client/sign_ins', { identifier: 'ada@example.com' });
    const emailFactor = signIn.json.response.supportedFirstFactors.find((factor) => factor.strategy === 'email_code');
    await call('POST', `/v1/client/sign_ins/${signIn.json.response.id}/prepare_first_factor`, {
      strategy: 'email_code',
      emailAddressId: emailFactor && 'emailAddressId' in emailFactor ? emailFactor.emailAddressId : '',
    });
    expect(outbox).toHaveLength(1);

    await first.reset();
    expect(first.outbox).toBe(outbox);
    expect(outbox).toHaveLength(0);
    expect(first.server).not.toBe(serverBefore);
    // The old client token means nothing to the new store; the fixtures are back.
    expect((await call<ClientJSON | null>('GET', '/v1/client')).json.response).toBeNull();
    const again = await browser(first.url)<SignInJSON>('POST', '/v1/client/sign_ins', { identifier: 'ada@example.com', password: ada.password });
    expect(again.json.response.status).toBe('complete');
  });

  it('keeps two backends independent', async () => {
    expect(second.url).toBe('https://other.mock');
    const unknown = await browser(second.url)('POST', '/v1/client/sign_ins', { identifier: 'ada@example.com', password: ada.password });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0]?.code).toBe('form_password_incorrect');
    await second.server.admin.createUser({ emailAddress: 'only@second.test', password: 'another-fine-password' });
    const onFirst = await browser(first.url)('POST', '/v1/client/sign_ins', { identifier: 'only@second.test', password: 'another-fine-password' });
    expect(onFirst.json.errors[0]?.code).toBe('form_password_incorrect');
    second.scenario('server-error');
    expect((await browser(first.url)('GET', '/v1/environment')).status).toBe(200);
  });

  it("scenario 'network-error' makes fetch reject", async () => {
    first.scenario('network-error');
    await expect(fetch(`${first.url}/v1/client`)).rejects.toThrow(TypeError);
    first.scenario(null);
    expect((await fetch(`${first.url}/v1/client`)).status).toBe(200);
  });

  it("scenario 'server-error' answers 503 internal_error", async () => {
    first.scenario('server-error');
    const reply = await browser(first.url)('GET', '/v1/client');
    expect(reply.status).toBe(503);
    expect(reply.json.errors[0]?.code).toBe('internal_error');
  });

  it("scenario 'slow' answers after two seconds", async () => {
    first.scenario('slow');
    const started = performance.now();
    const reply = await browser(first.url)('GET', '/v1/environment');
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it('applies latencyMs and settings, and takes an injected clock', async () => {
    let time = Date.UTC(2030, 0, 1);
    const backend = createMockBackend({ url: 'https://slow.mock', latencyMs: 150, settings: { multiSession: true }, now: () => time, users: [ada] });
    network.use(...backend.handlers);
    try {
      const started = performance.now();
      const env = await browser(backend.url)<{ multiSession: boolean }>('GET', '/v1/environment');
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(env.json.response.multiSession).toBe(true);
      const signIn = await browser(backend.url)<SignInJSON>('POST', '/v1/client/sign_ins', { identifier: 'ada@example.com', password: ada.password });
      time += 1000;
      expect(signIn.json.client?.sessions[0]?.createdAt).toBe(Date.UTC(2030, 0, 1));
      expect(backend.server.now()).toBe(Date.UTC(2030, 0, 1) + 1000);
    } finally {
      network.resetHandlers();
    }
  });
});
