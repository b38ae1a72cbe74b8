import { describe, expect, it } from 'vitest';
import type { EnvironmentJSON } from '@latch/protocol';
import { defaultSettings } from '@latch/server';
import { createTestServer } from './helpers';

describe('environment and client', () => {
  it('GET /v1/client without a token: no client, plus the environment in the same trip', async () => {
    const test = createTestServer();
    const reply = await test.browser().call('GET', '/v1/client');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ response: null, client: null, environment: defaultSettings });
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('latch-client-token')).toBeNull();
  });

  it('merges settings deeply over the defaults', async () => {
    const test = createTestServer({
      settings: { applicationName: 'Acme', signUp: { fields: { username: 'required' } }, branding: { logoUrl: '/logo.svg' } },
    });
    const environment = (await test.browser().call('GET', '/v1/environment')).json.response as EnvironmentJSON;
    expect(environment.applicationName).toBe('Acme');
    expect(environment.signUp).toEqual({ enabled: true, fields: { ...defaultSettings.signUp.fields, username: 'required' } });
    expect(environment.branding).toEqual({ ...defaultSettings.branding, logoUrl: '/logo.svg' });
    expect(test.server.environment()).toEqual(environment);
  });

  it('environment() hands out a copy', () => {
    const test = createTestServer();
    test.server.environment().applicationName = 'Changed';
    expect(test.server.environment().applicationName).toBe('Latch');
  });
});
