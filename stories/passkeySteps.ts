import { expect, userEvent, waitFor, within } from 'storybook/test';
import { latchOf } from '../.storybook/latch';
import type { StoryPasskeys } from '../.storybook/latch';
import { ada } from './fixtures';
import type { PlayContext } from './play';

// Passkey stories: the instance turns them on, and a software authenticator
// (./authenticator.ts) answers for the browser, holding the passkeys asked for.

/** The instance setting that turns passkeys on (off by default, so other stories are unchanged). */
export const passkeysOn = { firstFactors: { passkey: true } };

/** The name Ada gave the passkey on her laptop. */
export const adasPasskey = 'Work laptop';

/**
 * No passkeys for Ada. Spelled out, because Storybook merges a story's
 * parameters into its file's key by key (arrays are replaced, objects merged).
 */
export const noPasskeys: StoryPasskeys = { registered: { [ada.emailAddress]: [] } };

/** `parameters.latch` for a story whose authenticator holds `passkeys`. */
export function withPasskeys(passkeys: StoryPasskeys = { registered: { [ada.emailAddress]: [adasPasskey] } }) {
  return { settings: passkeysOn, passkeys };
}

/** The software authenticator of the story. */
export function authenticatorOf(context: PlayContext) {
  const { authenticator } = latchOf(context);
  if (!authenticator) throw new Error('This story has no parameters.latch.passkeys.');
  return authenticator;
}

/** The "Sign in with a passkey" button, once its part has loaded. */
export async function passkeyButton({ canvasElement }: PlayContext, name: string | RegExp = 'Sign in with a passkey') {
  return within(canvasElement).findByRole('button', { name });
}

/** The start step shows, and its autofill request waits for the person to pick a passkey. */
export async function autofillWaiting(context: PlayContext) {
  await passkeyButton(context);
  await waitFor(() => expect(authenticatorOf(context).autofillPending).toBe(true));
}

/** The story's client holds a signed-in session. */
export async function expectSignedIn(context: PlayContext) {
  await waitFor(() => expect(latchOf(context).client.session).not.toBeNull());
}

/** Clicks, as a person at the keyboard or mouse would. */
export async function press(button: HTMLElement) {
  await userEvent.click(button);
}
