import { useState } from 'react';
import type { EmailAddress } from '@latch/react';
import type { ProfileKit } from '../UserProfile/profileKit';
import { EmailLinkRoot, ResendLink, verifyPageUrl, WaitingStatus } from './EmailLinkRoot';
import { useLinkWait } from './useLinkWait';
import { VerifyLink } from './VerifyLink';

/**
 * <UserProfile/>'s parts for email links, loaded on demand: verifying an
 * added address by link (the panel waits, and closes by itself once the link
 * is opened, in any browser), and the page the link opens. What they use of
 * the package comes in the profile's kit (see UserProfile/profileKit.ts).
 */

export interface ProfileLinkPanelProps {
  kit: ProfileKit;
  email: EmailAddress;
  onVerified(): void;
  onCancel(): void;
  /** The instance offers a code too: switch to it (a code is sent first). */
  onUseCode?(): void;
}

export function ProfileLinkPanel(props: ProfileLinkPanelProps) {
  return (
    <EmailLinkRoot kit={props.kit}>
      <Waiting {...props} />
    </EmailLinkRoot>
  );
}

function Waiting({ kit, email, onVerified, onCancel, onUseCode }: ProfileLinkPanelProps) {
  const { ActionButton, Alert, Panel, PanelActions, SecondaryButton } = kit;
  const { t, errorMessage } = kit.useLocalization();
  const [expired, setExpired] = useState(false);
  const other = kit.useAsyncAction();
  const emailAddress = email.emailAddress;

  const wait = useLinkWait(
    () => {
      const linkFlow = email.createEmailLinkFlow();
      // The profile's own page: it recognises the link by its parameter, whatever its routing.
      return { ...linkFlow, start: (resume) => linkFlow.startEmailLinkFlow({ redirectUrl: verifyPageUrl(kit, undefined, undefined), resume }) };
    },
    (result) => (result.isVerified ? onVerified() : setExpired(true)),
  );

  const switchToCode = onUseCode
    ? () =>
        other.run(async () => {
          wait.cancel();
          await email.prepareVerification();
          onUseCode();
        })
    : null;
  const failure = expired ? t('emailLink.waiting.expired') : (other.error ?? wait.error) ? errorMessage(other.error ?? wait.error) : null;

  return (
    <Panel
      title={t('userProfile.emailAddresses.verifyTitle', { emailAddress })}
      text={t('emailLink.waiting.profileText', { emailAddress })}
      onCancel={onCancel}
    >
      {failure ? <Alert>{failure}</Alert> : <WaitingStatus />}
      <ResendLink
        wait={wait}
        onResend={() => {
          setExpired(false);
          other.reset();
        }}
      />
      <PanelActions>
        {switchToCode && (
          <ActionButton loading={other.loading} onClick={() => void switchToCode()}>
            {t('emailLink.waiting.useCode')}
          </ActionButton>
        )}
        <SecondaryButton onClick={onCancel}>{t('cancel')}</SecondaryButton>
      </PanelActions>
    </Panel>
  );
}

/**
 * The page the link opens, when it is the profile's: verifying an address
 * works in any browser, signed in or not (only the inbox's owner has the link).
 */
export function ProfileLinkVerify({ kit, token, applicationName }: { kit: ProfileKit; token: string; applicationName: string | undefined }) {
  const { dropEmailLinkToken } = kit;
  const client = kit.useLatch();
  return (
    <VerifyLink
      kit={kit}
      token={token}
      applicationName={applicationName}
      onSession={async (sessionId) => {
        await client.setActive({ session: sessionId });
        dropEmailLinkToken();
      }}
      next={{ label: 'emailLink.failed.back', go: dropEmailLinkToken }}
    />
  );
}
