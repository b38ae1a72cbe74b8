import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignIn } from '@latch/ui';
import { ada } from './fixtures';
import { latchOf } from '../.storybook/latch';
import { expectAlert } from './play';
import { codeAndLink, expectSignedInHere, linkEmailedTo, openLinkElsewhere, toCheckYourEmail, toVerifyPage } from './emailLinkSteps';
import { toPasswordStep } from './signInSteps';

/**
 * <SignIn/> by emailed link: "Email me a link", the "check your email" step
 * that moves on by itself once the link is opened, and the page the link
 * opens ("Continue as…", then signed in here or "return to your original
 * tab"), with its errors. The instance sends codes and links both.
 */
const meta = {
  title: 'Email links/SignIn',
  component: SignIn,
  parameters: { latch: { settings: codeAndLink } },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

const continueAsAda = `Continue as ${ada.emailAddress}`;
const linkFromAnotherBrowser = { purpose: 'sign_in' as const, emailAddress: ada.emailAddress };

export const Offered: Story = {
  name: 'Password step: "Email me a link"',
  play: async (context) => {
    await toPasswordStep(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Email me a link' })).toBeVisible();
  },
};

export const CheckYourEmail: Story = {
  name: 'Check your email (waiting for the link)',
  play: async (context) => {
    await toPasswordStep(context);
    await toCheckYourEmail(context);
    const canvas = within(context.canvasElement);
    // The step's heading takes focus, and the link went out (to this page's own origin).
    await expect(canvas.getByRole('heading', { name: 'Check your email' })).toHaveFocus();
    await expect(await linkEmailedTo(context, ada.emailAddress)).toMatch(/\./);
    await expect(canvas.getByRole('button', { name: /Resend link in \d+ s/ })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Use another method' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};

export const OpenedElsewhere: Story = {
  name: 'Check your email: opened in another browser, this tab signs in',
  play: async (context) => {
    await toPasswordStep(context);
    await toCheckYourEmail(context);
    // The safe default: the other browser only confirms; this tab, polling, finishes the sign-in.
    await openLinkElsewhere(context, ada.emailAddress);
    await expectSignedInHere(context);
  },
};

export const Cancelled: Story = {
  name: 'Check your email: cancel',
  play: async (context) => {
    await toPasswordStep(context);
    await toCheckYourEmail(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Cancel' }));
    await within(context.canvasElement).findByRole('heading', { name: 'Sign in' });
  },
};

export const VerifyPage: Story = {
  name: 'Verify page: "Continue as…"',
  parameters: { latch: { settings: codeAndLink, emailLink: linkFromAnotherBrowser } },
  play: async (context) => {
    await toVerifyPage(context, continueAsAda);
    // Nothing is used until the click: a mail scanner that loads the page burns nothing.
    await expect(within(context.canvasElement).getByRole('heading', { name: 'Sign in to Latch' })).toBeVisible();
  },
};

export const ReturnToOriginalTab: Story = {
  name: 'Verify page: return to your original tab (the default)',
  parameters: { latch: { settings: codeAndLink, emailLink: linkFromAnotherBrowser } },
  play: async (context) => {
    await toVerifyPage(context, continueAsAda);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: continueAsAda }));
    const canvas = within(context.canvasElement);
    await canvas.findByRole('heading', { name: 'Return to your original tab' });
    await expect(canvas.getByText(/a link signs in only the browser that asked for it/)).toBeVisible();
    await expect(latchOf(context).client.session).toBeNull();
  },
};

export const CompletesHereSameBrowser: Story = {
  name: 'Verify page: same browser, signs in here',
  parameters: { latch: { settings: codeAndLink, emailLink: { ...linkFromAnotherBrowser, sameBrowser: true } } },
  play: async (context) => {
    await toVerifyPage(context, continueAsAda);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: continueAsAda }));
    await expectSignedInHere(context);
  },
};

export const CompletesHereOtherDevice: Story = {
  name: 'Verify page: another browser signs in (setting on)',
  parameters: {
    latch: {
      settings: { emailVerification: { method: 'both', linkCompletesOnOtherDevice: true } },
      emailLink: linkFromAnotherBrowser,
    },
  },
  play: async (context) => {
    await toVerifyPage(context, continueAsAda);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: continueAsAda }));
    await expectSignedInHere(context);
  },
};

export const Expired: Story = {
  name: 'Verify page: link expired',
  parameters: { latch: { settings: codeAndLink, emailLink: { ...linkFromAnotherBrowser, state: 'expired' } } },
  play: async (context) => {
    await expectAlert(context, 'This link has expired.');
    await expect(within(context.canvasElement).getByRole('button', { name: 'Sign in again' })).toBeVisible();
  },
};

export const AlreadyUsed: Story = {
  name: 'Verify page: link already used',
  parameters: { latch: { settings: codeAndLink, emailLink: { ...linkFromAnotherBrowser, state: 'used' } } },
  play: async (context) => {
    await expectAlert(context, 'This link was already used.');
  },
};

export const Invalid: Story = {
  name: 'Verify page: invalid link',
  parameters: { latch: { settings: codeAndLink, emailLink: { ...linkFromAnotherBrowser, state: 'invalid' } } },
  play: async (context) => {
    await expectAlert(context, 'This link is not valid.');
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Sign in again' }));
    await within(context.canvasElement).findByRole('heading', { name: 'Sign in' });
  },
};

// Locales (the toolbar switches every story; these hold the new screens in each shipped language)

const locales = { French: 'frFR', German: 'deDE', Spanish: 'esES', Japanese: 'jaJP', Arabic: 'arSA' } as const;
const waitingIn = (locale: string): Story => ({
  name: `Check your email: ${locale}`,
  globals: { locale },
  play: async (context) => {
    // No English labels to go by: by role and position (the link button is the step's last).
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByRole('textbox'), ada.emailAddress);
    await userEvent.click(canvas.getAllByRole('button').at(-1)!);
    await canvas.findByLabelText(/./, { selector: 'input[type=password]' });
    await userEvent.click(canvas.getAllByRole('button').at(-1)!);
    await waitFor(() => expect(context.canvasElement.querySelector('.latch-emailLinkStatus')).not.toBeNull());
  },
});
const verifyIn = (locale: string): Story => ({
  name: `Verify page: ${locale}`,
  globals: { locale },
  parameters: { latch: { settings: codeAndLink, emailLink: linkFromAnotherBrowser } },
  play: async (context) => {
    await toVerifyPage(context, new RegExp(ada.emailAddress.replace('.', '\\.')));
  },
});
export const CheckYourEmailFrench = waitingIn(locales.French);
export const CheckYourEmailGerman = waitingIn(locales.German);
export const CheckYourEmailSpanish = waitingIn(locales.Spanish);
export const CheckYourEmailJapanese = waitingIn(locales.Japanese);
export const CheckYourEmailArabic = waitingIn(locales.Arabic);
export const VerifyPageFrench = verifyIn(locales.French);
export const VerifyPageGerman = verifyIn(locales.German);
export const VerifyPageSpanish = verifyIn(locales.Spanish);
export const VerifyPageJapanese = verifyIn(locales.Japanese);
export const VerifyPageArabic = verifyIn(locales.Arabic);
