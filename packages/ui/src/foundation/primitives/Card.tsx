import { useRef, type ReactNode } from 'react';
import { useElement, useLayout } from '../appearance/useElement';
import { useFocusOnChange } from '../focus';
import { useLocalization } from '../localization/useLocalization';

/** The component's box. With `layout.logoPlacement: 'outside'` the logo sits above it. */
export function Card({ children, applicationName }: { children: ReactNode; applicationName?: string }) {
  const layout = useLayout();
  const card = useElement('card');
  return (
    <>
      {layout.logoPlacement === 'outside' && <Logo applicationName={applicationName} />}
      <div {...card}>{children}</div>
    </>
  );
}

/** The logo from `layout.logoImageUrl`, if any. Named after the application, or decorative without one. */
export function Logo({ applicationName }: { applicationName?: string | undefined }) {
  const { t } = useLocalization();
  const { logoImageUrl } = useLayout();
  const box = useElement('logoBox');
  const image = useElement('logoImage');
  if (!logoImageUrl) return null;
  return (
    <div {...box}>
      <img {...image} src={logoImageUrl} alt={applicationName ? t('logoAlt', { applicationName }) : ''} />
    </div>
  );
}

export interface HeaderProps {
  title: string;
  subtitle?: ReactNode;
  /** The title takes focus whenever this changes (a new step in the same Header). */
  focusKey?: unknown;
  /** Focus the title on mount too: set it on every step but the first, so moving on announces the new step. */
  autoFocus?: boolean;
  applicationName?: string;
}

/** The step's heading: an `<h1 tabIndex={-1}>` that receives focus on step change. */
export function Header({ title, subtitle, focusKey, autoFocus = false, applicationName }: HeaderProps) {
  const layout = useLayout();
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(ref, focusKey, autoFocus);
  const header = useElement('header');
  const heading = useElement('headerTitle');
  const sub = useElement('headerSubtitle');
  return (
    <div {...header}>
      {(layout.logoPlacement ?? 'inside') === 'inside' && <Logo applicationName={applicationName} />}
      <h1 {...heading} ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {subtitle && <p {...sub}>{subtitle}</p>}
    </div>
  );
}

/** The card's body ('main'). */
export function Main({ children }: { children: ReactNode }) {
  return <div {...useElement('main')}>{children}</div>;
}

export type FooterActionProps = { text?: string; actionText: string } & (
  | { href: string; onClick?: never }
  | { onClick(): void; href?: never }
);

/** "Don't have an account? Sign up": a link when it leaves the component, a button when it changes step. */
export function FooterAction(props: FooterActionProps) {
  const footer = useElement('footer');
  const text = useElement('footerActionText');
  const link = useElement('footerActionLink');
  return (
    <div {...footer}>
      <p {...text}>
        {props.text && <>{props.text} </>}
        {props.href !== undefined ? (
          <a {...link} href={props.href}>
            {props.actionText}
          </a>
        ) : (
          <button {...link} type="button" onClick={props.onClick}>
            {props.actionText}
          </button>
        )}
      </p>
    </div>
  );
}
