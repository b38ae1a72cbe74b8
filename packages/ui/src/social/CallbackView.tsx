import { useSocialKit } from './strings';

/** While the provider's answer is checked: a spinner, announced, where the form would be. */
export function CallbackProgress() {
  const { Spinner, useElement } = useSocialKit();
  return (
    <div {...useElement('ssoCallbackBox')} role="status">
      <Spinner />
    </div>
  );
}

export interface CallbackFailureProps {
  error: unknown;
  retrying: boolean;
  /** Sends the provider's answer again: "Try again" when the provider could not be reached. */
  onResend(): void;
  /** Starts the same provider again; absent when this tab does not know which (the page was opened elsewhere). */
  onRestart?: () => void;
  onBack(): void;
  backLabel: string;
}

/**
 * Why the redirect flow did not finish (localized by its code), with the ways
 * on. "Try again" sends the same answer again when the provider was
 * unreachable (its code may still be good), and otherwise starts over at the
 * provider: a refused, used or expired answer never works twice.
 */
export function CallbackFailure({ error, retrying, onResend, onRestart, onBack, backLabel }: CallbackFailureProps) {
  const { Alert, PrimaryButton, SecondaryButton, isLatchAPIError, useLocalization } = useSocialKit();
  const { t, errorMessage } = useLocalization();
  const unreachable = isLatchAPIError(error) && error.code === 'oauth_provider_unavailable';
  const onRetry = unreachable ? onResend : onRestart;
  return (
    <>
      <Alert>{errorMessage(error)}</Alert>
      {onRetry && (
        <PrimaryButton type="button" loading={retrying} onClick={onRetry}>
          {t('social.callback.retry')}
        </PrimaryButton>
      )}
      <SecondaryButton disabled={retrying} onClick={onBack}>
        {backLabel}
      </SecondaryButton>
    </>
  );
}
