import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SignInJSON, SignUpJSON, TokenJSON } from '@latch/protocol';
import type { OutgoingEmail } from '../../src/index';
import { batchedLines, createLogger } from '../../src/node/logger';
import { startService, type TestService } from './helpers';

const grace = { emailAddress: 'grace@example.com', password: 'cobol-compiler-1959' };

describe('structured logs', () => {
  let running: TestService | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('log one JSON line per request with the route template, and never a secret', async () => {
    const sent: OutgoingEmail[] = [];
    running = await startService({ dev: false, mailer: (email) => void sent.push(email) });
    const { service } = running;
    const secrets: string[] = [grace.password, 'wrong-password-123'];

    // Sign up with an emailed code, in header mode.
    const browser = running.client();
    const created = await browser.call('POST', '/v1/client/sign_ups', grace);
    const signUpId = (created.json.response as SignUpJSON).id;
    await browser.call('POST', `/v1/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
    const signUpCode = sent.at(-1)?.code ?? '';
    const verified = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/attempt_verification`, { code: signUpCode });
    const sessionId = (verified.json.response as SignUpJSON).createdSessionId ?? '';
    const minted = await browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`);
    secrets.push(signUpCode, browser.token ?? '', minted.json.jwt);
    await browser.call('DELETE', '/v1/client');

    // A wrong password, then sign in by email code, in cookie mode.
    const signIn = await fetch(`${service.url}/v1/client/sign_ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: grace.emailAddress, password: 'wrong-password-123' }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const attempt = (await signIn.json()) as { errors: unknown[] };
    expect(attempt.errors).toHaveLength(1);
    const client = (await (await fetch(`${service.url}/v1/client`, { headers: { cookie } })).json()) as { client: { signIn: SignInJSON } };
    const pending = client.client.signIn;
    const factor = pending.supportedFirstFactors.find((candidate) => candidate.strategy === 'email_code');
    const csrf = { cookie, origin: service.publicUrl, 'latch-requested-with': 'fetch', 'content-type': 'application/json' };
    await fetch(`${service.url}/v1/client/sign_ins/${pending.id}/prepare_first_factor`, {
      method: 'POST',
      headers: csrf,
      body: JSON.stringify({ strategy: 'email_code', emailAddressId: factor && 'emailAddressId' in factor ? factor.emailAddressId : '' }),
    });
    const signInCode = sent.at(-1)?.code ?? '';
    const done = await fetch(`${service.url}/v1/client/sign_ins/${pending.id}/attempt_first_factor`, {
      method: 'POST',
      headers: csrf,
      body: JSON.stringify({ strategy: 'email_code', code: signInCode }),
    });
    expect(((await done.json()) as { response: SignInJSON }).response.status).toBe('complete');
    const rotatedCookie = done.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    secrets.push(signInCode, cookie.split('=')[1] ?? '', rotatedCookie.split('=')[1] ?? '');

    // Each request is logged once its connection is done with it, which may trail the reply by a moment.
    await vi.waitFor(() => expect(running?.entries().filter((entry) => entry.msg === 'request')).toHaveLength(9));
    const log = running.logs.join('\n');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(5);
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/bearer|cookie|authorization/i);

    const requests = running.entries().filter((entry) => entry.msg === 'request');
    for (const entry of requests) {
      expect(Object.keys(entry)).toEqual(['time', 'level', 'msg', 'method', 'route', 'status', 'durationMs', 'requestId']);
      expect(entry.route).not.toMatch(/_[0-9a-z]{20}/);
    }
    expect(requests.map((entry) => `${entry.method} ${entry.route} ${entry.status}`)).toContain(
      'POST /v1/client/sign_ins/:id/attempt_first_factor 200',
    );
    expect(requests.find((entry) => entry.status === 422)).toMatchObject({ route: '/v1/client/sign_ins' });
  });

  it('logs unknown paths as "unknown", not as what was asked for', async () => {
    running = await startService();
    expect((await fetch(`${running.service.url}/wp-admin/install.php?x=secret`)).status).toBe(404);
    await vi.waitFor(() => expect(running?.entries().at(-1)).toMatchObject({ msg: 'request', method: 'GET', route: 'unknown', status: 404 }));
    expect(running.logs.join('\n')).not.toContain('wp-admin');
  });

  it("latch-server writes a turn's info lines in one write, and a warning at once with what waited before it", async () => {
    const writes: string[] = [];
    const output = batchedLines((text) => void writes.push(text));
    const logger = createLogger(output.line);
    logger.info('first');
    logger.info('second');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.map((text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line).msg))).toEqual([['first', 'second']]);

    logger.info('third');
    logger.error('fourth');
    expect(writes.slice(1).map((text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line).msg))).toEqual([['third', 'fourth']]);
    logger.debug('below the level');
    logger.info('fifth');
    output.flush();
    expect(writes.at(-1)).toMatch(/"msg":"fifth"\}\n$/);
    expect(writes.join('')).not.toContain('below the level');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(3);
  });
});

