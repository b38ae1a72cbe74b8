import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SignIn } from '@latch/ui';
import { expectAlert } from './play';
import { callbackFails, fourProviders, lastUsed, lazyChunk, providerAnswer, twoProviders } from './social';

/**
 * <SignIn/> with social sign-in on: the provider buttons in each variant and
 * placement, "Last used", the sso-callback step the provider sends the
 * browser back to, and each error it can end in. The mock's fake providers
 * are on for these stories only (every other story has none).
 */
const meta = {
  title: 'Components/SignIn/Social',
  component: SignIn,
  parameters: { latch: { oauth: twoProviders } },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

const callbackPage = providerAnswer({ state: 'story-state', code: 'story-code' });
const deniedPage = providerAnswer({ state: 'story-state', error: 'access_denied' });

// Buttons

export const BlockButtons: Story = {
  name: 'Buttons: block (two providers, auto)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Continue with Google' }, lazyChunk)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Continue with GitHub' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Sign in with a provider' })).toBeVisible();
  },
};

export const IconButtons: Story = {
  name: 'Buttons: icons (four providers, auto)',
  parameters: { latch: { oauth: fourProviders } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Icon-only, yet each is named for what it does.
    await expect(await canvas.findByRole('button', { name: 'Continue with Google' }, lazyChunk)).toHaveAttribute('title', 'Continue with Google');
    await expect(canvas.getByRole('button', { name: 'Continue with Apple' })).toBeVisible();
  },
};

export const IconButtonsChosen: Story = {
  name: 'Buttons: icons (two providers, socialButtonsVariant)',
  args: { appearance: { layout: { socialButtonsVariant: 'iconButton' } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Continue with GitHub' }, lazyChunk)).toBeVisible();
  },
};

export const BelowTheForm: Story = {
  name: 'Buttons: below the form (socialButtonsPlacement)',
  args: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const google = await canvas.findByRole('button', { name: 'Continue with Google' }, lazyChunk);
    const submit = canvas.getByRole('button', { name: 'Continue' });
    await expect(submit.compareDocumentPosition(google) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  },
};

export const LastUsed: Story = {
  name: 'Buttons: last used',
  beforeEach: lastUsed('oauth_github'),
  play: async ({ canvasElement }) => {
    const github = await within(canvasElement).findByRole('button', { name: /Continue with GitHub/ }, lazyChunk);
    await expect(github).toHaveTextContent('Last used');
  },
};

export const LastUsedIcons: Story = {
  name: 'Buttons: last used (icons)',
  parameters: { latch: { oauth: fourProviders } },
  beforeEach: lastUsed('oauth_github'),
  play: async ({ canvasElement }) => {
    const github = await within(canvasElement).findByRole('button', { name: 'Continue with GitHub (Last used)' }, lazyChunk);
    await expect(github).toHaveAttribute('title', 'Continue with GitHub (Last used)');
  },
};

export const ProviderDownAtStart: Story = {
  name: 'Error: provider unreachable (on click)',
  parameters: { latch: { oauth: twoProviders, failures: [{ route: 'POST /v1/client/sign_ins', code: 'oauth_provider_unavailable', status: 503 }] } },
  play: async (context) => {
    await userEvent.click(await within(context.canvasElement).findByRole('button', { name: 'Continue with Google' }, lazyChunk));
    await expectAlert(context, 'can’t be reached');
  },
};

// The page the provider sends the browser back to

export const Callback: Story = {
  name: 'Callback: checking (spinner)',
  parameters: { latch: { oauth: twoProviders, failures: [{ route: 'POST /v1/client/oauth_callback', hang: true }] } },
  beforeEach: callbackPage,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Signing you in' }, lazyChunk)).toBeVisible();
    await expect(canvas.getByRole('status')).toBeVisible();
  },
};

function callbackError(name: string, code: string, message: string, status = 422, answer = callbackPage): Story {
  return {
    name: `Callback error: ${name}`,
    parameters: { latch: { oauth: twoProviders, failures: callbackFails(code, status) } },
    beforeEach: answer,
    play: async (context) => {
      const canvas = within(context.canvasElement);
      await canvas.findByRole('heading', { name: 'Sign-in did not finish' }, lazyChunk);
      await expectAlert(context, message);
      await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expect(canvas.getByRole('button', { name: 'Back to sign in' })).toBeVisible();
    },
  };
}

export const Denied = callbackError('access denied', 'oauth_access_denied', 'Access was not granted', 422, deniedPage);
export const StateMismatch = callbackError('state mismatch or reuse', 'oauth_state_invalid', 'no longer valid');
export const Expired = callbackError('expired', 'oauth_attempt_expired', 'took too long');
export const Unverifiable = callbackError('answer not verifiable', 'oauth_callback_invalid', 'could not be verified');
export const EmailInUse = callbackError('email already taken', 'oauth_email_in_use', 'belongs to another account');
export const IdentityTaken = callbackError('account linked elsewhere', 'external_account_exists', 'another user');
export const ProviderDown = callbackError('provider unreachable', 'oauth_provider_unavailable', 'can’t be reached', 503);

export const BackFromError: Story = {
  name: 'Callback error: back to sign in',
  parameters: Denied.parameters,
  beforeEach: deniedPage,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Back to sign in' }, lazyChunk));
    await expect(await canvas.findByRole('heading', { name: 'Sign in' }, lazyChunk)).toBeVisible();
  },
};

// Locales

const localeBlock = (locale: string, label: string): Story => ({
  name: `Locale: ${label}`,
  globals: { locale },
  beforeEach: lastUsed('oauth_google'),
});
export const French = localeBlock('frFR', 'fr-FR');
export const German = localeBlock('deDE', 'de-DE');
export const Spanish = localeBlock('esES', 'es-ES');
export const Japanese = localeBlock('jaJP', 'ja-JP');
export const Arabic = localeBlock('arSA', 'ar-SA (right to left)');

const localeError = (locale: string, label: string): Story => ({ ...Denied, name: `Locale: ${label}, callback error`, globals: { locale }, play: undefined });
export const FrenchError = localeError('frFR', 'fr-FR');
export const GermanError = localeError('deDE', 'de-DE');
export const SpanishError = localeError('esES', 'es-ES');
export const JapaneseError = localeError('jaJP', 'ja-JP');
export const ArabicError = localeError('arSA', 'ar-SA (right to left)');
