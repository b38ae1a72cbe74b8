import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignIn } from '@latch/ui';
import { ada, grace, katherine } from './fixtures';
import { codeEmailedTo, expectAlert, expectFieldError } from './play';
import { enterCode, enterIdentifier, enterPassword, toPasswordStep, toResetCode, toSecondFactor } from './signInSteps';
import { totpCode, wrongCode } from './totp';

/**
 * Every screen and state of <SignIn/>. Each story gets a fresh mock backend
 * with Ada (password), Grace (password + TOTP + backup codes) and Katherine;
 * steps after the first are reached by a play function typing like a person.
 */
const meta = {
  title: 'Components/SignIn',
  component: SignIn,
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

// Screens of the flow

export const Start: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(canvas.getByLabelText('Email address')).toHaveAttribute('autocomplete', 'username');
    await expect(canvas.getByRole('link', { name: 'Sign up' })).toHaveAttribute('href', '/sign-up');
  },
};

export const StartWithUsername: Story = {
  name: 'Start (email or username)',
  parameters: { latch: { settings: { identifiers: { emailAddress: true, username: true } } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Email address or username')).toBeVisible();
  },
};

export const StartPrefilled: Story = {
  name: 'Start (initialValues)',
  args: { initialValues: { identifier: ada.emailAddress } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Email address')).toHaveValue(ada.emailAddress);
  },
};

export const Password: Story = {
  play: async (context) => {
    await toPasswordStep(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByText(ada.emailAddress)).toBeVisible();
    // The new step's heading takes focus, so a screen reader announces it.
    const heading = canvas.getByRole('heading', { name: 'Enter your password' });
    await waitFor(() => expect(heading).toHaveFocus());
  },
};

export const EmailCode: Story = {
  name: 'Email code',
  play: async (context) => {
    await toPasswordStep(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Use another method' }));
    await canvas.findByRole('heading', { name: 'Check your email' });
    await expect(canvas.getByLabelText('Verification code')).toHaveAttribute('autocomplete', 'one-time-code');
  },
};

export const ForgotPasswordCode: Story = {
  name: 'Forgot password: code',
  play: async (context) => {
    await toResetCode(context);
    await expect(codeEmailedTo(context, ada.emailAddress)).toMatch(/^\d{6}$/);
  },
};

export const ForgotPasswordNewPassword: Story = {
  name: 'Forgot password: new password',
  play: async (context) => {
    await toResetCode(context);
    await enterCode(context, codeEmailedTo(context, ada.emailAddress));
    const canvas = within(context.canvasElement);
    await canvas.findByRole('heading', { name: 'Set a new password' });
    await expect(canvas.getByRole('checkbox', { name: 'Sign out of other devices' })).toBeChecked();
  },
};

export const ForgotPasswordMismatch: Story = {
  name: 'Forgot password: passwords differ',
  play: async (context) => {
    await toResetCode(context);
    await enterCode(context, codeEmailedTo(context, ada.emailAddress));
    const canvas = within(context.canvasElement);
    await canvas.findByRole('heading', { name: 'Set a new password' });
    await userEvent.type(canvas.getByLabelText('New password'), 'a-brand-new-passphrase');
    await userEvent.type(canvas.getByLabelText('Confirm password'), 'a-different-passphrase');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expectFieldError(context, 'Confirm password', 'The passwords do not match.');
  },
};

export const SecondFactorTotp: Story = {
  name: 'Second factor: authenticator app',
  play: async (context) => {
    await toSecondFactor(context);
    await expect(within(context.canvasElement).getByLabelText('Verification code')).toBeVisible();
  },
};

export const SecondFactorBackupCode: Story = {
  name: 'Second factor: backup code',
  play: async (context) => {
    await toSecondFactor(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Use a backup code' }));
    await expect(await canvas.findByLabelText('Backup code')).toBeVisible();
  },
};

export const AccountChooser: Story = {
  name: 'Account chooser (multi-session)',
  parameters: {
    latch: { settings: { multiSession: true }, signedInAs: [ada.emailAddress, katherine.emailAddress] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Choose an account' });
    await expect(canvas.getByRole('button', { name: /Ada Lovelace/ })).toBeVisible();
    await expect(canvas.getByRole('button', { name: /Katherine Johnson/ })).toHaveAttribute('aria-current', 'true');
    await expect(canvas.getByRole('button', { name: 'Add account' })).toBeVisible();
  },
};

// States

export const LoadingClient: Story = {
  name: 'Loading (client)',
  parameters: { latch: { skipLoad: true, scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toBeVisible();
  },
};

export const Submitting: Story = {
  name: 'Loading (submitting)',
  parameters: { latch: { scenario: 'slow' } },
  play: async (context) => {
    await enterIdentifier(context, ada.emailAddress);
    const button = within(context.canvasElement).getByRole('button', { name: /Continue/ });
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toBeDisabled();
  },
};

// Errors

export const MissingIdentifier: Story = {
  name: 'Error: empty identifier',
  play: async (context) => {
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Continue' }));
    await expectFieldError(context, 'Email address', 'This field is required.');
  },
};

export const UnknownAccount: Story = {
  name: 'Error: unknown account (enumeration protection on, the default)',
  play: async (context) => {
    // Nothing tells an unknown account from a known one until a factor fails.
    await toPasswordStep(context, 'nobody@example.com');
    await enterPassword(context, 'whatever-it-is');
    await expectFieldError(context, 'Password', 'Password is incorrect.');
  },
};

export const UnknownIdentifier: Story = {
  name: 'Error: unknown identifier (enumeration protection off)',
  parameters: { latch: { settings: { enumerationProtection: false } } },
  play: async (context) => {
    await enterIdentifier(context, 'nobody@example.com');
    await expectFieldError(context, 'Email address', 'We could not find an account');
  },
};

export const WrongPassword: Story = {
  name: 'Error: wrong password',
  play: async (context) => {
    await toPasswordStep(context);
    await enterPassword(context, 'not-the-password');
    await expectFieldError(context, 'Password', 'Password is incorrect.');
  },
};

export const LockedAccount: Story = {
  name: 'Error: locked account',
  parameters: { latch: { lockedOut: [ada.emailAddress] } },
  play: async (context) => {
    await toPasswordStep(context);
    await enterPassword(context, ada.password);
    await expectAlert(context, 'Your account is locked for now.');
  },
};

export const WrongEmailCode: Story = {
  name: 'Error: wrong email code',
  play: async (context) => {
    await toPasswordStep(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Use another method' }));
    await within(context.canvasElement).findByRole('heading', { name: 'Check your email' });
    await enterCode(context, wrongCode(codeEmailedTo(context, ada.emailAddress)));
    await expectFieldError(context, 'Verification code', 'The code is incorrect.');
  },
};

export const WrongTotpCode: Story = {
  name: 'Error: wrong authenticator code',
  play: async (context) => {
    await toSecondFactor(context);
    await enterCode(context, wrongCode(await totpCode(grace.totpSecret)));
    await expectFieldError(context, 'Verification code', 'The code is incorrect.');
  },
};

export const NetworkError: Story = {
  name: 'Error: network',
  parameters: { latch: { scenario: 'network-error' } },
  play: async (context) => {
    await enterIdentifier(context, ada.emailAddress);
    await expectAlert(context, 'We could not reach the server.');
  },
};

export const ServerError: Story = {
  name: 'Error: server',
  parameters: { latch: { scenario: 'server-error' } },
  play: async (context) => {
    await enterIdentifier(context, ada.emailAddress);
    await expectAlert(context, 'Something went wrong on our side.');
  },
};

// Appearance and localization (the toolbar switches these for every story)

export const Dark: Story = { globals: { theme: 'dark' } };

export const CustomBrand: Story = {
  name: 'Custom brand',
  globals: { theme: 'brand' },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Continue' });
    await expect(button).toHaveClass('latch-formButtonPrimary');
    await expect(button.style.textTransform).toBe('uppercase');
  },
};

export const DarkPasswordError: Story = {
  name: 'Dark: wrong password',
  globals: { theme: 'dark' },
  play: WrongPassword.play,
};

export const Relabelled: Story = {
  name: 'Localization: partial override',
  args: { localization: { formButtonPrimary: 'Onward' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Onward' })).toBeVisible();
  },
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
