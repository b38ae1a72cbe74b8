import { lazy, Suspense } from 'react';
import type { OAuthStrategy } from '@latch/protocol';
import { Divider, useLayout, useLocalization } from '../foundation';
import { partKit } from '../components/kit';
import { buttonVariant, type SocialProvider } from './providers';

/** The buttons, their sheet and their English: a chunk of their own, fetched only when the instance has providers. */
const SocialButtons = /* @__PURE__ */ lazy(() => import('./SocialButtons'));

export interface SocialButtonsSlotProps {
  providers: SocialProvider[];
  /** Where this slot sits relative to the form; it renders only when that is `appearance.layout.socialButtonsPlacement` (default 'top'). */
  placement: 'top' | 'bottom';
  /** Starts the provider's redirect; `navigate` is how to leave for the provider's page. */
  start(strategy: OAuthStrategy, navigate: (url: string) => void): Promise<unknown>;
}

/**
 * What SignIn and SignUp carry in their first load for social sign-in: this
 * slot. While the buttons' chunk loads it holds their exact height (buttons
 * have a fixed height in social.css), so the form does not jump.
 */
export function SocialButtonsSlot(props: SocialButtonsSlotProps) {
  const layout = useLayout();
  const { t } = useLocalization();
  const count = props.providers.length;
  if (count === 0 || (layout.socialButtonsPlacement ?? 'top') !== props.placement) return null;
  const variant = buttonVariant(layout, count);
  const rows = variant === 'blockButton' ? count : 1;
  const height = `calc(${rows} * 2.75 * var(--_rem) + ${rows - 1} * 0.5 * var(--_space))`;
  const held = <div style={{ minHeight: height }} />;
  return (
    <Suspense
      fallback={
        props.placement === 'top' ? (
          <>
            {held}
            <Divider text={t('or')} />
          </>
        ) : (
          <>
            <Divider text={t('or')} />
            {held}
          </>
        )
      }
    >
      <SocialButtons {...props} kit={partKit} variant={variant} />
    </Suspense>
  );
}
