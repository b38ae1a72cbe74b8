// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserProfile } from '@latch/ui';
import { ada, pngFile, renderWith, serveMockBackend, signedInClient } from './harness';

const { backend } = serveMockBackend({ settings: { identifiers: { username: true } } });

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('<UserProfile/> Account page', () => {
  it('shows the account with the navbar on Account', async () => {
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);

    expect(screen.getByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Account settings' });
    expect(within(nav).getByRole('button', { name: 'Account' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: 'Security' }).getAttribute('aria-current')).toBeNull();
    // No picture yet: the initials stand in, named for screen readers.
    expect(screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' }).textContent).toBe('AL');
  });

  it('uploads a picture after a preview, then removes it back to the initials', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);

    const input = screen.getByLabelText('Upload image');
    expect(input.getAttribute('type')).toBe('file');
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    await user.upload(input, pngFile());

    // A preview first, from the file itself (read asynchronously); nothing is sent yet.
    const save = await screen.findByRole('button', { name: 'Save image' });
    const preview = screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' });
    expect(preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(client.user?.imageUrl).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(save));

    await user.click(save);
    expect(await screen.findByText('Your profile picture has been updated.')).toBeTruthy();
    expect(client.user?.imageUrl).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' }).getAttribute('src')).toBe(client.user?.imageUrl);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Upload image')));

    await user.click(screen.getByRole('button', { name: 'Remove image' }));
    expect(await screen.findByText('Your profile picture has been removed.')).toBeTruthy();
    expect(client.user?.imageUrl).toBeNull();
    expect(screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' }).textContent).toBe('AL');
    expect(screen.queryByRole('button', { name: 'Remove image' })).toBeNull();
  });

  it('cancels a preview, and refuses a file that is not an image before sending it', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);

    await user.upload(screen.getByLabelText('Upload image'), pngFile());
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' }).textContent).toBe('AL');

    await user.upload(screen.getByLabelText('Upload image'), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Choose a PNG, JPEG, WebP or GIF image.');
    const input = screen.getByLabelText('Upload image');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    expect(client.user?.imageUrl).toBeNull();
  });

  it('updates the names and username, and shows a taken username next to its field', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);

    const profile = section('Profile');
    const first = within(profile).getByLabelText('First name');
    expect((first as HTMLInputElement).value).toBe('Ada');
    await user.clear(first);
    await user.type(first, 'Augusta Ada');
    await user.clear(within(profile).getByLabelText('Last name'));
    await user.type(within(profile).getByLabelText('Last name'), 'King');
    await user.type(within(profile).getByLabelText('Username'), 'countess');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));

    expect(await within(profile).findByText('Your profile has been updated.')).toBeTruthy();
    expect(within(profile).getByRole('status').textContent).toBe('Your profile has been updated.');
    expect(client.user).toMatchObject({ firstName: 'Augusta Ada', lastName: 'King', username: 'countess' });

    // Grace's username is taken.
    const username = within(profile).getByLabelText('Username');
    await user.clear(username);
    await user.type(username, 'amazing-grace');
    await user.click(within(profile).getByRole('button', { name: 'Save profile' }));
    const error = await within(profile).findByText('That username is already taken.');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toContain(error.id);
    expect(error.getAttribute('role')).toBe('alert');
    expect(client.user?.username).toBe('countess');
  });

  it('adds an email address, verifies it with the emailed code, makes it primary and removes the old one', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    const emails = section('Email addresses');
    const adaRow = within(emails).getByText('ada@example.com').closest('li')!;
    expect(within(adaRow).getByText('Primary')).toBeTruthy();
    expect(within(adaRow).getByText('Verified')).toBeTruthy();

    await user.click(within(emails).getByRole('button', { name: 'Add email address' }));
    const field = within(emails).getByLabelText('Email address');
    expect(document.activeElement).toBe(field);
    await user.click(within(emails).getByRole('button', { name: 'Continue' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await user.type(field, 'countess@example.com');
    await user.click(within(emails).getByRole('button', { name: 'Continue' }));

    // Straight on to the code, sent to the new address; the field is focused and described by where the code went.
    const code = await within(emails).findByLabelText('Verification code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.getByText('Enter the code we sent to countess@example.com.').id).toBe(code.getAttribute('aria-describedby'));
    const newRow = within(emails).getByText('countess@example.com').closest('li')!;
    expect(within(newRow).getByText('Unverified')).toBeTruthy();

    await user.type(code, '000000');
    expect(await within(emails).findByText('The code is incorrect.')).toBeTruthy();
    await user.clear(code);
    await user.type(code, backend.latestCode('countess@example.com')!);
    expect(await within(emails).findByText('countess@example.com is verified.')).toBeTruthy();
    expect(within(newRow).getByText('Verified')).toBeTruthy();
    // Focus goes back to the row: its first action is now "Set as primary".
    const setPrimary = within(newRow).getByRole('button', { name: 'Set as primary' });
    await waitFor(() => expect(document.activeElement).toBe(setPrimary));

    await user.click(setPrimary);
    expect(await within(emails).findByText('countess@example.com is now your primary email address.')).toBeTruthy();
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('countess@example.com');
    expect(within(newRow).getByText('Primary')).toBeTruthy();

    // Removing asks first; Escape backs out, back to the Remove button.
    const adaRemove = within(adaRow).getByRole('button', { name: 'Remove' });
    await user.click(adaRemove);
    const confirm = within(adaRow).getByRole('group', { name: 'Remove ada@example.com?' });
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('heading', { level: 3 })));
    await user.keyboard('{Escape}');
    expect(within(adaRow).queryByRole('group')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(adaRow).getByRole('button', { name: 'Remove' })));

    await user.click(within(adaRow).getByRole('button', { name: 'Remove' }));
    await user.click(within(within(adaRow).getByRole('group')).getByRole('button', { name: 'Remove' }));
    expect(await within(emails).findByText('ada@example.com has been removed.')).toBeTruthy();
    expect(within(emails).queryByText('ada@example.com')).toBeNull();
    expect(client.user?.emailAddresses.map((e) => e.emailAddress)).toEqual(['countess@example.com']);
    await waitFor(() => expect(document.activeElement).toBe(within(emails).getByRole('heading', { level: 2, name: 'Email addresses' })));
  });

  it('shows the API refusing to remove the only verified address', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    const row = within(section('Email addresses')).getByText(ada.emailAddress).closest('li')!;

    await user.click(within(row).getByRole('button', { name: 'Remove' }));
    await user.click(within(within(row).getByRole('group')).getByRole('button', { name: 'Remove' }));
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toBe('You cannot remove your only verified email address.');
    expect(client.user?.emailAddresses).toHaveLength(1);
  });

  it('refuses to remove the primary address while another verified one exists', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    const added = await client.user!.createEmailAddress({ emailAddress: 'second@example.com' });
    await added.prepareVerification();
    await added.attemptVerification({ code: backend.latestCode('second@example.com')! });
    await renderWith(client, <UserProfile />);
    const row = within(section('Email addresses')).getByText(ada.emailAddress).closest('li')!;

    await user.click(within(row).getByRole('button', { name: 'Remove' }));
    await user.click(within(within(row).getByRole('group')).getByRole('button', { name: 'Remove' }));
    expect((await within(row).findByRole('alert')).textContent).toBe('Make another email address primary before removing this one.');
  });

  it('verifies an address left unverified, and resends its code', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await client.user!.createEmailAddress({ emailAddress: 'later@example.com' });
    await renderWith(client, <UserProfile />);
    const row = within(section('Email addresses')).getByText('later@example.com').closest('li')!;

    await user.click(within(row).getByRole('button', { name: 'Verify' }));
    const code = await within(row).findByLabelText('Verification code');
    const first = backend.latestCode('later@example.com');
    expect(first).toMatch(/^\d{6}$/);
    await user.click(within(row).getByRole('button', { name: 'Resend code' }));
    expect(await within(row).findByText('We sent a new code to later@example.com.')).toBeTruthy();
    expect(backend.outbox.filter((mail) => mail.to === 'later@example.com')).toHaveLength(2);

    await user.type(code, backend.latestCode('later@example.com')!);
    expect(await screen.findByText('later@example.com is verified.')).toBeTruthy();
    expect(client.user?.emailAddresses.find((e) => e.emailAddress === 'later@example.com')?.isVerified).toBe(true);
  });
});
