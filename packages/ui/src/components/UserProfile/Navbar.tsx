import type { MouseEvent } from 'react';
import { useElement, useLocalization, type Routing } from '../../foundation';

export type ProfilePage = 'account' | 'security';

const pages: ProfilePage[] = ['account', 'security'];

export interface NavbarProps {
  page: ProfilePage;
  routing?: Routing;
  path?: string;
  onNavigate(page: ProfilePage): void;
}

/**
 * The page switcher: a `<nav>` whose current entry carries aria-current. With
 * URL routing each entry is a real link (open in a new tab, copy the address);
 * with virtual routing there is no address to give, so they are buttons.
 */
export function Navbar({ page, routing = 'virtual', path, onNavigate }: NavbarProps) {
  const { t } = useLocalization();
  const nav = useElement('profileNavbar');
  return (
    <nav {...nav} aria-label={t('userProfile.navbar.label')}>
      {pages.map((entry) => (
        <NavbarEntry
          key={entry}
          label={t(`userProfile.navbar.${entry}`)}
          current={entry === page}
          href={routing === 'virtual' ? undefined : hrefFor(routing, path, entry)}
          onSelect={() => onNavigate(entry)}
        />
      ))}
    </nav>
  );
}

function NavbarEntry({ label, current, href, onSelect }: { label: string; current: boolean; href?: string; onSelect(): void }) {
  const styling = useElement('profileNavbarButton', { active: current });
  const ariaCurrent = current ? 'page' : undefined;
  if (href === undefined) {
    return (
      <button {...styling} type="button" aria-current={ariaCurrent} onClick={onSelect}>
        {label}
      </button>
    );
  }
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks (new tab, new window) keep the browser's behaviour.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onSelect();
  };
  return (
    <a {...styling} href={href} aria-current={ariaCurrent} onClick={follow}>
      {label}
    </a>
  );
}

/** The address useFlowRouter gives the page: `${path}` and `${path}/security`, or `#/security`. */
function hrefFor(routing: Exclude<Routing, 'virtual'>, path: string | undefined, page: ProfilePage): string {
  const step = page === 'account' ? '' : page;
  if (routing === 'hash') return `#/${step}`;
  const base = `/${(path ?? '').replace(/^\/+|\/+$/g, '')}`.replace(/\/$/, '');
  return step ? `${base}/${step}` : base || '/';
}
