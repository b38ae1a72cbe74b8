// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { LatchProvider } from '@latch/react';
import userEvent from '@testing-library/user-event';
import { UserButton } from '@latch/ui';
import { ada, nameless, renderWith, serveMockBackend, signedInClient } from './harness';

const { backend } = serveMockBackend();

function trigger() {
  return screen.getByRole('button', { name: 'Open user menu' });
}

describe('UserButton trigger', () => {
  it('is a button named "Open user menu" that announces a dialog and whether it is open', async () => {
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);
    expect(trigger().getAttribute('aria-haspopup')).toBe('dialog');
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    expect(trigger().hasAttribute('data-open')).toBe(false);
    expect(trigger().className).toContain('latch-userButtonTrigger');
    // The avatar is decoration here: the button already has its name.
    expect(within(trigger()).getByText('AL').getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
  });

  it('shows the name beside the avatar with showName', async () => {
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton showName />);
    expect(within(trigger()).getByText('Ada Lovelace')).toBeTruthy();
  });

  it('renders nothing while nobody is signed in', async () => {
    const client = await signedInClient(backend);
    const { container } = render(
      <LatchProvider client={client}>
        <UserButton />
      </LatchProvider>,
    );
    expect(client.isLoaded).toBe(true);
    expect(container.innerHTML).toBe('');
  });
});

describe('UserButton popover', () => {
  it('opens on click with name and email, moves focus in, and Escape returns focus to the trigger', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);

    await user.click(trigger());
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    expect(trigger().getAttribute('aria-expanded')).toBe('true');
    expect(trigger().getAttribute('aria-controls')).toBe(dialog.id);
    expect(trigger().hasAttribute('data-open')).toBe(true);
    expect(dialog.hasAttribute('data-open')).toBe(true);
    expect(dialog.className).toContain('latch-userButtonPopoverCard');
    expect(within(dialog).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(dialog).getByText('ada@example.com')).toBeTruthy();
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toContain('ada@example.com');
    expect(within(dialog).getByRole('button', { name: 'Manage account' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    // Single-session instance: nothing about other accounts.
    expect(within(dialog).queryByRole('button', { name: 'Add account' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Sign out of all accounts' })).toBeNull();
    // The portalled popover keeps a themed root around it.
    expect(dialog.closest('.latch-root')).not.toBeNull();
    await vi.waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    await vi.waitFor(() => expect(document.activeElement).toBe(trigger()));
  });

  it('opens from the keyboard with Enter and with Space', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);

    await user.tab();
    expect(document.activeElement).toBe(trigger());
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    await vi.waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Manage account' })));
    await user.keyboard('{Escape}');
    await vi.waitFor(() => expect(document.activeElement).toBe(trigger()));

    await user.keyboard(' ');
    await screen.findByRole('dialog', { name: 'User menu' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on a click outside', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);
    await user.click(trigger());
    await screen.findByRole('dialog', { name: 'User menu' });
    await user.click(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes when Tab leaves it, focus going on to what follows the trigger in the page', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(
      client,
      <>
        <UserButton />
        <button type="button">Next in page</button>
      </>,
    );
    await user.click(trigger());
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    await vi.waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Manage account' })));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Sign out' }));
    await user.tab();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next in page' }));
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes when Shift+Tab leaves it, focus going back to the trigger', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);
    await user.click(trigger());
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    await vi.waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await user.tab({ shift: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it('closes on a second click on the trigger', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton onOpenChange={onOpenChange} />);
    await user.click(trigger());
    await screen.findByRole('dialog', { name: 'User menu' });
    await user.click(trigger());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(document.activeElement).toBe(trigger());
  });

  it('names a user without a name by their email address, once', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, nameless);
    await renderWith(client, <UserButton />);
    await user.click(trigger());
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    expect(within(dialog).getAllByText('nameless@example.com')).toHaveLength(1);
  });
});

describe('UserButton open state', () => {
  it('can start open (defaultOpen) and still reports changes', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton defaultOpen onOpenChange={onOpenChange} />);
    expect(screen.getByRole('dialog', { name: 'User menu' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('is controlled by open: a request the parent ignores changes nothing', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton open={false} onOpenChange={onOpenChange} />);
    await user.click(trigger());
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
  });

  it('is controlled by open: the parent opens it, and closes it when asked', async () => {
    const user = userEvent.setup();
    const requests: boolean[] = [];
    function Header() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>Show my account</button>
          <UserButton
            open={open}
            onOpenChange={(next) => {
              requests.push(next);
              setOpen(next);
            }}
          />
        </>
      );
    }
    const client = await signedInClient(backend, ada);
    await renderWith(client, <Header />);

    await user.click(screen.getByRole('button', { name: 'Show my account' }));
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    expect(trigger().getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requests).toEqual([false]);

    await user.click(trigger());
    await screen.findByRole('dialog', { name: 'User menu' });
    expect(requests).toEqual([false, true]);
  });
});

describe('UserButton sign-out', () => {
  it('signs the active session out, and the signed-out content shows', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);
    await user.click(trigger());
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await screen.findByText('Signed out');
    expect(screen.queryByRole('button', { name: 'Open user menu' })).toBeNull();
    expect(client.session).toBeNull();
  });

  it('shows a localized, announced error when the sign-out fails', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(backend, ada);
    await renderWith(client, <UserButton />);
    await user.click(trigger());
    const dialog = await screen.findByRole('dialog', { name: 'User menu' });
    backend.scenario('network-error');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('We could not reach the server. Check your connection and try again.');
    expect(trigger()).toBeTruthy();
  });
});
