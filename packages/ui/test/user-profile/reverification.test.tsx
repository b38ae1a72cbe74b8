// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserProfile } from '@latch/ui';
import { ada, grace, renderWith, serveMockBackend, signedInClient, totpCode } from './harness';
import { violations } from '../mock-backend';

/** The mock's clock runs this far ahead once a test says the session has gone stale. */
let offset = 0;
const now = () => Date.now() + offset;
const { backend } = serveMockBackend({ now });
const elevenMinutes = 11 * 60 * 1000;

/** The session was signed in 11 minutes ago: past the 10-minute step-up window. */
function staleSession() {
  offset += elevenMinutes;
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

async function openSecurity(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Security' }));
  await screen.findByRole('heading', { level: 1, name: 'Security' });
}

describe('<UserProfile/> asks "Confirm it’s you" before a sensitive change on a stale session', () => {
  it('adds an email address straight away on a fresh session', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserProfile />);
    await user.click(screen.getByRole('button', { name: 'Add email address' }));
    await user.type(screen.getByLabelText('Email address'), 'countess@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByLabelText('Verification code')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Confirm it’s you' })).toBeNull();
  });

  it('asks for the password, then retries adding the address by itself', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    staleSession();
    await renderWith(client, <UserProfile />);
    await user.click(screen.getByRole('button', { name: 'Add email address' }));
    await user.type(screen.getByLabelText('Email address'), 'countess@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const step = await screen.findByRole('group', { name: 'Confirm it’s you' });
    await waitFor(() => expect(document.activeElement).toBe(within(step).getByRole('heading', { name: 'Confirm it’s you' })));
    expect(screen.queryByRole('region', { name: 'Email addresses' })).toBeNull(); // the page waits, hidden
    expect(await violations()).toEqual([]);

    await user.type(within(step).getByLabelText('Password'), 'not-the-password');
    await user.click(within(step).getByRole('button', { name: 'Continue' }));
    const field = within(step).getByLabelText('Password');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(await violations()).toEqual([]);

    await user.clear(field);
    await user.type(field, ada.password);
    await user.click(within(step).getByRole('button', { name: 'Continue' }));
    // The add went through on its own: the new address's code step is open.
    expect(await within(await screen.findByRole('region', { name: 'Email addresses' })).findByLabelText('Verification code')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Confirm it’s you' })).toBeNull();
    expect(client.user?.emailAddresses.map((email) => email.emailAddress)).toContain('countess@example.com');
  });

  it('Cancel returns to the confirmation the user was on, and nothing is deleted', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    staleSession();
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    await user.click(within(section('Delete account')).getByRole('button', { name: 'Delete account' }));
    await user.type(screen.getByLabelText('Type DELETE to confirm'), 'DELETE');
    await user.click(within(section('Delete account')).getByRole('button', { name: 'Delete account' }));

    const step = await screen.findByRole('group', { name: 'Confirm it’s you' });
    await user.click(within(step).getByRole('button', { name: 'Cancel' }));
    const danger = section('Delete account');
    expect(within(danger).getByLabelText<HTMLInputElement>('Type DELETE to confirm').value).toBe('DELETE');
    expect(await within(danger).findByRole('alert')).toHaveProperty('textContent', 'Confirm it’s you to make this change.');
    await waitFor(() => expect(document.activeElement).toBe(within(danger).getByRole('button', { name: 'Delete account' })));
    expect(client.user?.id).toBeTruthy();
  });

  it('asks a TOTP user for an authenticator or backup code, never the password', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await client.signOut();
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    await client.signIn.attemptSecondFactor({ strategy: 'totp', code: totpCode(grace.totpSecret, now()) });
    staleSession();
    await renderWith(client, <UserProfile />);
    await openSecurity(user);
    const twoStep = section('Two-step verification');
    await user.click(within(twoStep).getByRole('button', { name: 'Turn off' }));
    await user.click(within(within(twoStep).getByRole('group')).getByRole('button', { name: 'Turn off' }));

    const step = await screen.findByRole('group', { name: 'Confirm it’s you' });
    expect(within(step).queryByLabelText('Password')).toBeNull();
    expect(within(step).getByLabelText('Verification code')).toBeTruthy();
    await user.click(within(step).getByRole('button', { name: 'Use a backup code' }));
    await user.type(within(step).getByLabelText('Backup code'), grace.backupCodes[0]!);
    await user.click(within(step).getByRole('button', { name: 'Continue' }));
    expect(await within(await screen.findByRole('region', { name: 'Two-step verification' })).findByText('Two-step verification is off.')).toBeTruthy();
    expect(client.user?.totpEnabled).toBe(false);
  });

  it('sends a code to the masked address of a user without a password', async () => {
    const user = userEvent.setup();
    await backend.server.admin.createUser({ emailAddress: 'mary@example.com', firstName: 'Mary' });
    const client = await signedInClient(backend);
    await client.signOut();
    const signIn = await client.signIn.create({ identifier: 'mary@example.com' });
    const factor = signIn.supportedFirstFactors.find((offered) => offered.strategy === 'email_code');
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor && 'emailAddressId' in factor ? factor.emailAddressId : '' });
    await client.signIn.attemptFirstFactor({ strategy: 'email_code', code: backend.latestCode('mary@example.com')! });
    staleSession();
    await renderWith(client, <UserProfile />);
    await user.click(screen.getByRole('button', { name: 'Add email address' }));
    await user.type(screen.getByLabelText('Email address'), 'mary.work@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const step = await screen.findByRole('group', { name: 'Confirm it’s you' });
    expect(within(step).getByText('For your security, we will send a code to m***@example.com.')).toBeTruthy();
    await user.click(within(step).getByRole('button', { name: 'Send code' }));
    await user.type(await within(step).findByLabelText('Verification code'), backend.latestCode('mary@example.com')!);
    expect(await within(await screen.findByRole('region', { name: 'Email addresses' })).findByLabelText('Verification code')).toBeTruthy();
    expect(client.user?.emailAddresses.map((email) => email.emailAddress)).toContain('mary.work@example.com');
  });
});
