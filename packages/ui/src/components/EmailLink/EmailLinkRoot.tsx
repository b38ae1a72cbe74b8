import { useMemo, type ReactNode } from 'react';
import { EMAIL_LINK_PARAM } from '@latch/protocol';
import { mergeLocalization, Sheet, useElement, useLocalization, type LocalizationResource, type Routing } from '../../foundation';
import { ComponentContext, useComponentContext } from '../../foundation/context';
import { emailLink, emailLinkErrors } from '../../localization/en-US/emailLink';
import css from '../../styles/emailLink.css?raw';

const english = { emailLink, errors: emailLinkErrors } as unknown as LocalizationResource;

/**
 * What every email-link part renders inside. They load on demand, and bring
 * their English strings (their error messages included) and their stylesheet with them: the strings go under
 * the component's resource, so a shipped translation or the app's own
 * overrides still win, key by key.
 */
export function EmailLinkRoot({ children }: { children: ReactNode }) {
  const parent = useComponentContext();
  const value = useMemo(() => ({ ...parent, resource: mergeLocalization(english, parent.resource) }), [parent]);
  return (
    <ComponentContext.Provider value={value}>
      <Sheet id="latch-emailLink" css={css} />
      {children}
    </ComponentContext.Provider>
  );
}

/**
 * "Waiting for you to open the link…", announced once (a status), beside a
 * spinner that says nothing itself: the sentence is what a screen reader needs.
 */
export function WaitingStatus() {
  const { t } = useLocalization();
  return (
    <p {...useElement('emailLinkStatus')} role="status">
      <span {...useElement('spinner')} aria-hidden="true" />
      {t('emailLink.waiting.status')}
    </p>
  );
}

/** Smaller print under a step's main text. */
export function Note({ children }: { children: ReactNode }) {
  return <p {...useElement('emailLinkNote')}>{children}</p>;
}

/**
 * Where the emailed link leads: with path routing, the component's own
 * `verify` route (`/sign-in/verify`); otherwise the page that asked for it,
 * which any component recognises by the link's `latch_link` parameter. The
 * page's query (a `redirect_url`) travels along, so the verify page leaves
 * for the same place. Absolute: the API may live on another origin.
 */
export function verifyPageUrl(routing: Routing | undefined, path: string | undefined): string {
  const here = new URL(window.location.href);
  here.hash = '';
  here.searchParams.delete(EMAIL_LINK_PARAM);
  if (routing === 'path' && path) here.pathname = `${path.replace(/\/+$/, '')}/verify`;
  return here.href;
}
