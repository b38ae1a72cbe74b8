import { useEffect, useState } from 'react';
import type { DeviceJSON, EmailLinkJSON, EmailLinkPurpose } from '@latch/protocol';
import type { LocalizationKey } from '../../foundation';
import { EmailLinkRoot, Note, useLinkKit } from './EmailLinkRoot';
import type { PartKit } from '../kit';

export interface VerifyLinkProps {
  kit: PartKit;
  token: string;
  applicationName: string | undefined;
  /** The link finished the flow here with a session: make it active and leave. */
  onSession(sessionId: string): Promise<unknown>;
  /** A sign-in finished its first factor here and now needs the second (SignIn only). */
  onSecondFactor?(): void;
  /** Where a link that cannot be used leads ("Sign in again"), and the way out once it is done. */
  next: { label: LocalizationKey; go(): void };
}

type View =
  | { kind: 'checking' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; link: EmailLinkJSON }
  | { kind: 'elsewhere'; purpose: EmailLinkPurpose }
  | { kind: 'verified'; emailAddress: string };

const titles: Record<EmailLinkPurpose, LocalizationKey> = {
  sign_in: 'emailLink.verify.signInTitle',
  sign_up: 'emailLink.verify.signUpTitle',
  verify_email: 'emailLink.verify.emailTitle',
};
const texts: Record<EmailLinkPurpose, LocalizationKey> = {
  sign_in: 'emailLink.verify.signInText',
  sign_up: 'emailLink.verify.signUpText',
  verify_email: 'emailLink.verify.emailText',
};
const elsewhereTexts: Record<EmailLinkPurpose, LocalizationKey> = {
  sign_in: 'emailLink.elsewhere.signInText',
  sign_up: 'emailLink.elsewhere.signUpText',
  verify_email: 'emailLink.elsewhere.emailText',
};

/**
 * The page an emailed link opens (SignIn's and SignUp's `verify` route, or any
 * page of a component that finds `latch_link` in its URL). Loading it only
 * reads what the link is for; the link is used when the person presses the
 * button, so a mail scanner that fetches the page, or even runs it, burns
 * nothing. Then it either finishes here (`onSession`, `onSecondFactor`) or
 * says the flow finished in the browser that asked for the link, and why.
 */
export function VerifyLink(props: VerifyLinkProps) {
  return (
    <EmailLinkRoot kit={props.kit}>
      <VerifyLinkCard {...props} />
    </EmailLinkRoot>
  );
}

function VerifyLinkCard({ token, applicationName, onSession, onSecondFactor, next }: Omit<VerifyLinkProps, 'kit'>) {
  const { Alert, Card, Header, Main, PrimaryButton, SecondaryButton, Spinner, breakableEmails, useAsyncAction, useLatch, useLocalization } = useLinkKit();
  const client = useLatch();
  const { t, errorMessage } = useLocalization();
  const [view, setView] = useState<View>({ kind: 'checking' });
  const consume = useAsyncAction();

  useEffect(() => {
    let live = true;
    client.inspectEmailLink({ token }).then(
      (link) => live && setView({ kind: 'ready', link }),
      (error: unknown) => live && setView({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [client, token]);

  const proceed = (link: EmailLinkJSON) =>
    consume.run(async () => {
      const used = await client.verifyEmailLink({ token });
      if (used.completesIn === 'original') return setView({ kind: 'elsewhere', purpose: used.purpose });
      if (used.createdSessionId) return onSession(used.createdSessionId);
      if (used.signIn?.status === 'needs_second_factor' && onSecondFactor) return onSecondFactor();
      setView({ kind: 'verified', emailAddress: link.emailAddress });
    });

  let title: string;
  let body;
  if (view.kind === 'checking') {
    title = t('emailLink.verify.checking');
    body = (
      <div role="status">
        <Spinner />
      </div>
    );
  } else if (view.kind === 'failed') {
    title = t('emailLink.failed.title');
    body = (
      <>
        <Alert>{errorMessage(view.error)}</Alert>
        <PrimaryButton type="button" onClick={next.go}>
          {t(next.label)}
        </PrimaryButton>
      </>
    );
  } else if (view.kind === 'ready') {
    const { link } = view;
    const emailAddress = link.emailAddress;
    title = t(titles[link.purpose], { applicationName: applicationName ?? '' });
    const device = deviceText(link.requestedFrom);
    const action = t(link.purpose === 'verify_email' ? 'emailLink.verify.verifyAction' : 'emailLink.verify.continueAs', { emailAddress });
    body = (
      <>
        <p>{breakableEmails(t(texts[link.purpose], { emailAddress }))}</p>
        {device && <Note>{t('emailLink.verify.requestedFrom', { device })}</Note>}
        {consume.error ? <Alert>{errorMessage(consume.error)}</Alert> : null}
        {/* The name spelled out: the address's break opportunities (<wbr>) would split it for a browser's accessibility tree. */}
        <PrimaryButton type="button" loading={consume.loading} onClick={() => void proceed(link)} aria-label={action}>
          {breakableEmails(action)}
        </PrimaryButton>
        {consume.error ? (
          <SecondaryButton onClick={next.go} disabled={consume.loading}>
            {t(next.label)}
          </SecondaryButton>
        ) : null}
      </>
    );
  } else if (view.kind === 'elsewhere') {
    title = t('emailLink.elsewhere.title');
    body = (
      <>
        <p>{t(elsewhereTexts[view.purpose])}</p>
        {view.purpose !== 'verify_email' && <Note>{t('emailLink.elsewhere.why')}</Note>}
      </>
    );
  } else {
    title = t('emailLink.verified.title');
    body = (
      <>
        <p>{breakableEmails(t('emailLink.verified.text', { emailAddress: view.emailAddress }))}</p>
        <PrimaryButton type="button" onClick={next.go}>
          {t(next.label)}
        </PrimaryButton>
      </>
    );
  }

  return (
    <Card applicationName={applicationName}>
      {/* Each outcome takes focus, so it is announced; the page's first view keeps the browser's. */}
      <Header title={title} focusKey={view.kind === 'ready' ? 'checking' : view.kind} applicationName={applicationName} />
      <Main>{body}</Main>
    </Card>
  );
}

/** "Firefox, Linux": which browser asked for the link, so the person can tell whether it was them. */
function deviceText(device: DeviceJSON): string {
  return [device.browserName, device.osName].filter(Boolean).join(', ');
}
