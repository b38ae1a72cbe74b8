import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { UserButton } from '@latch/ui';
import { ada, katherine } from './fixtures';

/**
 * <UserButton/> for a signed-in user. The popover and the "Manage account"
 * dialog are portalled to the body, so their play functions query `screen`.
 */
const meta = {
  title: 'Components/UserButton',
  component: UserButton,
  parameters: { latch: { signedInAs: ada.emailAddress } },
} satisfies Meta<typeof UserButton>;

export default meta;
type Story = StoryObj<typeof meta>;
type Context = Pick<StoryContext, 'canvasElement'>;

const multiSession = {
  latch: { settings: { multiSession: true }, signedInAs: [ada.emailAddress, katherine.emailAddress] },
};

async function openMenu({ canvasElement }: Context): Promise<HTMLElement> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Open user menu' }));
  const menu = await screen.findByRole('dialog', { name: 'User menu' });
  // It fades in (unless the user prefers reduced motion).
  await waitFor(() => expect(menu).toBeVisible());
  return menu;
}

export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Open user menu' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

export const WithName: Story = {
  name: 'Closed, with name',
  args: { showName: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Ada Lovelace')).toBeVisible();
  },
};

export const Open: Story = {
  play: async (context) => {
    const menu = within(await openMenu(context));
    await expect(menu.getByText(ada.emailAddress)).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Manage account' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
  },
};

export const MultiSessionOpen: Story = {
  name: 'Open, multi-session',
  parameters: multiSession,
  play: async (context) => {
    const menu = within(await openMenu(context));
    await expect(menu.getByText(katherine.emailAddress)).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Switch to Ada Lovelace ada@example.com' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Add account' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Sign out of all accounts' })).toBeVisible();
  },
};

export const ManageAccount: Story = {
  name: 'Manage account (modal)',
  play: async (context) => {
    const menu = within(await openMenu(context));
    await userEvent.click(menu.getByRole('button', { name: 'Manage account' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Manage account' }));
    await expect(await dialog.findByRole('heading', { name: 'Account' })).toBeVisible();
  },
};

export const SignOutError: Story = {
  name: 'Error: sign out offline',
  parameters: { latch: { scenario: 'network-error' } },
  play: async (context) => {
    const menu = within(await openMenu(context));
    await userEvent.click(menu.getByRole('button', { name: 'Sign out' }));
    await expect(await menu.findByRole('alert')).toHaveTextContent('We could not reach the server.');
  },
};

export const Dark: Story = { name: 'Dark, open', globals: { theme: 'dark' }, args: { showName: true }, play: Open.play };

export const DarkMultiSession: Story = {
  name: 'Dark, open, multi-session',
  globals: { theme: 'dark' },
  parameters: multiSession,
  play: MultiSessionOpen.play,
};

export const DarkManageAccount: Story = {
  name: 'Dark, manage account',
  globals: { theme: 'dark' },
  play: ManageAccount.play,
};

export const CustomBrand: Story = {
  name: 'Custom brand, open',
  globals: { theme: 'brand' },
  args: { showName: true },
  play: async (context) => {
    const avatar = context.canvasElement.querySelector<HTMLElement>('.latch-userButtonAvatarBox');
    await expect(avatar?.style.width).toBe('48px');
    await openMenu(context);
  },
};

export const French: Story = { name: 'Locale: fr-FR, open', globals: { locale: 'frFR' }, args: { defaultOpen: true } };
export const German: Story = { name: 'Locale: de-DE, open', globals: { locale: 'deDE' }, args: { defaultOpen: true } };
export const Spanish: Story = { name: 'Locale: es-ES, open', globals: { locale: 'esES' }, args: { defaultOpen: true } };
export const Japanese: Story = { name: 'Locale: ja-JP, open', globals: { locale: 'jaJP' }, args: { defaultOpen: true } };
export const Arabic: Story = {
  name: 'Locale: ar-SA (right to left), open',
  globals: { locale: 'arSA' },
  parameters: multiSession,
  args: { defaultOpen: true, showName: true },
};
