import { EMAIL_LINK_PARAM } from '@latch/protocol';
import type { MockBackend, MockBackendOptions, MockUser } from '@latch/mock';
import type { LatchClient } from '@latch/react';

/**
 * A story of the page an emailed link opens (`parameters.latch.emailLink`):
 * the loader asks for a real link from the mock, as a person would from
 * their original browser, and the story's page is opened with it.
 */
export interface EmailLinkStory {
  purpose: 'sign_in' | 'sign_up' | 'verify_email';
  /** Who the link is for: a fixture user (sign-in, verify_email's account) or a new address (sign-up). */
  emailAddress: string;
  /** verify_email: the address added to `emailAddress`'s account, which the link verifies. */
  addedAddress?: string;
  /** Asked for in this story's own browser (the link finishes here), not another one (the default). */
  sameBrowser?: boolean;
  /** What happened to the link before the page opens. */
  state?: 'used' | 'expired' | 'invalid';
}

/** How long a link lives, and a little more: an 'expired' story's clock runs this far ahead. */
export const pastLinkLifetimeMs = 11 * 60_000;

/**
 * Settings for stories that use links: the component's verify page is on the
 * catalog's origin, which the mock API's (latch.mock) is not, so that origin
 * is allowed as a redirect, as an app on another origin would configure it.
 */
export function linkSettings(settings: MockBackendOptions['settings']): MockBackendOptions['settings'] {
  if (!settings?.emailVerification) return settings;
  return { ...settings, allowedRedirectOrigins: [window.location.origin, ...(settings.allowedRedirectOrigins ?? [])] };
}

/**
 * Asks for the link from `asker` (the story's client for `sameBrowser`, else
 * a client of its own: another browser) and returns its token, after using
 * it once for a 'used' story.
 */
export async function requestEmailLink(
  backend: MockBackend,
  asker: LatchClient,
  story: EmailLinkStory,
  user: MockUser | undefined,
  newClient: () => LatchClient,
): Promise<string> {
  if (story.state === 'invalid') return 'not-a-link.bm90LWEtbGluaw';
  await asker.load();
  const sent = backend.outbox.length;
  const flow = await startFlow(asker, story, user);
  // The flow waits for the link to be opened: stop it once the email is out.
  for (let tries = 0; backend.outbox.length === sent && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  flow.cancelEmailLinkFlow();
  await flow.done.catch(() => undefined);
  const link = backend.outbox.at(-1)?.link;
  if (!link) throw new Error('parameters.latch.emailLink: the mock sent no link.');
  const token = new URL(link, backend.url).searchParams.get(EMAIL_LINK_PARAM);
  if (!token) throw new Error(`parameters.latch.emailLink: no ${EMAIL_LINK_PARAM} in ${link}.`);
  if (story.state === 'used') {
    const other = newClient();
    await other.load();
    await other.verifyEmailLink({ token });
    other.destroy();
  }
  return token;
}

/** Starts the link flow the story is about, with the page a path on the API's origin (only the token matters here). */
async function startFlow(asker: LatchClient, story: EmailLinkStory, user: MockUser | undefined) {
  const redirectUrl = '/verify';
  if (story.purpose === 'sign_in') {
    await asker.signIn.create({ identifier: story.emailAddress });
    const flow = asker.signIn.createEmailLinkFlow();
    return { ...flow, done: flow.startEmailLinkFlow({ redirectUrl }) };
  }
  if (story.purpose === 'sign_up') {
    await asker.signUp.create({ emailAddress: story.emailAddress, password: 'a-long-and-unusual-passphrase' });
    const flow = asker.signUp.createEmailLinkFlow();
    return { ...flow, done: flow.startEmailLinkFlow({ redirectUrl }) };
  }
  if (!user?.password) throw new Error('parameters.latch.emailLink: verify_email needs a fixture user with a password.');
  const attempt = await asker.signIn.create({ identifier: user.emailAddress, password: user.password });
  await asker.setActive({ session: attempt.createdSessionId! });
  const added = await asker.user!.createEmailAddress({ emailAddress: story.addedAddress ?? 'ada.work@example.com' });
  const flow = added.createEmailLinkFlow();
  return { ...flow, done: flow.startEmailLinkFlow({ redirectUrl }) };
}
