import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// The playground's whole router: the pathname as external state, changed by
// links, by the components (through LatchProvider's `navigate`) and by the
// browser's back and forward buttons. A real app would use its own router.
const changeEvent = 'playground:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
}

export function navigate(to: string) {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changeEvent));
}

/** `/sign-in` matches `/sign-in` and everything below it. */
export function matches(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
