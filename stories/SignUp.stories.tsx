import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignUp } from '@latch/ui';
import { ada } from './fixtures';
import { codeEmailedTo, expectAlert, expectFieldError, type PlayContext as Context } from './play';
import { wrongCode } from './totp';

/**
 * Every screen and state of <SignUp/>. The fields come from the instance's
 * settings (`parameters.latch.settings.signUp.fields`); the consent checkbox
 * from its terms and privacy URLs.
 */
const meta = {
  title: 'Components/SignUp',
  component: SignUp,
} satisfies Meta<typeof SignUp>;

export default meta;
type Story = StoryObj<typeof meta>;

const alan = { firstName: 'Alan', lastName: 'Turing', emailAddress: 'alan@example.com', password: 'enigma-bombe-1940' };

const withConsent = {
  latch: { settings: { branding: { termsUrl: 'https://example.com/terms', privacyUrl: 'https://example.com/privacy' } } },
};

async function fill({ canvasElement }: Context, label: string, value: string) {
  await userEvent.type(within(canvasElement).getByLabelText(label), value);
}

async function submit({ canvasElement }: Context) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Continue' }));
}

async function fillForm(context: Context, person: { emailAddress: string; password: string }) {
  await fill(context, 'Email address', person.emailAddress);
  await fill(context, 'Password', person.password);
  await submit(context);
}

async function toVerifyStep(context: Context) {
  await fillForm(context, alan);
  await within(context.canvasElement).findByRole('heading', { name: 'Verify your email' });
}

// Screens

export const Form: Story = {
  name: 'Form (required fields only)',
  parameters: { latch: { settings: { signUp: { fields: { firstName: 'off', lastName: 'off' } } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await expect(canvas.getByLabelText('Email address')).toHaveAttribute('autocomplete', 'email');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    await expect(canvas.queryByLabelText('First name')).toBeNull();
    await expect(canvas.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  },
};

export const WithOptionalFields: Story = {
  name: 'Form with optional fields',
  parameters: { latch: { settings: { signUp: { fields: { username: 'optional' } } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('First name')).not.toBeRequired();
    await expect(canvas.getByLabelText('Last name')).not.toBeRequired();
    await expect(canvas.getByLabelText('Username')).not.toBeRequired();
    await expect(canvas.getByLabelText('Email address')).toBeRequired();
  },
};

export const OptionalFieldsHidden: Story = {
  name: 'Form with optional fields hidden (layout)',
  args: { appearance: { layout: { showOptionalFields: false } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByLabelText('First name')).toBeNull();
  },
};

export const WithConsent: Story = {
  name: 'Form with legal consent',
  parameters: withConsent,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('checkbox', { name: /I agree to the Terms of Service/ })).not.toBeChecked();
    await expect(canvas.getByRole('link', { name: /Privacy Policy/ })).toHaveAttribute('href', 'https://example.com/privacy');
  },
};

export const PasswordHints: Story = {
  name: 'Password hints (live)',
  play: async (context) => {
    await fill(context, 'Password', 'short');
    await expect(within(context.canvasElement).getByText(/Have at least 8 characters/)).toBeVisible();
  },
};

export const Verify: Story = {
  name: 'Verify email',
  play: async (context) => {
    await toVerifyStep(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByLabelText('Verification code')).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(codeEmailedTo(context, alan.emailAddress)).toMatch(/^\d{6}$/);
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

export const Submitting: Story = {
  name: 'Loading (submitting)',
  parameters: { latch: { scenario: 'slow' } },
  play: async (context) => {
    await fillForm(context, alan);
    const button = within(context.canvasElement).getByRole('button', { name: /Continue/ });
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

export const Closed: Story = {
  name: 'Sign-ups closed',
  parameters: { latch: { settings: { signUp: { enabled: false } } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Sign-ups are closed for now.');
  },
};

// Errors

export const MissingFields: Story = {
  name: 'Error: required fields empty',
  play: async (context) => {
    await submit(context);
    await expectFieldError(context, 'Email address', 'This field is required.');
    await expectFieldError(context, 'Password', 'This field is required.');
    // Focus goes to the first field to fix.
    const email = within(context.canvasElement).getByLabelText('Email address');
    await waitFor(() => expect(email).toHaveFocus());
  },
};

export const ConsentMissing: Story = {
  name: 'Error: consent not given',
  parameters: withConsent,
  play: async (context) => {
    await fillForm(context, alan);
    await expectFieldError(context, 'I agree to the Terms of Service (opens in a new tab) and the Privacy Policy (opens in a new tab)', 'Accept the terms');
  },
};

export const EmailTaken: Story = {
  name: 'Error: email address taken',
  play: async (context) => {
    await fillForm(context, { emailAddress: ada.emailAddress, password: alan.password });
    await expectFieldError(context, 'Email address', 'That email address is already taken.');
  },
};

export const CommonPassword: Story = {
  name: 'Error: common password',
  play: async (context) => {
    await fillForm(context, { emailAddress: alan.emailAddress, password: 'password' });
    await expectFieldError(context, 'Password', 'This password is too common.');
  },
};

export const WrongCode: Story = {
  name: 'Error: wrong code',
  play: async (context) => {
    await toVerifyStep(context);
    await fill(context, 'Verification code', wrongCode(codeEmailedTo(context, alan.emailAddress)));
    await expectFieldError(context, 'Verification code', 'The code is incorrect.');
  },
};

export const NetworkError: Story = {
  name: 'Error: network',
  parameters: { latch: { scenario: 'network-error' } },
  play: async (context) => {
    await fillForm(context, alan);
    await expectAlert(context, 'We could not reach the server.');
  },
};

// Appearance and localization

export const Dark: Story = { globals: { theme: 'dark' }, parameters: withConsent };

export const DarkErrors: Story = {
  name: 'Dark: errors',
  globals: { theme: 'dark' },
  play: MissingFields.play,
};

export const CustomBrand: Story = { name: 'Custom brand', globals: { theme: 'brand' }, parameters: withConsent };

export const Relabelled: Story = {
  name: 'Localization: partial override',
  args: { localization: { formButtonPrimary: 'Onward' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Onward' })).toBeVisible();
  },
};

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' }, parameters: withConsent };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' }, parameters: withConsent };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' }, parameters: withConsent };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' }, parameters: withConsent };
export const Arabic: Story = {
  name: 'Locale: ar-SA (right to left)',
  globals: { locale: 'arSA' },
  parameters: withConsent,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.latch-root')).toHaveAttribute('dir', 'rtl');
  },
};
