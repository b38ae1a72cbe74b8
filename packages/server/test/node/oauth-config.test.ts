import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/node/index';
import { startService, tempDir } from './helpers';

describe('--oauth: the providers file', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  function oauthFile(content: unknown): string {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'oauth.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }

  const file = {
    callbackUrls: ['https://app.example.com/sign-in/sso-callback'],
    providers: [{ id: 'google', clientId: 'g-id', clientSecret: 'env:GOOGLE_SECRET' }],
  };

  it('reads secrets written env:NAME from the environment (flag or LATCH_OAUTH)', () => {
    const path = oauthFile(file);
    const config = loadConfig(['--oauth', path], { GOOGLE_SECRET: 's3cret-value' });
    expect(config.oauth).toEqual({ callbackUrls: file.callbackUrls, providers: [{ id: 'google', clientId: 'g-id', clientSecret: 's3cret-value' }] });
    expect(loadConfig([], { LATCH_OAUTH: path, GOOGLE_SECRET: 'x' }).oauth?.providers[0]).toMatchObject({ clientSecret: 'x' });
  });

  it('names what is wrong: a missing variable, bad JSON, a missing list', () => {
    const message = (argv: string[], env: Record<string, string> = {}) => {
      try {
        loadConfig(argv, env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message(['--oauth', oauthFile(file)])).toMatch(/GOOGLE_SECRET, which is not set/);
    expect(message(['--oauth', oauthFile('{nope')])).toMatch(/not valid JSON/);
    expect(message(['--oauth', oauthFile({ providers: [] })])).toMatch(/callbackUrls/);
  });

  it('the service lists the providers in its environment and keeps the secret', async () => {
    const config = loadConfig(['--oauth', oauthFile(file)], { GOOGLE_SECRET: 's3cret-value' });
    const running = await startService({ oauth: config.oauth });
    try {
      const reply = await running.client().call('GET', '/v1/environment');
      expect(JSON.stringify(reply.json)).not.toContain('s3cret-value');
      expect((reply.json.response as { oauthProviders: unknown[] }).oauthProviders).toEqual([
        { id: 'google', strategy: 'oauth_google', name: 'Google', icon: 'google', iconUrl: null, signIn: true, signUp: true },
      ]);
    } finally {
      await running.close();
    }
  });
});
