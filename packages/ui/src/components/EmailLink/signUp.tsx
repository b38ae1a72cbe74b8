import { useState } from 'react';
import type { Routing } from '../../foundation';
import type { SignUpKit } from '../SignUp/kit';
import { EmailLinkRoot, ResendLink, verifyPageUrl, WaitingStatus } from './EmailLinkRoot';
import { useLinkWait } from './useLinkWait';
import { VerifyLink } from './VerifyLink';

/**
 * <SignUp/>'s parts for email links, loaded on demand: the "check your email"
 * step that verifies the new address by link, and the page the link opens.
 */

export interface SignUpLinkStepProps {
  kit: SignUpKit;
  applicationName: string | undefined;
  routing: Routing | undefined;
  path: string | undefined;
  afterSignUpUrl: string | undefined;
  /** Back to the form, to change the address. */
  onEdit(): void;
  /** The instance offers a code too: switch to it (a code is sent first). */
  onUseCode?(): void;
}

export function SignUpLinkStep(props: SignUpLinkStepProps) {
  return (
    <EmailLinkRoot kit={props.kit}>
      <Waiting {...props} />
    </EmailLinkRoot>
  );
}

function Waiting({ kit, applicationName, routing, path, afterSignUpUrl, onEdit, onUseCode }: SignUpLinkStepProps) {
  const { Alert, Card, Header, IdentityPreview, LinkButton, Main, useAsyncAction, useFinishSignUp, useLocalization, useSignUp } = kit;
  const { t, errorMessage } = useLocalization();
  const { signUp } = useSignUp();
  const finish = useFinishSignUp(afterSignUpUrl);
  const [emailAddress] = useState(signUp.emailAddress ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const other = useAsyncAction();

  const wait = useLinkWait(
    () => {
      const linkFlow = signUp.createEmailLinkFlow();
      return { ...linkFlow, start: (resume) => linkFlow.startEmailLinkFlow({ redirectUrl: verifyPageUrl(kit, routing, path), resume }) };
    },
    (result) => {
      if (result.status === 'complete') return void other.run(() => finish(result));
      const opened = result.verifications.emailAddress?.status === 'verified';
      setNotice(t(opened ? 'errors.email_link_client_mismatch' : 'emailLink.waiting.expired'));
    },
  );

  const switchToCode = onUseCode
    ? () =>
        other.run(async () => {
          wait.cancel();
          await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
          onUseCode();
        })
    : null;
  const failure = notice ?? (other.error ? errorMessage(other.error) : wait.error ? errorMessage(wait.error) : null);

  return (
    <Card applicationName={applicationName}>
      <Header
        title={t('emailLink.waiting.title')}
        subtitle={t('emailLink.waiting.signUpText', { emailAddress })}
        autoFocus
        applicationName={applicationName}
      />
      <Main>
        <IdentityPreview identifier={emailAddress} onEdit={onEdit} editLabel={t('signUp.verify.editEmail')} />
        {failure ? <Alert>{failure}</Alert> : <WaitingStatus />}
        <ResendLink
          wait={wait}
          onResend={() => {
            setNotice(null);
            other.reset();
          }}
        />
        {switchToCode && (
          <LinkButton loading={other.loading} onClick={() => void switchToCode()}>
            {t('emailLink.waiting.useCode')}
          </LinkButton>
        )}
      </Main>
    </Card>
  );
}

/** The page the link opens, inside <SignUp/>: signed up and signed in here, or "return to your original tab". */
export function SignUpLinkVerify({ kit, token, applicationName, afterSignUpUrl, onRestart }: {
  kit: SignUpKit;
  token: string;
  applicationName: string | undefined;
  afterSignUpUrl: string | undefined;
  onRestart(): void;
}) {
  const { dropEmailLinkToken } = kit;
  const finish = kit.useFinishSignUp(afterSignUpUrl);
  return (
    <VerifyLink
      kit={kit}
      token={token}
      applicationName={applicationName}
      onSession={async (sessionId) => {
        await finish({ createdSessionId: sessionId });
        dropEmailLinkToken();
      }}
      next={{
        label: 'emailLink.failed.signUpAgain',
        go() {
          dropEmailLinkToken();
          onRestart();
        },
      }}
    />
  );
}
