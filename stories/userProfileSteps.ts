import { userEvent, within } from 'storybook/test';
import type { PlayContext as Context } from './play';
import { totpCode } from './totp';

// <UserProfile/>'s pages and panels as a person reaches them: each ends once the panel shows.

/** The address Ada adds to her account. */
export const secondEmail = 'ada.lovelace@example.org';

export function canvasOf({ canvasElement }: Context) {
  return within(canvasElement);
}

export async function click(context: Context, name: string | RegExp) {
  await userEvent.click(canvasOf(context).getByRole('button', { name }));
}

export async function toSecurityPage(context: Context) {
  await click(context, 'Security');
  await canvasOf(context).findByRole('heading', { level: 1, name: 'Security' });
}

export async function toAddEmail(context: Context) {
  await click(context, 'Add email address');
  await canvasOf(context).findByRole('group', { name: 'Add an email address' });
}

export async function toVerifyEmail(context: Context) {
  await toAddEmail(context);
  await userEvent.type(canvasOf(context).getByLabelText('Email address'), secondEmail);
  await click(context, 'Continue');
  await canvasOf(context).findByLabelText('Verification code');
}

export async function toTotpEnrollment(context: Context) {
  await toSecurityPage(context);
  await click(context, 'Set up authenticator app');
  await canvasOf(context).findByRole('group', { name: 'Set up your authenticator app' });
}

/** The key shown for typing into an authenticator app (beside the QR code). */
export function secretField(context: Context): HTMLTextAreaElement {
  return canvasOf(context).getByLabelText(/Enter this key in your app/) as HTMLTextAreaElement;
}

/** What the authenticator app would show once the key is typed into it. */
export async function enrollmentCode(context: Context): Promise<string> {
  // Shown in groups of four; the app ignores the spaces.
  return totpCode(secretField(context).value.replaceAll(' ', ''));
}
