import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { AdminUserJSON, ClientJSON, TokenJSON, UserJSON } from '@latch/protocol';
import { createLatchServer } from '@latch/server';
import { ada, createTestServer, errorCode, paramName, type TestBrowser } from './helpers';

async function setup(sessionClaims?: Record<string, unknown>) {
  const test = createTestServer(sessionClaims ? { sessionClaims } : {});
  const { key } = await test.server.admin.secretKeys.create('ci');
  const admin = test.browser();
  admin.token = key;
  const user = await test.server.admin.createUser(ada);
  const browser = test.browser();
  const signIn = await browser.signInWithPassword(ada.emailAddress, ada.password);
  return { test, admin, browser, userId: user.id, sessionId: signIn.createdSessionId ?? '' };
}

async function claimsOf(browser: TestBrowser, sessionId: string): Promise<Record<string, unknown>> {
  const minted = await browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`);
  return decodeJwt((minted.json as TokenJSON).jwt);
}

const bigObject = { blob: 'x'.repeat(8 * 1024) };

describe('metadata', () => {
  it('public and unsafe reach the user; private never reaches any frontend response', async () => {
    const { admin, browser, userId } = await setup();
    const secret = 'stripe-customer-cus_123';
    const patched = await admin.call<AdminUserJSON>('PATCH', `/v1/admin/users/${userId}`, {
      publicMetadata: { role: 'admin' },
      privateMetadata: { stripe: secret },
      unsafeMetadata: { theme: 'dark' },
    });
    expect(patched.json).toMatchObject({ publicMetadata: { role: 'admin' }, privateMetadata: { stripe: secret }, unsafeMetadata: { theme: 'dark' } });

    const me = await browser.call<UserJSON>('GET', '/v1/me');
    expect(me.json.response).toMatchObject({ publicMetadata: { role: 'admin' }, unsafeMetadata: { theme: 'dark' } });
    const client = await browser.call<ClientJSON>('GET', '/v1/client');
    for (const reply of [me, client]) {
      expect(JSON.stringify(reply.json)).not.toContain(secret);
      expect(JSON.stringify(reply.json)).not.toContain('privateMetadata');
    }
  });

  it('the user writes unsafe metadata but not public or private', async () => {
    const { admin, browser, userId } = await setup();
    const reply = await browser.call<UserJSON>('PATCH', '/v1/me', { unsafeMetadata: { onboarded: true }, publicMetadata: { role: 'admin' }, privateMetadata: { x: 1 } });
    expect(reply.status).toBe(200);
    expect(reply.json.response).toMatchObject({ unsafeMetadata: { onboarded: true }, publicMetadata: {} });
    const seen = (await admin.call<AdminUserJSON>('GET', `/v1/admin/users/${userId}`)).json as AdminUserJSON;
    expect(seen).toMatchObject({ unsafeMetadata: { onboarded: true }, publicMetadata: {}, privateMetadata: {} });
  });

  it('is capped at 8 KB and must be an object, for the user and the backend alike', async () => {
    const { admin, browser, userId } = await setup();
    const tooBig = await browser.call('PATCH', '/v1/me', { unsafeMetadata: bigObject });
    expect([tooBig.status, errorCode(tooBig), paramName(tooBig)]).toEqual([422, 'metadata_too_large', 'unsafeMetadata']);
    for (const field of ['publicMetadata', 'privateMetadata', 'unsafeMetadata']) {
      const reply = await admin.call('PATCH', `/v1/admin/users/${userId}`, { [field]: bigObject });
      expect([errorCode(reply), paramName(reply)]).toEqual(['metadata_too_large', field]);
    }
    expect(errorCode(await browser.call('PATCH', '/v1/me', { unsafeMetadata: ['not', 'an', 'object'] }))).toBe('form_param_format_invalid');
    expect(errorCode(await admin.call('POST', '/v1/admin/users', { emailAddress: 'x@example.com', publicMetadata: bigObject }))).toBe('metadata_too_large');
    // Just under the cap is fine.
    const fits = await admin.call('PATCH', `/v1/admin/users/${userId}`, { publicMetadata: { blob: 'x'.repeat(8 * 1024 - 20) } });
    expect(fits.status).toBe(200);
  });
});

describe('the claims template', () => {
  it('renders public metadata into the session JWT, and a change reaches the next token', async () => {
    const { admin, browser, userId, sessionId } = await setup({
      role: '{{user.publicMetadata.role}}',
      permissions: '{{user.publicMetadata.permissions}}',
      greeting: 'hi {{user.firstName}}',
      email: '{{user.primaryEmailAddress}}',
    });
    expect(await claimsOf(browser, sessionId)).toMatchObject({ role: null, permissions: null, greeting: 'hi Ada', email: ada.emailAddress, sub: userId, sid: sessionId });
    await admin.call('PATCH', `/v1/admin/users/${userId}`, { publicMetadata: { role: 'admin', permissions: ['posts:edit'] }, privateMetadata: { never: 'here' } });
    const claims = await claimsOf(browser, sessionId);
    expect(claims).toMatchObject({ role: 'admin', permissions: ['posts:edit'] });
    expect(JSON.stringify(claims)).not.toContain('never');
  });

  it('cannot replace the standard claims', async () => {
    expect(() => createTestServer({ sessionClaims: { sub: '{{user.username}}' } })).toThrow(/'sub' is set by the server/);
  });

  it('is checked at start-up: unknown variables, private metadata and non-objects are refused with the setting named', () => {
    const start = (sessionClaims: unknown) => () => createLatchServer({ issuer: 'https://latch.test', sessionClaims: sessionClaims as Record<string, unknown> });
    expect(start({ role: '{{user.privateMetadata.role}}' })).toThrow(/sessionClaims\.role: unknown variable '\{\{user\.privateMetadata\.role\}\}'/);
    expect(start({ role: '{{user.password}}' })).toThrow(/unknown variable/);
    expect(start({ role: '{{user.publicMetadata.role}' })).toThrow(/unbalanced/);
    expect(start(['role'])).toThrow(/must be a JSON object/);
    expect(start({ nested: { deep: ['{{user.id}}', '{{user.publicMetadata.a.b}}'] } })).not.toThrow();
  });
});
