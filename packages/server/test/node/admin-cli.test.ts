import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUserJSON } from '@latch/protocol';
import { routeTemplate } from '../../src/node/route-template';
import { runMain, startService, tempDir, testEncryptionKey, type TestService } from './helpers';

describe('latch-server keys and users', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const database = join(dir.path, 'latch.db');
    const env = { LATCH_DATABASE: database, LATCH_ENCRYPTION_KEY: testEncryptionKey };
    const cli = (...argv: string[]) => runMain(argv, env);
    const service: TestService = await startService({ database });
    cleanups.push(() => service.close());
    const adminGet = (key: string, path: string) => fetch(`${service.service.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { cli, adminGet };
  }

  it('keys create prints the key once; list shows only a hint; revoke stops it at once', async () => {
    const { cli, adminGet } = await setup();
    const created = await cli('keys', 'create', '--name', 'ci');
    expect(created.code).toBe(0);
    const key = /\b(sk_live_[A-Za-z0-9_-]{43})\b/.exec(created.stdout)?.[1] ?? '';
    expect(key).not.toBe('');
    expect((await adminGet(key, '/v1/admin/users')).status).toBe(200);

    const test = await cli('keys', 'create', '--name', 'tests', '--test');
    expect(test.stdout).toMatch(/sk_test_/);
    const listed = await cli('keys', 'list');
    expect(listed.stdout).toMatch(/ci\s+sk_live_…/);
    expect(listed.stdout).not.toContain(key.slice(8));

    const id = /Secret key (sk_\w+)/.exec(created.stdout)?.[1] ?? '';
    expect((await cli('keys', 'revoke', id)).code).toBe(0);
    expect((await adminGet(key, '/v1/admin/users')).status).toBe(401);
    expect((await cli('keys', 'list')).stdout).toMatch(/revoked/);
    expect(await cli('keys', 'revoke', 'sk_nothing')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no secret key has the id/) });
  });

  it('users create, list, ban, unban and delete work on the database', async () => {
    const { cli, adminGet } = await setup();
    const key = /\b(sk_live_\S+)/.exec((await cli('keys', 'create', '--name', 'ci')).stdout)?.[1] ?? '';
    const created = await cli('users', 'create', '--email', 'Ada@Example.com');
    expect(created).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Created user user_\w+ without a password/) });
    const userId = /(user_\w+)/.exec(created.stdout)?.[1] ?? '';
    expect((await cli('users', 'create', '--email', 'ada@example.com')).stderr).toMatch(/form_identifier_exists/);

    const listed = await cli('users', 'list', '--query', 'ada');
    expect(listed.stdout).toContain(userId);
    expect(listed.stdout).toContain('ada@example.com');

    expect((await cli('users', 'ban', 'ada@example.com')).code).toBe(0);
    const banned = (await (await adminGet(key, `/v1/admin/users/${userId}`)).json()) as AdminUserJSON;
    expect(banned.banned).toBe(true);
    expect((await cli('users', 'list')).stdout).toMatch(/banned/);
    await cli('users', 'unban', userId);
    expect(((await (await adminGet(key, `/v1/admin/users/${userId}`)).json()) as AdminUserJSON).banned).toBe(false);

    expect((await cli('users', 'delete', userId)).code).toBe(0);
    expect((await adminGet(key, `/v1/admin/users/${userId}`)).status).toBe(404);
    expect((await cli('users', 'delete', userId)).stderr).toMatch(/no user has the id/);
  });

  it('refuses a bad command line before opening the database', async () => {
    expect((await runMain(['keys', 'create'])).stderr).toMatch(/keys create needs --name/);
    expect((await runMain(['users', 'ban'])).stderr).toMatch(/users ban needs an id/);
    expect((await runMain(['users', 'promote', 'x'])).stderr).toMatch(/Use users list\|create\|ban\|unban\|delete/);
    expect((await runMain(['migrate', '--name', 'x'])).stderr).toMatch(/--name belongs to the keys and users commands/);
    expect((await runMain(['--session-claims', '{"role":"{{user.secret}}"}'])).stderr).toMatch(/LATCH_SESSION_CLAIMS \/ --session-claims\.role: unknown variable/);
    expect((await runMain(['--session-claims', '{oops'])).stderr).toMatch(/LATCH_SESSION_CLAIMS \/ --session-claims is not valid JSON/);
  });

  it('logs admin requests by route template, with no ids', () => {
    expect(routeTemplate('POST', '/v1/admin/users/user_8d3k/ban')).toBe('/v1/admin/users/:id/ban');
    expect(routeTemplate('PUT', '/v1/admin/users/user_8d3k')).toBe('/v1/admin/users/:id');
    expect(routeTemplate('GET', '/v1/admin/secret_things')).toBe('unknown');
    expect(routeTemplate('GET', '/v1/me/sessions')).toBe('/v1/me/sessions');
  });
});
