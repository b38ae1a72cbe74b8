import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SignUp } from '@latch/ui';
import { expectAlert } from './play';
import { callbackFails, fourProviders, lazyChunk, providerAnswer, twoProviders } from './social';

/** <SignUp/> with social sign-up on: the buttons, and the page the provider sends the browser back to. */
const meta = {
  title: 'Components/SignUp/Social',
  component: SignUp,
  parameters: { latch: { oauth: twoProviders } },
} satisfies Meta<typeof SignUp>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BlockButtons: Story = {
  name: 'Buttons: block (two providers, auto)',
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Continue with Google' }, lazyChunk)).toBeVisible();
  },
};

export const IconButtonsBelow: Story = {
  name: 'Buttons: icons below the form',
  parameters: { latch: { oauth: fourProviders } },
  args: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Continue with Microsoft' }, lazyChunk)).toBeVisible();
  },
};

export const Callback: Story = {
  name: 'Callback: checking (spinner)',
  parameters: { latch: { oauth: twoProviders, failures: [{ route: 'POST /v1/client/oauth_callback', hang: true }] } },
  beforeEach: providerAnswer({ state: 'story-state', code: 'story-code' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Signing you in' }, lazyChunk)).toBeVisible();
  },
};

export const EmailInUse: Story = {
  name: 'Callback error: email already taken',
  parameters: { latch: { oauth: twoProviders, failures: callbackFails('oauth_email_in_use') } },
  beforeEach: providerAnswer({ state: 'story-state', code: 'story-code' }),
  play: async (context) => {
    await within(context.canvasElement).findByRole('heading', { name: 'Sign-in did not finish' }, lazyChunk);
    await expectAlert(context, 'belongs to another account');
    await expect(within(context.canvasElement).getByRole('button', { name: 'Back to sign up' })).toBeVisible();
  },
};

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' } };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' } };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' } };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' } };
export const Arabic: Story = { name: 'Locale: ar-SA (right to left)', globals: { locale: 'arSA' } };
