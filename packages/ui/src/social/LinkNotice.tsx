import type { EnvironmentJSON } from '@latch/protocol';
import type { SignIn } from '@latch/react';
import type { PartKit } from '../components/kit';
import { SocialPart, useSocialKit } from './strings';

export interface LinkNoticeProps {
  kit: PartKit;
  /** The attempt, with the provider account to link. */
  signIn: SignIn;
  environment: EnvironmentJSON;
}

/**
 * On a sign-in's first factor when a provider's email matched this account:
 * why the password (or code) is asked for. The provider account is linked
 * once the account proves itself, never on the provider's word alone.
 */
export default function LinkNotice({ kit, ...props }: LinkNoticeProps) {
  return (
    <SocialPart kit={kit}>
      <Notice {...props} />
    </SocialPart>
  );
}

function Notice({ signIn, environment }: Omit<LinkNoticeProps, 'kit'>) {
  const { Alert, useLocalization } = useSocialKit();
  const { t } = useLocalization();
  const link = signIn.externalAccountToLink;
  if (!link) return null;
  const provider = environment.oauthProviders?.find((p) => p.id === link.provider)?.name ?? link.provider;
  return (
    <Alert variant="info">
      {t('social.transfer.verifyText', { emailAddress: link.emailAddress ?? signIn.identifier ?? '', provider })}
    </Alert>
  );
}
