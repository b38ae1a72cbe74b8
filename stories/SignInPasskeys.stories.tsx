import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignIn } from '@latch/ui';
import { latchOf } from '../.storybook/latch';
import { ada } from './fixtures';
import { adasPasskey, authenticatorOf, autofillWaiting, expectSignedIn, noPasskeys, passkeyButton, press, withPasskeys } from './passkeySteps';
import { enterPassword, toPasswordStep } from './signInSteps';

/**
 * <SignIn/> with passkeys on: the "Sign in with a passkey" button and
 * browser autofill on the start step, their errors, and the offer to create
 * a passkey after a password sign-in. A software authenticator stands in for
 * the browser's WebAuthn, so every ceremony is real but needs no dialog.
 */
const meta = {
  title: 'Components/SignIn/Passkeys',
  component: SignIn,
  parameters: { latch: withPasskeys() },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Button: Story = {
  name: 'Start: passkey button and autofill',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(await passkeyButton(context)).toBeEnabled();
    // The field's suggestions list the site's passkeys: autofill is waiting for a pick.
    await expect(canvas.getByLabelText('Email address')).toHaveAttribute('autocomplete', 'username webauthn');
    await autofillWaiting(context);
  },
};

export const BrowserWebAuthn: Story = {
  name: 'Start: the browser’s own WebAuthn',
  parameters: { latch: withPasskeys({ browser: true }) },
  play: async ({ canvasElement }) => {
    // In a browser with WebAuthn the button shows, and pressing it opens the browser's real passkey dialog.
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Sign in' });
    if (typeof PublicKeyCredential === 'function') await canvas.findByRole('button', { name: 'Sign in with a passkey' });
  },
};

export const ButtonSignsIn: Story = {
  name: 'Button: signed in',
  play: async (context) => {
    await press(await passkeyButton(context));
    await expectSignedIn(context);
  },
};

export const AutofillSignsIn: Story = {
  name: 'Autofill: signed in',
  play: async (context) => {
    await autofillWaiting(context);
    await authenticatorOf(context).pickFromAutofill();
    await expectSignedIn(context);
  },
};

export const AutofillCancelledByTyping: Story = {
  name: 'Autofill: cancelled by the password route',
  play: async (context) => {
    await autofillWaiting(context);
    await toPasswordStep(context);
    // Sending the identifier cancelled the waiting request, silently.
    await waitFor(() => expect(authenticatorOf(context).autofillPending).toBe(false));
    await expect(within(context.canvasElement).queryByRole('alert')).toBeNull();
  },
};

export const Cancelled: Story = {
  name: 'Button: cancelled (nothing to say)',
  parameters: { latch: withPasskeys({ registered: { [ada.emailAddress]: [adasPasskey] }, behaviour: 'cancel' }) },
  play: async (context) => {
    const button = await passkeyButton(context);
    await press(button);
    await waitFor(() => expect(button).toBeEnabled());
    await expect(within(context.canvasElement).queryByRole('alert')).toBeNull();
  },
};

export const UnknownPasskey: Story = {
  name: 'Button: error, unknown passkey',
  parameters: { latch: withPasskeys({ ...noPasskeys, strangers: 1 }) },
  play: async (context) => {
    await press(await passkeyButton(context));
    // After the ceremony and the server's answer.
    const alert = await within(context.canvasElement).findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('We don’t recognize this passkey.');
  },
};

export const Offer: Story = {
  name: 'Offer after a password sign-in',
  parameters: { latch: withPasskeys(noPasskeys) },
  play: async (context) => {
    await toPasswordStep(context);
    await enterPassword(context, ada.password);
    const canvas = within(context.canvasElement);
    // After the password's hashing and the offer's loading.
    await canvas.findByRole('heading', { name: 'Sign in faster next time' }, { timeout: 10_000 });
    await expect(canvas.getByRole('button', { name: 'Create a passkey' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Not now' })).toBeVisible();
  },
};

export const OfferAccepted: Story = {
  name: 'Offer: passkey created',
  parameters: { latch: withPasskeys(noPasskeys) },
  play: async (context) => {
    await Offer.play!(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Create a passkey' }));
    await expect(await canvas.findByText(/Your passkey is ready/, undefined, { timeout: 10_000 })).toBeVisible();
    await expect(authenticatorOf(context).size).toBe(1);
  },
};

export const OfferDeclinedOnce: Story = {
  name: 'Offer: “Not now” is remembered',
  parameters: { latch: withPasskeys(noPasskeys) },
  play: async (context) => {
    await Offer.play!(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Not now' }));
    await expectSignedIn(context);
    const userId = latchOf(context).client.user!.id;
    await expect(localStorage.getItem(`latch-passkey-offer:${userId}`)).toBe('declined');
    localStorage.removeItem(`latch-passkey-offer:${userId}`);
  },
};

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' }, play: async (context) => void (await passkeyButton(context, 'Se connecter avec une clé d’accès')) };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' }, play: async (context) => void (await passkeyButton(context, 'Iniciar sesión con una llave de acceso')) };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' }, play: async (context) => void (await passkeyButton(context, 'Mit einem Passkey anmelden')) };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' }, play: async (context) => void (await passkeyButton(context, 'パスキーでサインイン')) };
export const Arabic: Story = {
  name: 'Locale: ar-SA (right to left)',
  globals: { locale: 'arSA' },
  play: async (context) => void (await passkeyButton(context, 'تسجيل الدخول باستخدام مفتاح مرور')),
};
