// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { UserProfile } from '@latch/ui';
import { renderWith, serveMockBackend, signedInClient, totpCode } from './harness';

const { backend } = serveMockBackend({ settings: { identifiers: { username: true } } });

// jsdom has no canvas; axe only probes for one and copes without.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as HTMLCanvasElement['getContext'];
});

/** Contrast needs layout (the catalog checks it in a browser); a component alone is not a page (`region`). */
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<UserProfile/> passes axe', () => {
  it('on the Account page, with its forms and confirmations open', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await client.user!.createEmailAddress({ emailAddress: 'later@example.com' });
    await renderWith(client, <UserProfile routing="hash" />);
    expect(await violations()).toEqual([]);

    const emails = screen.getByRole('region', { name: 'Email addresses' });
    await user.click(within(emails).getByRole('button', { name: 'Add email address' }));
    await user.click(within(emails).getByRole('button', { name: 'Continue' })); // An error shown
    expect(await violations()).toEqual([]);

    const later = within(emails).getByText('later@example.com').closest('li')!;
    await user.click(within(later).getByRole('button', { name: 'Verify' }));
    await within(later).findByLabelText('Verification code');
    expect(await violations()).toEqual([]);

    await user.click(within(later).getByRole('button', { name: 'Cancel' }));
    await user.click(within(later).getByRole('button', { name: 'Remove' }));
    expect(await violations()).toEqual([]);
  });

  it('on the Security page, through TOTP enrolment and its backup codes', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await signedInClient(backend); // A second device to list.
    await renderWith(client, <UserProfile />);
    await user.click(screen.getByRole('button', { name: 'Security' }));
    await screen.findByText('This device');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await user.click(screen.getByRole('button', { name: 'Save password' })); // Errors shown
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
    const enroll = await screen.findByRole('group', { name: 'Set up your authenticator app' });
    expect(await violations()).toEqual([]);
    const secret = within(enroll).getByLabelText<HTMLTextAreaElement>('Cannot scan it? Enter this key in your app instead:').value.replaceAll(' ', '');
    await user.type(within(enroll).getByLabelText('Verification code'), totpCode(secret));
    await screen.findByRole('list', { name: 'Backup codes' });
    expect(await violations()).toEqual([]);
  });
});
