import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, apiFailure, newClient, signedInClient, TOTP_SECRET, totpCode } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function backendWith(options: Parameters<typeof createMockBackend>[0] = {}) {
  const backend = createMockBackend({ users: [ada], ...options });
  server.use(...backend.handlers);
  return backend;
}

describe('sign-in', () => {
  it('signs in with a password in one call and follows the server into the session', async () => {
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    expect(client.getState().isLoaded).toBe(true);
    expect(client.environment?.identifiers.emailAddress).toBe(true);
    expect(client.session).toBeNull();
    expect(client.signIn.status).toBe('needs_identifier');

    const signIn = await client.signIn.create({ identifier: 'ADA@example.com', password: ada.password });

    expect(signIn.status).toBe('complete');
    expect(client.session?.id).toBe(signIn.createdSessionId);
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(client.user?.fullName).toBe('Ada Lovelace');
    expect(client.sessions).toHaveLength(1);
  });

  it('lists the first factors, then signs in with a password attempt', async () => {
    const backend = backendWith({ settings: { identifiers: { username: true } } });
    const client = newClient(backend.url);
    await client.load();

    const started = await client.signIn.create({ identifier: 'ada' });
    expect(started.status).toBe('needs_first_factor');
    expect(started.supportedFirstFactors.map((f) => f.strategy)).toEqual(
      expect.arrayContaining(['password', 'email_code', 'reset_password_email_code']),
    );
    // Enumeration protection (the default): nothing about the account before the first factor.
    expect(started.userData).toBeNull();
    expect(client.signIn).toBe(started);

    const done = await started.attemptFirstFactor({ strategy: 'password', password: ada.password });
    expect(done.status).toBe('complete');
    expect(client.user?.username).toBe('ada');
    expect(client.user?.firstName).toBe('Ada');
  });

  it('lets every step be called on the snapshot taken before create(), as a form handler does', async () => {
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    const signIn = client.signIn; // what useSignIn() handed the component before the first step

    await signIn.create({ identifier: ada.emailAddress });
    await signIn.prepareFirstFactor({ strategy: 'email_code' });
    const done = await signIn.attemptFirstFactor({ strategy: 'email_code', code: backend.latestCode(ada.emailAddress)! });

    expect(done.status).toBe('complete');
    expect(client.session?.id).toBe(done.createdSessionId);
  });

  it('signs in with an emailed code', async () => {
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();

    const started = await client.signIn.create({ identifier: ada.emailAddress });
    const prepared = await started.prepareFirstFactor({ strategy: 'email_code' });
    expect(prepared.firstFactorVerification?.strategy).toBe('email_code');
    const code = backend.latestCode(ada.emailAddress);
    expect(code).toMatch(/^\d{6}$/);

    const done = await prepared.attemptFirstFactor({ strategy: 'email_code', code: code! });
    expect(done.status).toBe('complete');
    expect(client.user?.id).toBeTruthy();
  });

  it('refuses a wrong password and an unknown identifier with field errors', async () => {
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();

    const wrong = await apiFailure(client.signIn.create({ identifier: ada.emailAddress, password: 'not-the-password' }));
    expect(wrong.status).toBe(422);
    expect(wrong.code).toBe('form_password_incorrect');

    // Enumeration protection (the default): an unknown account fails like a wrong password.
    const unknown = await apiFailure(client.signIn.create({ identifier: 'nobody@example.com', password: 'not-the-password' }));
    expect(unknown.code).toBe('form_password_incorrect');
    expect(unknown.errors[0]?.meta?.paramName).toBe('password');
    expect(client.session).toBeNull();

    const off = newClient(backendWith({ settings: { enumerationProtection: false } }).url);
    await off.load();
    const notFound = await apiFailure(off.signIn.create({ identifier: 'nobody@example.com' }));
    expect(notFound.code).toBe('form_identifier_not_found');
    expect(notFound.errors[0]?.meta?.paramName).toBe('identifier');
  });

  it('refuses a wrong email code', async () => {
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    const prepared = await (await client.signIn.create({ identifier: ada.emailAddress })).prepareFirstFactor({
      strategy: 'email_code',
    });
    const code = backend.latestCode(ada.emailAddress)!;
    const wrongCode = code === '000000' ? '111111' : '000000';

    const error = await apiFailure(prepared.attemptFirstFactor({ strategy: 'email_code', code: wrongCode }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('form_code_incorrect');
    expect(client.session).toBeNull();
  });

  it('refuses an email code after 10 minutes (injected clock)', async () => {
    let now = Date.now();
    const backend = backendWith({ now: () => now });
    const client = newClient(backend.url);
    await client.load();
    const prepared = await (await client.signIn.create({ identifier: ada.emailAddress })).prepareFirstFactor({
      strategy: 'email_code',
    });
    const code = backend.latestCode(ada.emailAddress)!;

    now += 10 * 60 * 1000 + 1000;
    const error = await apiFailure(prepared.attemptFirstFactor({ strategy: 'email_code', code }));
    expect(error.code).toBe('verification_expired');
    expect(client.session).toBeNull();
  });

  it('locks the account after 10 failures: 429 with retryAfterSeconds, even for the right password', async () => {
    const backend = backendWith();
    const client = newClient(backend.url);
    await client.load();
    for (let i = 0; i < 10; i++) {
      const error = await apiFailure(client.signIn.create({ identifier: ada.emailAddress, password: `wrong-${i}-password` }));
      expect(error.code).toBe('form_password_incorrect');
    }

    const locked = await apiFailure(client.signIn.create({ identifier: ada.emailAddress, password: ada.password }));
    expect(locked.status).toBe(429);
    expect(locked.code).toBe('user_locked');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(client.session).toBeNull();
  });
});

describe('password reset', () => {
  async function resetPassword(signOutOfOtherSessions: boolean) {
    const backend = backendWith();
    const otherDevice = await signedInClient(backend.url);
    const client = newClient(backend.url);
    await client.load();

    const started = await client.signIn.create({ identifier: ada.emailAddress });
    await started.prepareFirstFactor({ strategy: 'reset_password_email_code' });
    const verified = await client.signIn.attemptFirstFactor({
      strategy: 'reset_password_email_code',
      code: backend.latestCode(ada.emailAddress)!,
    });
    expect(verified.status).toBe('needs_new_password');
    const done = await verified.resetPassword({ password: 'a-brand-new-passphrase', signOutOfOtherSessions });
    expect(done.status).toBe('complete');
    expect(client.session?.id).toBe(done.createdSessionId);

    // The new password works and the old one does not.
    const fresh = newClient(backend.url);
    await fresh.load();
    expect((await apiFailure(fresh.signIn.create({ identifier: ada.emailAddress, password: ada.password }))).code).toBe(
      'form_password_incorrect',
    );
    await fresh.signIn.create({ identifier: ada.emailAddress, password: 'a-brand-new-passphrase' });
    expect(fresh.user?.id).toBe(client.user?.id);
    return otherDevice;
  }

  it('can sign out every other session', async () => {
    const otherDevice = await resetPassword(true);
    expect(await otherDevice.getToken()).toBeNull();
    expect(otherDevice.session).toBeNull();
  });

  it('can keep the other sessions', async () => {
    const otherDevice = await resetPassword(false);
    expect(await otherDevice.getToken()).toMatch(/^ey/);
    expect(otherDevice.session).not.toBeNull();
  });
});

describe('second factor', () => {
  const adaWithTotp = { ...ada, totpSecret: TOTP_SECRET, backupCodes: ['11111111', '22222222'] };

  it('asks for a TOTP code after the password, then completes', async () => {
    const backend = backendWith({ users: [adaWithTotp] });
    const client = newClient(backend.url);
    await client.load();

    const needsCode = await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    expect(needsCode.status).toBe('needs_second_factor');
    expect(needsCode.supportedSecondFactors).toEqual([{ strategy: 'totp' }, { strategy: 'backup_code' }]);
    expect(client.session).toBeNull();

    const done = await needsCode.attemptSecondFactor({ strategy: 'totp', code: totpCode(TOTP_SECRET) });
    expect(done.status).toBe('complete');
    expect(client.user?.totpEnabled).toBe(true);
  });

  it('refuses a TOTP code that was already used', async () => {
    const backend = backendWith({ users: [adaWithTotp] });
    const code = totpCode(TOTP_SECRET);
    const first = newClient(backend.url);
    await first.load();
    await (await first.signIn.create({ identifier: ada.emailAddress, password: ada.password })).attemptSecondFactor({
      strategy: 'totp',
      code,
    });
    expect(first.session).not.toBeNull();

    const second = newClient(backend.url);
    await second.load();
    const needsCode = await second.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const replay = await apiFailure(needsCode.attemptSecondFactor({ strategy: 'totp', code }));
    expect(replay.status).toBe(422);
    expect(replay.code).toBe('form_code_incorrect');
    expect(second.session).toBeNull();
  });

  it('accepts a backup code once', async () => {
    const backend = backendWith({ users: [adaWithTotp] });
    const client = newClient(backend.url);
    await client.load();
    const needsCode = await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const done = await needsCode.attemptSecondFactor({ strategy: 'backup_code', code: '11111111' });
    expect(done.status).toBe('complete');

    const again = newClient(backend.url);
    await again.load();
    const second = await again.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const reused = await apiFailure(second.attemptSecondFactor({ strategy: 'backup_code', code: '11111111' }));
    expect(reused.code).toBe('form_code_incorrect');
  });
});
