import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Card, Header, IdentityPreview, Main, SecondaryButton, useLocalization } from '../../foundation';
import { partKit } from '../kit';
import { shownIdentifier, useSignInFlow } from './context';
import { offersFirstFactor } from './steps';

/** Why a first factor is asked for after a provider matched this account: only then is its chunk loaded. */
const LinkNotice = /* @__PURE__ */ lazy(() => import('../../social/LinkNotice'));

export interface StepCardProps {
  title: string;
  subtitle?: string;
  /** The heading takes focus again when this changes (a new mode within the step). */
  focusKey?: unknown;
  /** Shows who is signing in, with "Edit" back to the start. */
  identityPreview?: boolean;
  /** A failure that belongs to no field; announced. */
  alert?: string | null;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame every step shares: card, focusable heading, identity preview, alert, body, footer. */
export function StepCard({ title, subtitle, focusKey, identityPreview, alert, children, footer }: StepCardProps) {
  const flow = useSignInFlow();
  const applicationName = flow.environment.applicationName;
  return (
    <Card applicationName={applicationName}>
      <Header title={title} subtitle={subtitle} focusKey={focusKey} autoFocus={flow.focusHeading} applicationName={applicationName} />
      <Main>
        {identityPreview && <IdentityPreview identifier={shownIdentifier(flow)} onEdit={() => flow.go('start')} />}
        {identityPreview && flow.signIn.externalAccountToLink && (
          <Suspense>
            <LinkNotice kit={partKit} signIn={flow.signIn} environment={flow.environment} />
          </Suspense>
        )}
        {alert && <Alert>{alert}</Alert>}
        {children}
      </Main>
      {footer}
    </Card>
  );
}

/** The account a password step is for, hidden: password managers file the password under it. */
export function AccountUsername() {
  const flow = useSignInFlow();
  return <input type="text" name="username" autoComplete="username" value={shownIdentifier(flow)} readOnly hidden />;
}

/**
 * "Email me a link", among a step's other methods when the attempt offers
 * one: the link step (loaded on demand) sends it as it shows.
 */
export function EmailLinkButton({ disabled }: { disabled: boolean }) {
  const flow = useSignInFlow();
  const { t } = useLocalization();
  if (!offersFirstFactor(flow.signIn, 'email_link')) return null;
  return (
    <SecondaryButton element="alternativeMethodsButton" disabled={disabled} onClick={() => flow.showStrategy('email_link')}>
      {t('signIn.useEmailLink')}
    </SecondaryButton>
  );
}
