import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { UserProfile } from '@latch/ui';
import { ada, grace, katherine } from './fixtures';
import { codeEmailedTo, expectAlert, expectFieldError } from './play';
import { wrongCode } from './totp';
import {
  canvasOf,
  click,
  enrollmentCode,
  secondEmail,
  secretField,
  toAddEmail,
  toSecurityPage,
  toTotpEnrollment,
  toVerifyEmail,
} from './userProfileSteps';

/**
 * <UserProfile/> for a signed-in user: the Account page, the Security page,
 * and every panel they open. Ada has a password only; Grace has TOTP on.
 */
const meta = {
  title: 'Components/UserProfile',
  component: UserProfile,
  parameters: { latch: { signedInAs: ada.emailAddress } },
} satisfies Meta<typeof UserProfile>;

export default meta;
type Story = StoryObj<typeof meta>;

const asGrace = { latch: { signedInAs: grace.emailAddress } };
// Account page

export const AccountPage: Story = {
  name: 'Account page',
  play: async (context) => {
    const canvas = canvasOf(context);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Account' })).toHaveAttribute('aria-current', 'page');
    await expect(canvas.getByLabelText('First name')).toHaveValue('Ada');
    await expect(canvas.getByText(ada.emailAddress)).toBeVisible();
  },
};

export const AddEmailAddress: Story = {
  name: 'Email: add',
  play: toAddEmail,
};

export const VerifyEmailAddress: Story = {
  name: 'Email: verify code',
  play: async (context) => {
    await toVerifyEmail(context);
    await expect(canvasOf(context).getByLabelText('Verification code')).toHaveAttribute('autocomplete', 'one-time-code');
  },
};

export const VerifiedSecondEmail: Story = {
  name: 'Email: second address verified',
  play: async (context) => {
    await toVerifyEmail(context);
    await userEvent.type(canvasOf(context).getByLabelText('Verification code'), codeEmailedTo(context, secondEmail));
    await expect(await canvasOf(context).findByRole('button', { name: /Set as primary/ })).toBeVisible();
  },
};

export const EmailTaken: Story = {
  name: 'Email: error, address taken',
  play: async (context) => {
    await toAddEmail(context);
    await userEvent.type(canvasOf(context).getByLabelText('Email address'), katherine.emailAddress);
    await click(context, 'Continue');
    await expectFieldError(context, 'Email address', 'That email address is already taken.');
  },
};

export const WrongEmailCode: Story = {
  name: 'Email: error, wrong code',
  play: async (context) => {
    await toVerifyEmail(context);
    await userEvent.type(canvasOf(context).getByLabelText('Verification code'), wrongCode(codeEmailedTo(context, secondEmail)));
    await expectFieldError(context, 'Verification code', 'The code is incorrect.');
  },
};

export const SaveProfileOffline: Story = {
  name: 'Profile: error, network',
  parameters: { latch: { signedInAs: ada.emailAddress, scenario: 'network-error' } },
  play: async (context) => {
    await userEvent.type(canvasOf(context).getByLabelText('Last name'), ' King');
    await click(context, 'Save profile');
    await expectAlert(context, 'We could not reach the server.');
  },
};

// Security page

export const SecurityPage: Story = {
  name: 'Security page',
  parameters: { latch: { signedInAs: ada.emailAddress, signedInElsewhere: [ada.emailAddress] } },
  play: async (context) => {
    await toSecurityPage(context);
    const canvas = canvasOf(context);
    await expect(canvas.getByRole('button', { name: 'Change password' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Set up authenticator app' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Delete account' })).toBeVisible();
  },
};

export const ChangePassword: Story = {
  name: 'Password: change',
  play: async (context) => {
    await toSecurityPage(context);
    await click(context, 'Change password');
    const field = await canvasOf(context).findByLabelText('Current password');
    await waitFor(() => expect(field).toHaveFocus());
  },
};

export const WrongCurrentPassword: Story = {
  name: 'Password: error, wrong current password',
  play: async (context) => {
    await toSecurityPage(context);
    await click(context, 'Change password');
    const canvas = canvasOf(context);
    await userEvent.type(await canvas.findByLabelText('Current password'), 'not-my-password');
    await userEvent.type(canvas.getByLabelText('New password'), 'analytical-engine-1843');
    await userEvent.type(canvas.getByLabelText('Confirm password'), 'analytical-engine-1843');
    await click(context, 'Save password');
    await expectFieldError(context, 'Current password', 'Your current password is incorrect.');
  },
};

export const TotpEnrollment: Story = {
  name: 'Two-step: set up (QR code)',
  play: async (context) => {
    await toTotpEnrollment(context);
    const canvas = canvasOf(context);
    await expect(canvas.getByRole('img', { name: /QR code/ })).toBeVisible();
    await expect(secretField(context).value).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  },
};

export const TotpWrongCode: Story = {
  name: 'Two-step: error, wrong code',
  play: async (context) => {
    await toTotpEnrollment(context);
    await userEvent.type(canvasOf(context).getByLabelText('Verification code'), wrongCode(await enrollmentCode(context)));
    await expectFieldError(context, 'Verification code', 'The code is incorrect.');
  },
};

export const BackupCodes: Story = {
  name: 'Two-step: backup codes',
  play: async (context) => {
    await toTotpEnrollment(context);
    await userEvent.type(canvasOf(context).getByLabelText('Verification code'), await enrollmentCode(context));
    const canvas = canvasOf(context);
    await canvas.findByRole('group', { name: 'Save your backup codes' });
    await expect(canvas.getByRole('list', { name: 'Backup codes' }).children.length).toBeGreaterThan(0);
  },
};

export const TotpOn: Story = {
  name: 'Two-step: on',
  parameters: asGrace,
  play: async (context) => {
    await toSecurityPage(context);
    await expect(canvasOf(context).getByRole('button', { name: 'Regenerate backup codes' })).toBeVisible();
  },
};

export const RegenerateBackupCodes: Story = {
  name: 'Two-step: regenerate backup codes',
  parameters: asGrace,
  play: async (context) => {
    await toSecurityPage(context);
    await click(context, 'Regenerate backup codes');
    await click(context, 'Create new codes');
    await expect(await canvasOf(context).findByRole('group', { name: 'Save your backup codes' })).toBeVisible();
  },
};

export const TurnOffTotp: Story = {
  name: 'Two-step: turn off (confirm)',
  parameters: asGrace,
  play: async (context) => {
    await toSecurityPage(context);
    await click(context, 'Turn off');
    await expect(await canvasOf(context).findByRole('group', { name: 'Turn off two-step verification?' })).toBeVisible();
  },
};

export const ActiveDevices: Story = {
  name: 'Active devices',
  parameters: { latch: { signedInAs: ada.emailAddress, signedInElsewhere: [ada.emailAddress, ada.emailAddress] } },
  play: async (context) => {
    await toSecurityPage(context);
    const canvas = canvasOf(context);
    await expect(await canvas.findByText('This device')).toBeVisible();
    await waitFor(() => expect(canvas.getAllByRole('button', { name: 'Sign out of this device' })).toHaveLength(2));
  },
};

export const DeleteAccount: Story = {
  name: 'Delete account (confirm)',
  play: async (context) => {
    await toSecurityPage(context);
    await click(context, 'Delete account');
    const canvas = canvasOf(context);
    const confirm = await canvas.findByLabelText('Type DELETE to confirm');
    const button = canvas.getByRole('button', { name: 'Delete account' });
    await expect(button).toBeDisabled();
    await userEvent.type(confirm, 'DELETE');
    await expect(button).toBeEnabled();
  },
};

// Step-up: a session signed in more than 10 minutes ago confirms it's the user before a sensitive change

const signedInLongAgo = { latch: { signedInAs: ada.emailAddress, signedInMinutesAgo: 11 } };

/** Adds the second address on a stale session: the step-up step opens instead. */
async function toConfirmItsYou(context: Parameters<typeof canvasOf>[0]) {
  await toAddEmail(context);
  await userEvent.type(canvasOf(context).getByLabelText('Email address'), secondEmail);
  await click(context, 'Continue');
  const step = await canvasOf(context).findByRole('group', { name: 'Confirm it’s you' });
  await waitFor(() => expect(within(step).getByRole('heading', { name: 'Confirm it’s you' })).toHaveFocus());
  return step;
}

export const ConfirmItsYou: Story = {
  name: 'Step-up: confirm it’s you (password)',
  parameters: signedInLongAgo,
  play: async (context) => {
    const step = await toConfirmItsYou(context);
    await expect(within(step).getByLabelText('Password')).toBeVisible();
  },
};

export const ConfirmItsYouWrongPassword: Story = {
  name: 'Step-up: error, wrong password',
  parameters: signedInLongAgo,
  play: async (context) => {
    const step = await toConfirmItsYou(context);
    await userEvent.type(within(step).getByLabelText('Password'), 'not-my-password');
    await click(context, 'Continue');
    await expectFieldError(context, 'Password', 'Password is incorrect.');
  },
};

export const ConfirmItsYouThenRetried: Story = {
  name: 'Step-up: confirmed, the change goes through',
  parameters: signedInLongAgo,
  play: async (context) => {
    const step = await toConfirmItsYou(context);
    await userEvent.type(within(step).getByLabelText('Password'), ada.password);
    await click(context, 'Continue');
    await expect(await canvasOf(context).findByLabelText('Verification code')).toBeVisible();
  },
};

export const ConfirmItsYouTotp: Story = {
  name: 'Step-up: confirm it’s you (authenticator app)',
  parameters: { latch: { signedInAs: grace.emailAddress, signedInMinutesAgo: 11 } },
  play: async (context) => {
    await toSecurityPage(context);
    await click(context, 'Turn off');
    const confirm = await canvasOf(context).findByRole('group', { name: 'Turn off two-step verification?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Turn off' }));
    const step = await canvasOf(context).findByRole('group', { name: 'Confirm it’s you' });
    await expect(within(step).getByLabelText('Verification code')).toBeVisible();
    await expect(within(step).queryByLabelText('Password')).toBeNull();
  },
};

// States

export const LoadingClient: Story = {
  name: 'Loading (client)',
  parameters: { latch: { skipLoad: true, scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading')).toBeInTheDocument();
  },
};

export const SignedOutFallback: Story = {
  name: 'Signed out, with a fallback',
  parameters: { latch: { signedInAs: [] } },
  args: { fallback: <p>Sign in to manage your account.</p> },
  play: async ({ canvasElement }) => {
    // Without `fallback` it would go to /sign-in (the catalog logs navigation in the Actions panel).
    await expect(within(canvasElement).getByText('Sign in to manage your account.')).toBeVisible();
    await expect(within(canvasElement).queryByRole('navigation')).toBeNull();
  },
};

// Appearance and localization

export const Dark: Story = { name: 'Dark, account page', globals: { theme: 'dark' } };

export const DarkSecurity: Story = {
  name: 'Dark, security page (TOTP on)',
  globals: { theme: 'dark' },
  parameters: { latch: { signedInAs: grace.emailAddress, signedInElsewhere: [grace.emailAddress] } },
  play: toSecurityPage,
};

export const DarkBackupCodes: Story = { name: 'Dark, backup codes', globals: { theme: 'dark' }, play: BackupCodes.play };

export const CustomBrand: Story = { name: 'Custom brand', globals: { theme: 'brand' } };

export const CustomBrandSecurity: Story = {
  name: 'Custom brand, two-step set up',
  globals: { theme: 'brand' },
  play: TotpEnrollment.play,
};

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' } };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' } };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' } };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' } };
export const Arabic: Story = {
  name: 'Locale: ar-SA (right to left)',
  globals: { locale: 'arSA' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.latch-root')).toHaveAttribute('dir', 'rtl');
  },
};
