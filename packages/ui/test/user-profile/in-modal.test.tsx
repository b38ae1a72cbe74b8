// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserButton } from '@latch/ui';
import { renderWith, serveMockBackend, signedInClient } from './harness';

const { backend } = serveMockBackend();

describe('<UserProfile/> inside UserButton\'s dialog', () => {
  it('lets Escape close an open panel first, and only then the dialog', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend);
    await renderWith(client, <UserButton />);
    await user.click(screen.getByRole('button', { name: 'Open user menu' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Manage account' }));
    const modal = await screen.findByRole('dialog', { name: 'Manage account' });

    const add = within(modal).getByRole('button', { name: 'Add email address' });
    await user.click(add);
    expect(document.activeElement).toBe(within(modal).getByLabelText('Email address'));
    await user.keyboard('{Escape}');
    expect(within(modal).queryByLabelText('Email address')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Manage account' })).toBe(modal);
    await waitFor(() => expect(document.activeElement).toBe(within(modal).getByRole('button', { name: 'Add email address' })));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
