import type { StoryContext } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { latchOf } from '../.storybook/latch';

/** What the play helpers use of a story's context. */
export type PlayContext = Pick<StoryContext, 'canvasElement' | 'loaded'>;

/** The field named `label` shows `message`, tied to it (aria-describedby) and flagged invalid. */
export async function expectFieldError({ canvasElement }: PlayContext, label: string | RegExp, message: string) {
  const field = within(canvasElement).getByLabelText(label);
  await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining(message)));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
}

/** An error that belongs to no field is announced (role="alert"). */
export async function expectAlert({ canvasElement }: PlayContext, message: string) {
  await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(message);
}

/** The code in the latest email to `address`, as its owner would read it in their inbox. */
export function codeEmailedTo(context: PlayContext, address: string): string {
  const code = latchOf(context).backend.latestCode(address);
  if (!code) throw new Error(`No code was emailed to ${address}.`);
  return code;
}
