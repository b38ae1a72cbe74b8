// @vitest-environment jsdom
import { useId, useState, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComponentRoot, Field, Modal, PrimaryButton } from '../../src/foundation';
import { serveMockBackend, withProvider } from './harness';

const backend = serveMockBackend();

function Dialog({ children }: { children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const titleId = useId();
  return (
    <ComponentRoot component="userButton" appearance={{ variables: { colorPrimary: 'rgb(9, 9, 9)' } }}>
      <button type="button" onClick={() => setOpen(true)}>
        Manage account
      </button>
      <Modal open={open} onClose={() => setOpen(false)} labelledBy={titleId}>
        <h2 id={titleId}>Account</h2>
        <Field name="firstName" label="First name" value={name} onChange={setName} />
        <PrimaryButton type="button">Save</PrimaryButton>
        {children}
      </Modal>
    </ComponentRoot>
  );
}

async function openDialog(children?: ReactNode) {
  const user = userEvent.setup();
  await act(async () => {
    render(withProvider(backend.url, <Dialog>{children}</Dialog>));
  });
  const opener = screen.getByRole('button', { name: 'Manage account' });
  await user.click(opener);
  const dialog = await screen.findByRole('dialog', { name: 'Account' });
  return { user, opener, dialog };
}

describe('Modal', () => {
  it('closes on a click on the backdrop', async () => {
    const { user, dialog } = await openDialog();
    await user.click(dialog.closest('.latch-modalBackdrop') as HTMLElement);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a named modal dialog inside a themed root, with focus moved in', async () => {
    const { dialog } = await openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    const root = dialog.closest('.latch-root') as HTMLElement;
    expect(root.style.getPropertyValue('--latch-color-primary')).toBe('rgb(9, 9, 9)');
  });

  it('traps Tab inside and returns focus to the opener on Escape', async () => {
    const { user, opener, dialog } = await openDialog();
    const seen = new Set<Element | null>();
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
      seen.add(document.activeElement);
    }
    // It cycled: close button, field, Save, and round again.
    expect(seen.size).toBe(3);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes with its localized close button', async () => {
    const { user, opener } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('cycles backwards with Shift+Tab, from the first control to the last', async () => {
    const { user, dialog } = await openDialog();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Save' }));
    await user.tab();
    expect(document.activeElement).toBe(close);
  });

  it('locks the page scroll while open and gives the old style back on close', async () => {
    document.body.style.overflow = 'clip';
    const { user } = await openDialog();
    expect(document.body.style.overflow).toBe('hidden');
    await user.keyboard('{Escape}');
    expect(document.body.style.overflow).toBe('clip');
    document.body.style.overflow = '';
  });

  it('stays open when a press starts inside and ends on the backdrop (selecting text)', async () => {
    const { user, dialog } = await openDialog();
    const backdrop = dialog.closest('.latch-modalBackdrop') as HTMLElement;
    await user.pointer([{ keys: '[MouseLeft>]', target: screen.getByRole('heading', { name: 'Account' }) }, { target: backdrop }, { keys: '[/MouseLeft]' }]);
    expect(screen.getByRole('dialog', { name: 'Account' })).toBe(dialog);
  });

  it('closes only the innermost of two modals on Escape, and focus goes back into the outer one', async () => {
    const { user, dialog } = await openDialog(<Dialog />);
    const opener = within(dialog).getByRole('button', { name: 'Manage account' });
    await user.click(opener);
    const dialogs = screen.getAllByRole('dialog', { name: 'Account' });
    expect(dialogs).toHaveLength(2);
    expect(dialogs[1]!.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.getAllByRole('dialog', { name: 'Account' })).toEqual([dialog]);
    expect(document.activeElement).toBe(opener);
    expect(document.body.style.overflow).toBe('hidden');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.style.overflow).toBe('');
  });

  it('renders nothing on the server, even open', () => {
    const html = renderToString(
      withProvider(
        backend.url,
        <ComponentRoot component="userButton">
          <Modal open onClose={() => {}} label="Account">
            <p>Secret body</p>
          </Modal>
        </ComponentRoot>,
      ),
    );
    expect(html).not.toContain('Secret body');
    expect(html).not.toContain('role="dialog"');
  });
});
