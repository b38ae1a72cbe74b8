import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, apiFailure, newClient, signedInClient, totpCode } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function setup() {
  const backend = createMockBackend({ users: [ada] });
  server.use(...backend.handlers);
  const client = await signedInClient(backend.url);
  return { backend, client, user: client.user! };
}

describe('user', () => {
  it('updates names and username, and the state holds the returned user', async () => {
    const { client, user } = await setup();
    const updated = await user.update({ firstName: 'Augusta', username: 'augusta' });
    expect(updated.firstName).toBe('Augusta');
    expect(updated.username).toBe('augusta');
    expect(updated.fullName).toBe('Augusta Lovelace');
    expect(client.user).toBe(updated);
    expect(user.firstName).toBe('Ada'); // resources are immutable snapshots
  });

  it('sets a profile image from a Blob and removes it', async () => {
    const { client, user } = await setup();
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });
    const withImage = await user.setProfileImage({ file: png });
    expect(withImage.imageUrl).toBeTruthy();
    expect(client.user?.imageUrl).toBe(withImage.imageUrl);

    const without = await withImage.setProfileImage({ file: null });
    expect(without.imageUrl).toBeNull();
  });

  it('adds, verifies, makes primary and removes email addresses, but never the last one', async () => {
    const { backend, client, user } = await setup();
    const added = await user.createEmailAddress({ emailAddress: 'countess@example.com' });
    expect(added.isVerified).toBe(false);
    expect(client.user?.emailAddresses.map((e) => e.emailAddress)).toEqual(['ada@example.com', 'countess@example.com']);

    await added.prepareVerification();
    const wrong = await apiFailure(added.attemptVerification({ code: backend.latestCode('countess@example.com') === '000000' ? '111111' : '000000' }));
    expect(wrong.code).toBe('form_code_incorrect');
    const verified = await added.attemptVerification({ code: backend.latestCode('countess@example.com')! });
    expect(verified.isVerified).toBe(true);
    expect(client.user?.emailAddresses[1]).toBe(verified);

    await verified.setAsPrimary();
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('countess@example.com');
    expect((await apiFailure(client.user!.primaryEmailAddress!.destroy())).code).toBe('email_address_is_primary');

    const original = client.user!.emailAddresses.find((e) => e.emailAddress === 'ada@example.com')!;
    await original.destroy();
    expect(client.user?.emailAddresses.map((e) => e.emailAddress)).toEqual(['countess@example.com']);

    const last = await apiFailure(client.user!.emailAddresses[0]!.destroy());
    expect(last.status).toBe(422);
    expect(last.code).toBe('last_verified_email_address');
    expect(client.user?.emailAddresses).toHaveLength(1);
  });

  it('changes the password only with the right current one', async () => {
    const { backend, user } = await setup();
    const wrong = await apiFailure(user.updatePassword({ currentPassword: 'not-my-password', newPassword: 'another-long-passphrase' }));
    expect(wrong.code).toBe('form_password_incorrect');
    expect(wrong.errors[0]?.meta?.paramName).toBe('currentPassword');

    await user.updatePassword({ currentPassword: ada.password, newPassword: 'another-long-passphrase' });
    const elsewhere = newClient(backend.url);
    await elsewhere.load();
    await elsewhere.signIn.create({ identifier: ada.emailAddress, password: 'another-long-passphrase' });
    expect(elsewhere.user?.id).toBe(user.id);
  });

  it('enrolls TOTP with a code from the secret, regenerates backup codes and disables TOTP', async () => {
    const { backend, client, user } = await setup();
    const { secret, uri } = await user.createTOTP();
    expect(uri).toContain('otpauth://totp/');

    const { backupCodes } = await user.verifyTOTP({ code: totpCode(secret) });
    expect(backupCodes).toHaveLength(10);
    expect(client.user?.totpEnabled).toBe(true);
    expect(client.user?.backupCodeEnabled).toBe(true);
    expect(client.user?.twoFactorEnabled).toBe(true);

    const { codes } = await client.user!.createBackupCodes();
    expect(codes).toHaveLength(10);
    expect(codes.filter((c) => backupCodes.includes(c))).toHaveLength(0);

    // The next sign-in asks for the second factor; an old backup code no longer works, a new one does.
    const next = newClient(backend.url);
    await next.load();
    const needsCode = await next.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    expect(needsCode.status).toBe('needs_second_factor');
    expect((await apiFailure(needsCode.attemptSecondFactor({ strategy: 'backup_code', code: backupCodes[0]! }))).code).toBe(
      'form_code_incorrect',
    );
    await needsCode.attemptSecondFactor({ strategy: 'backup_code', code: codes[0]! });
    expect(next.session).not.toBeNull();

    const disabled = await client.user!.disableTOTP();
    expect(disabled.totpEnabled).toBe(false);
    expect(client.user).toBe(disabled);
  });

  it('lists the signed-in devices and revokes another one', async () => {
    const { backend, client, user } = await setup();
    const laptop = await signedInClient(backend.url);
    const sessions = await user.getSessions();
    expect(sessions.map((s) => s.id).sort()).toEqual([client.session!.id, laptop.session!.id].sort());
    expect(sessions.find((s) => s.isCurrent)?.id).toBe(client.session!.id);

    await user.revokeSession(laptop.session!.id);
    expect((await user.getSessions()).map((s) => s.id)).toEqual([client.session!.id]);
    expect(await laptop.getToken()).toBeNull();
    expect(laptop.session).toBeNull();
  });

  it('deletes the account and signs out', async () => {
    const { backend, client, user } = await setup();
    await user.delete();
    expect(client.session).toBeNull();
    expect(client.user).toBeNull();

    const again = newClient(backend.url);
    await again.load();
    expect((await apiFailure(again.signIn.create({ identifier: ada.emailAddress, password: ada.password }))).code).toBe(
      'form_password_incorrect',
    );
  });
});
