import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignUp } from '@latch/ui';
import { latchOf } from '../.storybook/latch';
import { expectAlert, type PlayContext as Context } from './play';
import { codeAndLink, expectSignedInHere, linkEmailedTo, openLinkElsewhere, toVerifyPage } from './emailLinkSteps';

/**
 * <SignUp/> verifying the new address by emailed link: the "check your
 * email" step (which finishes the sign-up by itself once the link is
 * opened), "Email me a link instead" beside the code, and the page the link
 * opens.
 */
const meta = {
  title: 'Email links/SignUp',
  component: SignUp,
  parameters: { latch: { settings: { emailVerification: { method: 'link' as const } } } },
} satisfies Meta<typeof SignUp>;

export default meta;
type Story = StoryObj<typeof meta>;

const alan = { emailAddress: 'alan@example.com', password: 'enigma-bombe-1940' };
const linkFromAnotherBrowser = { purpose: 'sign_up' as const, emailAddress: alan.emailAddress };

async function signUpAs({ canvasElement }: Context) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText('Email address'), alan.emailAddress);
  await userEvent.type(canvas.getByLabelText('Password'), alan.password);
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
}

async function toCheckYourEmail(context: Context) {
  await signUpAs(context);
  const canvas = within(context.canvasElement);
  await canvas.findByRole('heading', { name: 'Check your email' });
  await canvas.findByText('Waiting for you to open the link…');
}

export const CheckYourEmail: Story = {
  name: 'Check your email (link only)',
  play: async (context) => {
    await toCheckYourEmail(context);
    // No code went out: the link did.
    await linkEmailedTo(context, alan.emailAddress);
    await expect(latchOf(context).backend.outbox.map((email) => Boolean(email.link))).toEqual([true]);
  },
};

export const OpenedElsewhere: Story = {
  name: 'Check your email: opened in another browser, this tab signs up',
  play: async (context) => {
    await toCheckYourEmail(context);
    await openLinkElsewhere(context, alan.emailAddress);
    await expectSignedInHere(context);
  },
};

export const CodeOrLink: Story = {
  name: 'Code step: "Email me a link instead" (code and link)',
  parameters: { latch: { settings: codeAndLink } },
  play: async (context) => {
    await signUpAs(context);
    const canvas = within(context.canvasElement);
    await canvas.findByLabelText('Verification code');
    await userEvent.click(canvas.getByRole('button', { name: 'Email me a link instead' }));
    await canvas.findByText('Waiting for you to open the link…');
    await expect(canvas.getByRole('button', { name: 'Use a code instead' })).toBeVisible();
  },
};

export const VerifyPage: Story = {
  name: 'Verify page: "Continue as…"',
  parameters: { latch: { settings: codeAndLink, emailLink: linkFromAnotherBrowser } },
  play: async (context) => {
    await toVerifyPage(context, `Continue as ${alan.emailAddress}`);
  },
};

export const ReturnToOriginalTab: Story = {
  name: 'Verify page: return to your original tab',
  parameters: { latch: { settings: codeAndLink, emailLink: linkFromAnotherBrowser } },
  play: async (context) => {
    const button = `Continue as ${alan.emailAddress}`;
    await toVerifyPage(context, button);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: button }));
    await within(context.canvasElement).findByRole('heading', { name: 'Return to your original tab' });
  },
};

export const Expired: Story = {
  name: 'Verify page: link expired',
  parameters: { latch: { settings: codeAndLink, emailLink: { ...linkFromAnotherBrowser, state: 'expired' } } },
  play: async (context) => {
    await expectAlert(context, 'This link has expired.');
    await waitFor(() => expect(within(context.canvasElement).getByRole('button', { name: 'Sign up again' })).toBeVisible());
  },
};

// Locales (the toolbar switches every story; these hold the new screens in each shipped language)

const waitingIn = (locale: string): Story => ({
  name: `Check your email: ${locale}`,
  globals: { locale },
  play: async (context) => {
    // No English labels to go by: by the fields' types and the form's submit button.
    const form = context.canvasElement;
    await userEvent.type(form.querySelector<HTMLInputElement>('input[type=email]')!, alan.emailAddress);
    await userEvent.type(form.querySelector<HTMLInputElement>('input[type=password]')!, alan.password);
    await userEvent.click(form.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await waitFor(() => expect(form.querySelector('.latch-emailLinkStatus')).not.toBeNull(), { timeout: 10_000 });
  },
});
const verifyIn = (locale: string): Story => ({
  name: `Verify page: ${locale}`,
  globals: { locale },
  parameters: { latch: { settings: codeAndLink, emailLink: linkFromAnotherBrowser } },
  play: async (context) => {
    await toVerifyPage(context, new RegExp(alan.emailAddress.replace('.', '\\.')));
  },
});
export const CheckYourEmailFrench = waitingIn('frFR');
export const CheckYourEmailGerman = waitingIn('deDE');
export const CheckYourEmailSpanish = waitingIn('esES');
export const CheckYourEmailJapanese = waitingIn('jaJP');
export const CheckYourEmailArabic = waitingIn('arSA');
export const VerifyPageFrench = verifyIn('frFR');
export const VerifyPageGerman = verifyIn('deDE');
export const VerifyPageSpanish = verifyIn('esES');
export const VerifyPageJapanese = verifyIn('jaJP');
export const VerifyPageArabic = verifyIn('arSA');
