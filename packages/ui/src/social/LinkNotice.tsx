import type { PartKit } from '../components/kit';
import { SocialPart, useSocialKit } from './strings';

export interface LinkNoticeProps {
  kit: PartKit;
  /** The account's address the provider matched. */
  emailAddress: string;
  /** The provider's name. */
  provider: string;
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

function Notice(params: Omit<LinkNoticeProps, 'kit'>) {
  const { Alert, useLocalization } = useSocialKit();
  const { t } = useLocalization();
  return <Alert variant="info">{t('social.transfer.verifyText', { ...params })}</Alert>;
}
