import { userEvent, within } from 'storybook/test';
import { ada, grace } from './fixtures';
import type { PlayContext } from './play';

// <SignIn/>'s steps as a person takes them: each ends once the next screen shows.

export async function enterIdentifier({ canvasElement }: PlayContext, identifier: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Email address'), identifier);
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
}

export async function toPasswordStep(context: PlayContext, email = ada.emailAddress) {
  await enterIdentifier(context, email);
  await within(context.canvasElement).findByRole('heading', { name: 'Enter your password' });
}

export async function enterPassword({ canvasElement }: PlayContext, password: string) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText('Password'), password);
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
}

export async function toSecondFactor(context: PlayContext) {
  await toPasswordStep(context, grace.emailAddress);
  await enterPassword(context, grace.password);
  await within(context.canvasElement).findByRole('heading', { name: 'Two-step verification' });
}

export async function toResetCode(context: PlayContext) {
  await toPasswordStep(context);
  await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Forgot password?' }));
  await within(context.canvasElement).findByRole('heading', { name: 'Reset your password' });
}

/** Types the code; six digits submit by themselves, as they would for a person. */
export async function enterCode({ canvasElement }: PlayContext, code: string) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText('Verification code'), code);
}
