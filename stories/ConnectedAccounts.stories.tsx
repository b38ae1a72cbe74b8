import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { UserProfile } from '@latch/ui';
import { ada } from './fixtures';
import { fourProviders, lazyChunk, twoProviders } from './social';

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

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' } };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' } };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' } };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' } };
export const Arabic: Story = { name: 'Locale: ar-SA (right to left)', globals: { locale: 'arSA' } };
