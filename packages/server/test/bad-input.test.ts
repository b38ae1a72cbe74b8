import { describe, expect, it } from 'vitest';
import { API, CountingStore, ada, createTestServer, errorCode, paramName } from './helpers';

async function setup() {
  const store = new CountingStore();
  const test = createTestServer({ store });
  await test.server.admin.createUser(ada);
  store.writes = 0;
  return { ...test, store };
}

function post(path: string, body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new Request(`${API}${path}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

async function codeOf(response: Response) {
  const body = (await response.json()) as { errors: { code: string; meta?: { paramName?: string } }[] };
  return body.errors[0];
}

describe('malformed requests get a 4xx and change nothing', () => {
  it('broken JSON → 400 invalid_json', async () => {
    const { server, store } = await setup();
    const response = await server.handler(post('/v1/client/sign_ins', '{"identifier": "ada@'));
    expect(response.status).toBe(400);
    expect((await codeOf(response))?.code).toBe('invalid_json');
    expect(store.writes).toBe(0);
  });

  it('a JSON body that is not an object, or not UTF-8 → 400 invalid_json', async () => {
    const { server, store } = await setup();
    for (const body of ['[1,2]', 'null', '"text"', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
      const response = await server.handler(post('/v1/client/sign_ins', body));
      expect(response.status).toBe(400);
      expect((await codeOf(response))?.code).toBe('invalid_json');
    }
    expect(store.writes).toBe(0);
  });

  it('a body that is not application/json → 415', async () => {
    const { server, store } = await setup();
    const form = post('/v1/client/sign_ins', 'identifier=ada%40example.com', { 'content-type': 'application/x-www-form-urlencoded' });
    const response = await server.handler(form);
    expect(response.status).toBe(415);
    expect((await codeOf(response))?.code).toBe('unsupported_content_type');
    expect(store.writes).toBe(0);
  });

  it('accepts application/json with a charset', async () => {
    const { server } = await setup();
    const response = await server.handler(
      post('/v1/client/sign_ins', JSON.stringify({ identifier: ada.emailAddress }), { 'content-type': 'application/json; charset=utf-8' }),
    );
    expect(response.status).toBe(200);
  });

  it('drops __proto__ and constructor keys instead of merging them', async () => {
    const { server, store } = await setup();
    const sneaky = '{"__proto__": {"identifier": "ada@example.com", "polluted": true}, "constructor": {"prototype": {"polluted": true}}}';
    const response = await server.handler(post('/v1/client/sign_ins', sneaky));
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toMatchObject({ code: 'form_param_missing', meta: { paramName: 'identifier' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(store.writes).toBe(0);
  });

  it('a 10 MB body → 413 after reading no more than the limit', async () => {
    const { server, store } = await setup();
    const declared = post('/v1/client/sign_ins', 'x'.repeat(10 * 1024 * 1024));
    expect(declared.headers.get('content-length')).toBeNull(); // Request does not set it; check the stream path too.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 10 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    for (const request of [declared, post('/v1/client/sign_ins', stream)]) {
      const response = await server.handler(request);
      expect(response.status).toBe(413);
      expect((await codeOf(response))?.code).toBe('body_too_large');
    }
    expect(pulled).toBeLessThanOrEqual(256 * 1024);
    const announced = post('/v1/client/sign_ins', '{}', { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) });
    expect((await server.handler(announced)).status).toBe(413);
    expect(store.writes).toBe(0);
  });

  it('a POST without a body is treated as {}', async () => {
    const { server } = await setup();
    const response = await server.handler(new Request(`${API}/v1/client/sign_ins`, { method: 'POST' }));
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toMatchObject({ code: 'form_param_missing', meta: { paramName: 'identifier' } });
  });

  it('unknown path → 404; known path, wrong method → 405 with Allow', async () => {
    const { server } = await setup();
    const missing = await server.handler(new Request(`${API}/v1/nothing`));
    expect(missing.status).toBe(404);
    expect((await codeOf(missing))?.code).toBe('resource_not_found');
    const wrong = await server.handler(new Request(`${API}/v1/client`, { method: 'PUT' }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, DELETE');
    expect((await codeOf(wrong))?.code).toBe('method_not_allowed');
  });

  it('a malformed Authorization header → 401', async () => {
    const { server } = await setup();
    const response = await server.handler(new Request(`${API}/v1/client`, { headers: { authorization: 'Basic abc' } }));
    expect(response.status).toBe(401);
  });
});

describe('hostile field values get a 4xx with the field name, and nothing is mailed', () => {
  const hostile = ['ada@example.com\r\nBcc: victim@example.com', 'ada@example.com\n', 'ada\u0000@example.com'];

  it('identifiers with CR/LF or NUL → 400 form_param_format_invalid', async () => {
    const test = await setup();
    const browser = test.browser();
    for (const identifier of hostile) {
      const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier });
      expect(reply.status).toBe(400);
      expect(errorCode(reply)).toBe('form_param_format_invalid');
      expect(paramName(reply)).toBe('identifier');
      const signUp = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: identifier, password: 'a-long-unusual-phrase' });
      expect(signUp.status).toBe(400);
      expect(paramName(signUp)).toBe('emailAddress');
    }
    expect(test.outbox).toEqual([]);
    expect(test.store.writes).toBe(0);
  });

  it('lone UTF-16 surrogates in any field → 400 form_param_format_invalid, nothing stored', async () => {
    const test = await setup();
    const browser = test.browser();
    const cases: [Record<string, string>, string][] = [
      [{ emailAddress: 'x\ud800@example.com', password: 'a-long-unusual-phrase' }, 'emailAddress'],
      [{ emailAddress: 'lin@example.com', password: 'a-long-unusual-phrase', firstName: 'Lin\udfff' }, 'firstName'],
      [{ emailAddress: 'lin@example.com', password: 'unusual-\ud83d-phrase' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const reply = await browser.call('POST', '/v1/client/sign_ups', body);
      expect(reply.status).toBe(400);
      expect(errorCode(reply)).toBe('form_param_format_invalid');
      expect(paramName(reply)).toBe(field);
    }
    expect(test.outbox).toEqual([]);
    expect(test.store.writes).toBe(0);
  });

  it('10 KB strings → 422 form_param_too_long', async () => {
    const test = await setup();
    const browser = test.browser();
    const long = 'a'.repeat(10 * 1024);
    const cases: [string, Record<string, string>, string][] = [
      ['/v1/client/sign_ins', { identifier: `${long}@example.com` }, 'identifier'],
      ['/v1/client/sign_ups', { emailAddress: `${long}@example.com`, password: 'a-long-unusual-phrase' }, 'emailAddress'],
      ['/v1/client/sign_ups', { emailAddress: 'new@example.com', firstName: long }, 'firstName'],
    ];
    for (const [path, body, field] of cases) {
      const reply = await browser.call('POST', path, body);
      expect(reply.status).toBe(422);
      expect(errorCode(reply)).toBe('form_param_too_long');
      expect(paramName(reply)).toBe(field);
    }
    expect(test.outbox).toEqual([]);
    expect(test.store.writes).toBe(0);
  });

  it('wrong types → 400 form_param_format_invalid', async () => {
    const test = await setup();
    const reply = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: ['ada@example.com'] });
    expect(reply.status).toBe(400);
    expect(paramName(reply)).toBe('identifier');
  });
});

describe('unexpected failures', () => {
  it('become a 500 internal_error response, never a throw', async () => {
    const { createLatchServer } = await import('@latch/server');
    const store = new CountingStore();
    store.findBy = () => Promise.reject(new Error('disk on fire'));
    const errors: unknown[] = [];
    const server = createLatchServer({ issuer: API, store, onError: (error) => errors.push(error) });
    const response = await server.handler(post('/v1/client/sign_ins', JSON.stringify({ identifier: 'ada@example.com' })));
    expect(response.status).toBe(500);
    expect((await codeOf(response))?.code).toBe('internal_error');
    expect(errors).toHaveLength(1);
  });

  it('stay a 500 even when the error logger itself throws', async () => {
    const { createLatchServer } = await import('@latch/server');
    const store = new CountingStore();
    store.findBy = () => Promise.reject(new Error('disk on fire'));
    const server = createLatchServer({
      issuer: API,
      store,
      onError: () => {
        throw new Error('logger down');
      },
    });
    const response = await server.handler(post('/v1/client/sign_ins', JSON.stringify({ identifier: 'ada@example.com' })));
    expect(response.status).toBe(500);
  });
});
