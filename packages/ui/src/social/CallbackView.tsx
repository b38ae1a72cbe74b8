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
  /** Starts the same provider again; absent when this tab does not know which (the page was opened elsewhere). */
  onRetry?: () => void;
  onBack(): void;
  backLabel: string;
}

/** Why the redirect flow did not finish (localized by its code), with the ways on. */
export function CallbackFailure({ error, retrying, onRetry, onBack, backLabel }: CallbackFailureProps) {
  const { Alert, PrimaryButton, SecondaryButton, useLocalization } = useSocialKit();
  const { t, errorMessage } = useLocalization();
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
