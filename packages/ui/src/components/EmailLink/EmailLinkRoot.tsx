import type { ReactNode } from 'react';
import type { LocalizationResource, Routing } from '../../foundation';
import { emailLink, emailLinkErrors } from '../../localization/en-US/emailLink';
import css from '../../styles/emailLink.css?raw';
import type { PartKit } from '../kit';
import { createPart } from '../part';
import type { LinkWait } from './useLinkWait';

// Shared by the on-demand email-link parts only (see kit.ts): nothing here may
// import the package's other modules, nor @latch/react (types aside).

const english = { emailLink, errors: emailLinkErrors } as unknown as LocalizationResource;

const part = createPart<PartKit>({ english, sheet: { id: 'latch-emailLink', css } });

/** The kit the part was given (its root wraps everything in `EmailLinkRoot`). */
export const useLinkKit = part.useKit;

/**
 * What every email-link part renders inside: the kit for its pieces. They load on demand, and bring
 * their English strings (their error messages included) and their stylesheet with them: the strings go under
 * the component's resource, so a shipped translation or the app's own
 * overrides still win, key by key.
 */
export const EmailLinkRoot = part.Root;

/**
 * "Waiting for you to open the link…", announced once (a status), beside a
 * spinner that says nothing itself: the sentence is what a screen reader needs.
 */
export function WaitingStatus() {
  const { useElement, useLocalization } = useLinkKit();
  const { t } = useLocalization();
  return (
    <p {...useElement('emailLinkStatus')} role="status">
      <span {...useElement('spinner')} aria-hidden="true" />
      {t('emailLink.waiting.status')}
    </p>
  );
}

/**
 * "Resend link", after the same 30 s countdown as a code's resend. `onResend`
 * clears what the step says about the last link before the new one goes.
 */
export function ResendLink({ wait, onResend, box }: { wait: LinkWait; onResend(): void; box?: 'signInResendBox' }) {
  const { ResendCode, useLocalization } = useLinkKit();
  const { t } = useLocalization();
  return (
    <ResendCode
      send={async () => {
        onResend();
        wait.resend();
      }}
      sentAt={wait.sentAt}
      onSent={() => undefined}
      text={{
        action: t('emailLink.waiting.resend'),
        wait: (seconds) => t('emailLink.waiting.resendIn', { seconds }),
        sent: t('emailLink.waiting.resent'),
      }}
      box={box}
    />
  );
}

/** Smaller print under a step's main text. */
export function Note({ children }: { children: ReactNode }) {
  return <p {...useLinkKit().useElement('emailLinkNote')}>{children}</p>;
}

/**
 * Where the emailed link leads: with path routing, the component's own
 * `verify` route (`/sign-in/verify`); otherwise the page that asked for it,
 * which any component recognises by the link's `latch_link` parameter. The
 * page's query (a `redirect_url`) travels along, so the verify page leaves
 * for the same place. Absolute: the API may live on another origin.
 */
export function verifyPageUrl({ linkParam }: PartKit, routing: Routing | undefined, path: string | undefined): string {
  const here = new URL(window.location.href);
  here.hash = '';
  here.searchParams.delete(linkParam);
  if (routing === 'path' && path) here.pathname = `${path.replace(/\/+$/, '')}/verify`;
  return here.href;
}
