import { useId, useState } from 'react';
import type { OAuthStrategy } from '@latch/protocol';
import type { PartKit } from '../components/kit';
import { lastUsedStrategy } from './lastUsed';
import { setPendingStrategy } from './pendingStrategy';
import { useLeaveFor } from './useLeaveFor';
import { ProviderIcon } from './ProviderIcon';
import type { SocialProvider } from './providers';
import { SocialPart, useSocialKit } from './strings';

export interface SocialButtonsProps {
  kit: PartKit;
  providers: SocialProvider[];
  /** Blocks or icons, as the slot measured its place for them. */
  variant: 'blockButton' | 'iconButton';
  /** Where the form is: the "or" divider goes between. */
  placement: 'top' | 'bottom';
  /** Starts the provider's redirect; `navigate` is how to leave for the provider's page. */
  start(strategy: OAuthStrategy, navigate: (url: string) => void): Promise<unknown>;
}

/**
 * The provider buttons of SignIn and SignUp, loaded on demand (with this
 * chunk's stylesheet and English) when the instance has providers. A click
 * asks the frontend API for the provider's authorization URL and leaves for
 * it; the button stays busy until the page goes. A failure (the provider
 * down, the attempt refused) shows above the buttons, announced.
 */
export default function SocialButtons(props: SocialButtonsProps) {
  return (
    <SocialPart kit={props.kit}>
      <ButtonRow {...props} />
    </SocialPart>
  );
}

function ButtonRow({ providers, variant, placement, start }: SocialButtonsProps) {
  const { Alert, Divider, useAsyncAction, useElement, useLocalization } = useSocialKit();
  const { t, errorMessage } = useLocalization();
  const action = useAsyncAction();
  const leaveFor = useLeaveFor();
  const [pending, setPending] = useState<string | null>(null);
  // Read once: the badge must not jump while the page is up.
  const [lastUsed] = useState(lastUsedStrategy);
  const labelId = useId();
  const group = useElement('socialButtons');

  const click = (strategy: OAuthStrategy) => {
    setPending(strategy);
    setPendingStrategy(strategy);
    void action.run(() => start(strategy, leaveFor));
  };
  // Leaving can take a moment; the clicked button shows it, the others wait.
  const busy = pending !== null && (action.loading || !action.error);

  const buttons = (
    <div {...group} role="group" aria-labelledby={labelId} data-variant={variant}>
      <span id={labelId} className="latch-visually-hidden">
        {t('social.providersLabel')}
      </span>
      {providers.map((provider) => (
        <ProviderButton
          key={provider.strategy}
          provider={provider}
          variant={variant}
          lastUsed={provider.strategy === lastUsed}
          loading={busy && pending === provider.strategy}
          disabled={busy}
          onClick={() => click(provider.strategy)}
        />
      ))}
    </div>
  );
  const alert = action.error ? <Alert>{errorMessage(action.error)}</Alert> : null;
  return placement === 'top' ? (
    <>
      {alert}
      {buttons}
      <Divider text={t('or')} />
    </>
  ) : (
    <>
      <Divider text={t('or')} />
      {alert}
      {buttons}
    </>
  );
}

interface ProviderButtonProps {
  provider: SocialProvider;
  variant: 'blockButton' | 'iconButton';
  lastUsed: boolean;
  loading: boolean;
  disabled: boolean;
  onClick(): void;
}

/**
 * "Continue with Google": the name is the button's text in both variants;
 * the icon-only one keeps it visually hidden (and as a tooltip). "Last used"
 * is a badge on a block button; an icon button has no room for its text in
 * every language, so it is outlined in the primary colour instead, and says
 * "(Last used)" in its name and tooltip.
 */
function ProviderButton({ provider, variant, lastUsed, loading, disabled, onClick }: ProviderButtonProps) {
  const { Badge, Spinner, useElement, useLocalization } = useSocialKit();
  const { t } = useLocalization();
  const label = t('social.continueWith', { provider: provider.name });
  const block = variant === 'blockButton';
  const button = useElement(block ? 'socialButtonsBlockButton' : 'socialButtonsIconButton', { loading, active: lastUsed });
  const text = useElement('socialButtonsBlockButtonText');
  const badge = useElement('socialButtonsLastUsedBadge');
  const badgeText = t('social.lastUsed');
  const named = lastUsed ? `${label} (${badgeText})` : label;
  return (
    <button
      {...button}
      type="button"
      data-provider={provider.id}
      disabled={disabled}
      aria-busy={loading || undefined}
      title={block ? undefined : named}
      onClick={onClick}
    >
      {loading ? <Spinner /> : <ProviderIcon provider={provider} />}
      {block ? <span {...text}>{label}</span> : <span className="latch-visually-hidden">{named}</span>}
      {block && lastUsed && (
        <span {...badge}>
          {' '}
          <Badge>{badgeText}</Badge>
        </span>
      )}
    </button>
  );
}
