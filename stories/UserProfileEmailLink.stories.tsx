import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { UserProfile } from '@latch/ui';
import { latchOf } from '../.storybook/latch';
import { ada } from './fixtures';
import { expectAlert } from './play';
import { openLinkElsewhere, toVerifyPage } from './emailLinkSteps';
import { canvasOf, click, secondEmail, toAddEmail } from './userProfileSteps';

/**
 * <UserProfile/> verifying an added address by emailed link: the panel that
 * waits (and closes by itself once the link is opened, in any browser), and
 * the page the link opens, which works signed out too.
 */
const meta = {
  title: 'Email links/UserProfile',
  component: UserProfile,
  parameters: { latch: { signedInAs: ada.emailAddress, settings: { emailVerification: { method: 'link' as const } } } },
} satisfies Meta<typeof UserProfile>;

export default meta;
type Story = StoryObj<typeof meta>;

async function toLinkPanel(context: Parameters<NonNullable<Story['play']>>[0]) {
  await toAddEmail(context);
  await userEvent.type(canvasOf(context).getByLabelText('Email address'), secondEmail);
  await click(context, 'Continue');
  await canvasOf(context).findByText('Waiting for you to open the link…');
}

export const AddByLink: Story = {
  name: 'Email: add (verified by link)',
  play: async (context) => {
    await toAddEmail(context);
    await expect(canvasOf(context).getByText('We will send a verification link to this address.')).toBeVisible();
  },
};

export const WaitingForLink: Story = {
  name: 'Email: waiting for the link',
  play: async (context) => {
    await toLinkPanel(context);
    await expect(canvasOf(context).getByRole('group', { name: `Verify ${secondEmail}` })).toBeVisible();
  },
};

export const VerifiedElsewhere: Story = {
  name: 'Email: link opened in another browser, the panel closes',
  play: async (context) => {
    await toLinkPanel(context);
    await openLinkElsewhere(context, secondEmail);
    await canvasOf(context).findByText(`${secondEmail} is verified.`, undefined, { timeout: 10_000 });
  },
};

export const VerifyPageSignedOut: Story = {
  name: 'Verify page (signed out)',
  parameters: { latch: { signedInAs: [], settings: { emailVerification: { method: 'link' } }, emailLink: { purpose: 'verify_email', emailAddress: ada.emailAddress, addedAddress: secondEmail } } },
  play: async (context) => {
    const button = `Verify ${secondEmail}`;
    await toVerifyPage(context, button);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: button }));
    await within(context.canvasElement).findByRole('heading', { name: 'Email address verified' });
    await expect(latchOf(context).client.session).toBeNull();
  },
};

export const VerifyPageUsed: Story = {
  name: 'Verify page: link already used',
  parameters: {
    latch: {
      signedInAs: [],
      settings: { emailVerification: { method: 'link' } },
      emailLink: { purpose: 'verify_email', emailAddress: ada.emailAddress, addedAddress: secondEmail, state: 'used' },
    },
  },
  play: async (context) => {
    await expectAlert(context, 'This link was already used.');
  },
};

// Locales: the page the link opens, in each shipped language (the waiting panel's strings are SignIn's, shown in its locale stories).
const verifyIn = (locale: string): Story => ({
  ...VerifyPageSignedOut,
  name: `Verify page (signed out): ${locale}`,
  globals: { locale },
  play: async (context) => {
    await toVerifyPage(context, new RegExp(secondEmail.replace('.', '\\.')));
  },
});
export const VerifyPageFrench = verifyIn('frFR');
export const VerifyPageGerman = verifyIn('deDE');
export const VerifyPageSpanish = verifyIn('esES');
export const VerifyPageJapanese = verifyIn('jaJP');
export const VerifyPageArabic = verifyIn('arSA');
