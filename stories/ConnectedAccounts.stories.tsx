import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { UserProfile } from '@latch/ui';
import { ada } from './fixtures';
import { connected, fourProviders, lazyChunk, twoProviders } from './social';

/**
 * <UserProfile/> → Account → Connected accounts, on an instance with the
 * mock's fake providers: the list, connecting another, removing one.
 */
const meta = {
  title: 'Components/UserProfile/Connected accounts',
  component: UserProfile,
  parameters: { latch: { signedInAs: ada.emailAddress, oauth: twoProviders } },
} satisfies Meta<typeof UserProfile>;

export default meta;
type Story = StoryObj<typeof meta>;

async function section(canvasElement: HTMLElement) {
  return within(await within(canvasElement).findByRole('region', { name: 'Connected accounts' }, lazyChunk));
}

export const NoneYet: Story = {
  name: 'None connected yet',
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await expect(accounts.getByText('No accounts connected yet.')).toBeVisible();
    await expect(accounts.getByRole('button', { name: 'Connect account' })).toBeVisible();
  },
};

export const ChooseProvider: Story = {
  name: 'Connect: choose a provider',
  parameters: { latch: { signedInAs: ada.emailAddress, oauth: fourProviders } },
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await userEvent.click(accounts.getByRole('button', { name: 'Connect account' }));
    const panel = within(await accounts.findByRole('group', { name: 'Connect an account' }, lazyChunk));
    await expect(panel.getByRole('button', { name: 'Connect Google' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Connect Apple' })).toBeVisible();
  },
};

export const Connected: Story = {
  name: 'One connected (Google)',
  beforeEach: connected('google'),
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await expect(await accounts.findByText('octavia@example.com', {}, lazyChunk)).toBeVisible();
    await expect(accounts.getByText('Verified')).toBeVisible();
    // Only GitHub is left to connect.
    await userEvent.click(accounts.getByRole('button', { name: 'Connect account' }));
    await expect(await accounts.findByRole('button', { name: 'Connect GitHub' })).toBeVisible();
    await expect(accounts.queryByRole('button', { name: 'Connect Google' })).toBeNull();
  },
};

export const RemoveConfirm: Story = {
  name: 'Remove: confirm',
  beforeEach: connected('google'),
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await userEvent.click(await accounts.findByRole('button', { name: 'Remove' }, lazyChunk));
    await expect(await accounts.findByRole('group', { name: 'Remove Google?' })).toBeVisible();
  },
};

export const RemoveRefused: Story = {
  name: 'Remove: refused (the last way to sign in)',
  beforeEach: connected('google'),
  parameters: {
    latch: {
      signedInAs: ada.emailAddress,
      oauth: twoProviders,
      // Ada still has her password, so the server would allow it: the refusal a password-less user gets, forced.
      failures: [{ route: 'DELETE /v1/me/external_accounts/:id', code: 'external_account_last_sign_in_method' }],
    },
  },
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await userEvent.click(await accounts.findByRole('button', { name: 'Remove' }, lazyChunk));
    const panel = within(await accounts.findByRole('group', { name: 'Remove Google?' }));
    await userEvent.click(panel.getByRole('button', { name: 'Remove' }));
    await expect((await panel.findByRole('alert')).textContent).toMatch(/last way to sign in/);
  },
};

export const Removed: Story = {
  name: 'Remove: done',
  beforeEach: connected('google'),
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await userEvent.click(await accounts.findByRole('button', { name: 'Remove' }, lazyChunk));
    const panel = within(await accounts.findByRole('group', { name: 'Remove Google?' }));
    await userEvent.click(panel.getByRole('button', { name: 'Remove' }));
    await expect(await accounts.findByText('Google has been removed.')).toBeVisible();
  },
};

export const ConnectNeedsConfirmation: Story = {
  name: 'Connect: confirm it’s you first (signed in 11 minutes ago)',
  parameters: { latch: { signedInAs: ada.emailAddress, oauth: twoProviders, signedInMinutesAgo: 11 } },
  play: async ({ canvasElement }) => {
    const accounts = await section(canvasElement);
    await userEvent.click(accounts.getByRole('button', { name: 'Connect account' }));
    await userEvent.click(await accounts.findByRole('button', { name: 'Connect Google' }));
    await expect(await within(canvasElement).findByRole('heading', { name: 'Confirm it’s you' }, lazyChunk)).toBeVisible();
  },
};

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' } };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' } };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' } };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' } };
export const Arabic: Story = { name: 'Locale: ar-SA (right to left)', globals: { locale: 'arSA' } };
