// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserProfile } from '@latch/ui';
import { ada, grace, renderWith, serveMockBackend, signedInClient, totpCode } from './harness';

const { backend } = serveMockBackend();

// jsdom has no object URLs; the download test reads what would have been saved.
const objectUrls: Blob[] = [];
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => `blob:latch/${objectUrls.push(blob)}`;
  URL.revokeObjectURL = () => {};
});
afterEach(() => vi.restoreAllMocks());

type User = ReturnType<typeof userEvent.setup>;

async function openSecurity(user: User) {
  await user.click(screen.getByRole('button', { name: 'Security' }));
  const heading = screen.getByRole('heading', { level: 1, name: 'Security' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('<UserProfile/> Security page: password', () => {
  it('changes the password: a wrong current one is refused next to its field, and other devices are signed out', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    const laptop = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const password = section('Password');
    expect(within(password).getByText('Your account has a password.')).toBeTruthy();

    await user.click(within(password).getByRole('button', { name: 'Change password' }));
    const current = within(password).getByLabelText('Current password');
    expect(document.activeElement).toBe(current);
    expect((within(password).getByRole('checkbox', { name: 'Sign out of other devices' }) as HTMLInputElement).checked).toBe(true);

    await user.type(current, 'not-my-password');
    await user.type(within(password).getByLabelText('New password'), 'analytical-engine-1843');
    await user.type(within(password).getByLabelText('Confirm password'), 'analytical-engine-1842');
    await user.click(within(password).getByRole('button', { name: 'Save password' }));
    // Caught before any request.
    expect(within(password).getByText('The passwords do not match.').getAttribute('role')).toBe('alert');

    await user.clear(within(password).getByLabelText('Confirm password'));
    await user.type(within(password).getByLabelText('Confirm password'), 'analytical-engine-1843');
    await user.click(within(password).getByRole('button', { name: 'Save password' }));
    const wrong = await within(password).findByText('Your current password is incorrect.');
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(current.getAttribute('aria-describedby')).toContain(wrong.id);

    await user.clear(current);
    await user.type(current, ada.password);
    await user.click(within(password).getByRole('button', { name: 'Save password' }));
    expect(await within(password).findByText('Your password has been updated.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(password).getByRole('button', { name: 'Change password' })));

    // The other browser is signed out; this one stays; the new password works.
    expect(await laptop.getToken({ skipCache: true })).toBeNull();
    expect(await client.getToken({ skipCache: true })).toBeTruthy();
    const again = await signedInClient(backend, { emailAddress: ada.emailAddress, password: 'analytical-engine-1843' });
    expect(again.user?.id).toBe(client.user?.id);
  });

  it('sets a password for an account that has none', async () => {
    const user = userEvent.setup();
    await backend.server.admin.createUser({ emailAddress: 'nopass@example.com' });
    const { LatchClient } = await import('@latch/react');
    const { createMemoryStorage } = await import('@latch/client');
    const client = new LatchClient({ frontendApi: backend.url, tokenStorage: createMemoryStorage(), broadcast: false });
    await client.load();
    await client.signIn.create({ identifier: 'nopass@example.com' });
    await client.signIn.prepareFirstFactor({ strategy: 'email_code' });
    await client.signIn.attemptFirstFactor({ strategy: 'email_code', code: backend.latestCode('nopass@example.com')! });
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const password = section('Password');

    await user.click(within(password).getByRole('button', { name: 'Set password' }));
    expect(within(password).queryByLabelText('Current password')).toBeNull();
    expect(document.activeElement).toBe(within(password).getByLabelText('New password'));
    await user.type(within(password).getByLabelText('New password'), 'short');
    await user.type(within(password).getByLabelText('Confirm password'), 'short');
    await user.click(within(password).getByRole('button', { name: 'Save password' }));
    expect(await within(password).findByText('Your password is too short.')).toBeTruthy();

    await user.clear(within(password).getByLabelText('New password'));
    await user.type(within(password).getByLabelText('New password'), 'a-brand-new-passphrase');
    await user.clear(within(password).getByLabelText('Confirm password'));
    await user.type(within(password).getByLabelText('Confirm password'), 'a-brand-new-passphrase');
    await user.click(within(password).getByRole('button', { name: 'Save password' }));
    expect(await within(password).findByText('Your password has been updated.')).toBeTruthy();
    expect(client.user?.passwordEnabled).toBe(true);
    expect(within(password).getByRole('button', { name: 'Change password' })).toBeTruthy();
    client.destroy();
  });
});

describe('<UserProfile/> Security page: two-step verification', () => {
  it('enrolls TOTP from the QR code and secret, shows the backup codes once, regenerates them and turns it off', async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const twoStep = section('Two-step verification');

    await user.click(within(twoStep).getByRole('button', { name: 'Set up authenticator app' }));
    const enroll = await within(twoStep).findByRole('group', { name: 'Set up your authenticator app' });
    await waitFor(() => expect(document.activeElement).toBe(within(enroll).getByRole('heading', { level: 3 })));
    const qr = within(enroll).getByRole('img', { name: 'QR code to add Latch to your authenticator app' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    // The encoder is loaded on demand.
    await waitFor(() => expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/));
    expect(qr.getAttribute('aria-busy')).toBeNull();
    const secret = within(enroll).getByLabelText<HTMLTextAreaElement>('Cannot scan it? Enter this key in your app instead:').value.replaceAll(' ', '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await user.click(within(enroll).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(within(enroll).getByRole('status').textContent).toBe('Copied');

    await user.type(within(enroll).getByLabelText('Verification code'), '12');
    await user.click(within(enroll).getByRole('button', { name: 'Continue' }));
    expect(within(enroll).getByText('Enter the 6-digit code.')).toBeTruthy();
    await user.clear(within(enroll).getByLabelText('Verification code'));
    await user.type(within(enroll).getByLabelText('Verification code'), totpCode(secret));

    const codesPanel = await within(twoStep).findByRole('group', { name: 'Save your backup codes' });
    await waitFor(() => expect(document.activeElement).toBe(within(codesPanel).getByRole('heading', { level: 3 })));
    const codes = within(within(codesPanel).getByRole('list', { name: 'Backup codes' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(codes).toHaveLength(10);
    expect(client.user?.totpEnabled).toBe(true);

    await user.click(within(codesPanel).getByRole('button', { name: 'Copy codes' }));
    expect(await navigator.clipboard.readText()).toBe(codes.join('\n'));
    expect(within(codesPanel).getByRole('status').textContent).toBe('Copied');

    await user.click(within(codesPanel).getByRole('button', { name: 'Download codes' }));
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('backup-codes.txt');
    expect(link.href).toBe(`blob:latch/${objectUrls.length}`);
    const file = await readBlob(objectUrls.at(-1)!);
    expect(file).toContain('Backup codes for Latch.');
    for (const code of codes) expect(file).toContain(code!);

    // Escape must not throw away codes that cannot be shown again.
    await user.keyboard('{Escape}');
    expect(within(twoStep).getByRole('group', { name: 'Save your backup codes' })).toBeTruthy();
    await user.click(within(codesPanel).getByRole('button', { name: 'I have saved my codes' }));
    expect(within(twoStep).queryByRole('list', { name: 'Backup codes' })).toBeNull();
    expect(within(twoStep).getByRole('status').textContent).toBe('Two-step verification is on.');
    expect(within(twoStep).getByText('On')).toBeTruthy();

    // Regenerate: a confirmation, then ten new codes that replace the old ones.
    await user.click(within(twoStep).getByRole('button', { name: 'Regenerate backup codes' }));
    const confirm = within(twoStep).getByRole('group', { name: 'Create new backup codes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Create new codes' }));
    const fresh = await within(twoStep).findByRole('list', { name: 'Backup codes' });
    const freshCodes = within(fresh).getAllByRole('listitem').map((item) => item.textContent);
    expect(freshCodes).toHaveLength(10);
    expect(freshCodes).not.toEqual(codes);
    await user.click(within(twoStep).getByRole('button', { name: 'I have saved my codes' }));

    // Turn off, after a confirmation; focus lands on the button to set it up again.
    await user.click(within(twoStep).getByRole('button', { name: 'Turn off' }));
    const off = within(twoStep).getByRole('group', { name: 'Turn off two-step verification?' });
    await user.click(within(off).getByRole('button', { name: 'Turn off' }));
    expect(await within(twoStep).findByText('Two-step verification is off.')).toBeTruthy();
    expect(client.user?.totpEnabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(within(twoStep).getByRole('button', { name: 'Set up authenticator app' })));
  });

  it('shows a wrong code as the code field error, and cancelling returns focus', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const twoStep = section('Two-step verification');

    await user.click(within(twoStep).getByRole('button', { name: 'Set up authenticator app' }));
    const enroll = await within(twoStep).findByRole('group', { name: 'Set up your authenticator app' });
    const secret = within(enroll).getByLabelText<HTMLTextAreaElement>('Cannot scan it? Enter this key in your app instead:').value.replaceAll(' ', '');
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    const field = within(enroll).getByLabelText('Verification code');
    await user.type(field, wrong);
    const error = await within(enroll).findByText('The code is incorrect.');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);

    await user.click(within(enroll).getByRole('button', { name: 'Cancel' }));
    expect(within(twoStep).queryByRole('group')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(twoStep).getByRole('button', { name: 'Set up authenticator app' })));
    expect(client.user?.totpEnabled).toBe(false);
  });

  it('shows TOTP as on for a user who has it, and backs out of turning it off', async () => {
    const user = userEvent.setup();
    // Grace has TOTP on: her sign-in needs a code from her app.
    const { LatchClient } = await import('@latch/react');
    const { createMemoryStorage } = await import('@latch/client');
    const client = new LatchClient({ frontendApi: backend.url, tokenStorage: createMemoryStorage(), broadcast: false });
    await client.load();
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    await client.signIn.attemptSecondFactor({ strategy: 'totp', code: totpCode(grace.totpSecret) });
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const twoStep = section('Two-step verification');
    expect(within(twoStep).getByText('On')).toBeTruthy();
    expect(within(twoStep).queryByRole('button', { name: 'Set up authenticator app' })).toBeNull();

    await user.click(within(twoStep).getByRole('button', { name: 'Turn off' }));
    await user.click(within(within(twoStep).getByRole('group')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(twoStep).getByRole('button', { name: 'Turn off' })));
    expect(client.user?.totpEnabled).toBe(true);
    client.destroy();
  });
});

describe('<UserProfile/> Security page: devices and deletion', () => {
  it('lists the active devices with "This device", and signs another one out', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    const phone = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const devices = section('Active devices');

    const items = await within(devices).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [current, other] = items as [HTMLElement, HTMLElement];
    expect(within(current).getByText('This device')).toBeTruthy();
    expect(within(current).queryByRole('button')).toBeNull();
    expect(within(current).getByText(/^Last active /)).toBeTruthy();
    expect(within(other).queryByText('This device')).toBeNull();

    const signOut = within(other).getByRole('button', { name: 'Sign out of this device' });
    expect(signOut.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(signOut);
    expect(await within(devices).findByText('The device has been signed out.')).toBeTruthy();
    expect(within(devices).getAllByRole('listitem')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(within(devices).getByRole('heading', { level: 2 })));
    expect(await phone.getToken({ skipCache: true })).toBeNull();
    expect(await client.getToken({ skipCache: true })).toBeTruthy();
  });

  it('shows a failed load with a retry', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    backend.scenario('network-error');
    await openSecurity(user);
    const devices = section('Active devices');
    expect((await within(devices).findByRole('alert')).textContent).toBe(
      'We could not reach the server. Check your connection and try again.',
    );
    backend.scenario(null);
    await user.click(within(devices).getByRole('button', { name: 'Try again' }));
    expect(await within(devices).findByText('This device')).toBeTruthy();
  });

  it('deletes the account once the confirmation word is typed', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const danger = section('Delete account');

    await user.click(within(danger).getByRole('button', { name: 'Delete account' }));
    const field = within(danger).getByLabelText('Type DELETE to confirm');
    expect(document.activeElement).toBe(field);
    const button = within(danger).getByRole('button', { name: 'Delete account' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await user.type(field, 'delete');
    expect(button.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(client.user).not.toBeNull();

    await user.clear(field);
    await user.type(field, 'DELETE');
    expect(button.disabled).toBe(false);
    await user.click(button);
    expect(await screen.findByText('Signed out')).toBeTruthy();
    expect(client.user).toBeNull();
    await expect(signedInClient(backend)).rejects.toMatchObject({ code: 'form_password_incorrect' });
  });

  it('backs out of deleting with Cancel, focus back on the button', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const danger = section('Delete account');
    await user.click(within(danger).getByRole('button', { name: 'Delete account' }));
    await user.click(within(danger).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(danger).getByRole('button', { name: 'Delete account' })));
    expect(client.user).not.toBeNull();
  });
});
