import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignInJSON, TokenJSON } from '@latch/protocol';
import { serve } from '../../src/node/index';
import { ada, runMain as run, startService, tempDir } from './helpers';

const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const secret = 'JBSWY3DPEHPK3PXP';
const totpAt = (timestamp: number) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });

describe('the encryption key', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
  function databaseFile(): string {
    const dir = tempDir();
    dirs.push(dir);
    return join(dir.path, 'latch.db');
  }

  it('is required in production: the start fails with a message naming LATCH_ENCRYPTION_KEY', async () => {
    const { code, stderr } = await run(['start', '--port', '0', '--database', databaseFile()], { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toContain('LATCH_ENCRYPTION_KEY / --encryption-key is required outside development mode');
    await expect(serve({ port: 0, dev: false, database: databaseFile() })).rejects.toThrow('LATCH_ENCRYPTION_KEY');
    const bad = await run(['start', '--encryption-key', 'c2hvcnQ='], { NODE_ENV: 'production' });
    expect(bad.stderr).toBe('latch-server: LATCH_ENCRYPTION_KEY / --encryption-key must be 32 bytes in base64, such as the output of `openssl rand -base64 32`\n');
  });

  it('in development mode without a key, the server says in its log that it uses the development key', async () => {
    const running = await startService({ encryptionKey: undefined });
    try {
      expect(running.logs.join('\n')).toContain('published development key');
    } finally {
      await running.close();
    }
  });

  it('rotate-encryption-key re-encrypts every secret; the server then runs on the new key alone', async () => {
    const database = databaseFile();
    const before = await startService({ database, encryptionKey: oldKey });
    await before.service.latch.admin.createUser({ ...ada, totpSecret: secret, backupCodes: ['rotatecli2'] });
    const browser = before.client();
    const signIn = await browser.signIn(ada.emailAddress, ada.password);
    const passed = await browser.call('POST', `/v1/client/sign_ins/${signIn.id}/attempt_second_factor`, { strategy: 'totp', code: totpAt(Date.now()) });
    // Minting makes the signing key, sealed like the rest.
    const sessionId = (passed.json.response as SignInJSON).createdSessionId as string;
    expect((await browser.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(200);
    await before.close();

    const withoutOld = await run(['rotate-encryption-key', '--database', database, '--encryption-key', newKey]);
    expect(withoutOld.code).toBe(1);
    expect(withoutOld.stderr).toContain('set the key it was sealed with as the previous key');

    const rotated = await run(['rotate-encryption-key', '--database', database, '--encryption-key', newKey, '--previous-encryption-key', oldKey]);
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain("1 users' TOTP secrets, 1 signing keys, the code HMAC key");

    const after = await startService({ database, encryptionKey: newKey });
    try {
      const again = after.client();
      const first = await again.signIn(ada.emailAddress, ada.password);
      const done = await again.call('POST', `/v1/client/sign_ins/${first.id}/attempt_second_factor`, { strategy: 'backup_code', code: 'rotatecli2' });
      expect(done.status).toBe(200);
      const sessionId = (done.json.response as SignInJSON).createdSessionId as string;
      expect((await again.call<TokenJSON>('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(200);
    } finally {
      await after.close();
    }
  });
});
