import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryStorage } from '@latch/client';
import { EMAIL_LINK_PARAM } from '@latch/protocol';
import { LatchClient } from '@latch/react';
import { latchOf } from '../.storybook/latch';
import type { PlayContext } from './play';

// Email links as a person follows them: the link that landed in their inbox,
// opened in another browser (a client of its own, which the story never shows).

/** The instance sends codes and links both: every link story opts in (the other stories stay on codes). */
export const codeAndLink = { emailVerification: { method: 'both' as const } };

/** The token of the latest link emailed to `address`, as its owner would find it in their inbox (once it arrives). */
export async function linkEmailedTo(context: PlayContext, address: string): Promise<string> {
  let token: string | null | undefined;
  await waitFor(
    () => {
      const email = latchOf(context).backend.outbox.filter((mail) => mail.to === address && mail.link).at(-1);
      token = email?.link && new URL(email.link, 'https://latch.mock').searchParams.get(EMAIL_LINK_PARAM);
      if (!token) throw new Error(`No link was emailed to ${address}.`);
    },
    { timeout: 5_000 },
  );
  return token!;
}

/** Opens the link in another browser and presses its button there, as the person would. */
export async function openLinkElsewhere(context: PlayContext, address: string): Promise<void> {
  const other = new LatchClient({
    frontendApi: latchOf(context).backend.url,
    transport: 'header',
    tokenStorage: createMemoryStorage(),
    broadcast: false,
  });
  await other.load();
  await other.verifyEmailLink({ token: await linkEmailedTo(context, address) });
  other.destroy();
}

/** From the password step: "Email me a link", then the waiting step. */
export async function toCheckYourEmail(context: PlayContext) {
  const canvas = within(context.canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Email me a link' }));
  await canvas.findByRole('heading', { name: 'Check your email' });
  await canvas.findByText('Waiting for you to open the link…');
}

/** The verify page has read what its link is for: the button that uses it shows. */
export async function toVerifyPage(context: PlayContext, button: string | RegExp) {
  await within(context.canvasElement).findByRole('button', { name: button });
}

/** The story's own browser is signed in (the link finished here). */
export async function expectSignedInHere(context: PlayContext) {
  await waitFor(() => expect(latchOf(context).client.session).not.toBeNull(), { timeout: 10_000 });
}
