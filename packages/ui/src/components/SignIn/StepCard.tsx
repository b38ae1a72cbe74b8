import type { ReactNode } from 'react';
import { Alert, Card, Header, IdentityPreview, Main } from '../../foundation';
import { shownIdentifier, useSignInFlow } from './context';
import { ExtraStep } from './Extra';

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
        {/* Why a first factor is asked for after a provider's email matched this account. */}
        {identityPreview && flow.signIn.externalAccountToLink && <ExtraStep at="notice" />}
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
