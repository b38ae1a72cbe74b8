import { useLatch, useSignIn } from '@latch/react';
import { Alert, Sheet, useLocalization } from '../foundation';
import css from '../styles/social.css?raw';
import { WithSocialStrings } from './strings';

/**
 * On a sign-in's first factor when a provider's email matched this account:
 * why the password (or code) is asked for. The provider account is linked
 * once the account proves itself, never on the provider's word alone.
 */
export default function LinkNotice() {
  return (
    <WithSocialStrings>
      <Sheet id="latch-social" css={css} />
      <Notice />
    </WithSocialStrings>
  );
}

function Notice() {
  const { t } = useLocalization();
  const { signIn } = useSignIn();
  const providers = useLatch().environment?.oauthProviders ?? [];
  const link = signIn?.externalAccountToLink;
  if (!link) return null;
  const provider = providers.find((p) => p.id === link.provider)?.name ?? link.provider;
  return (
    <Alert variant="info">
      {t('social.transfer.verifyText', { emailAddress: link.emailAddress ?? signIn.identifier ?? '', provider })}
    </Alert>
  );
}
