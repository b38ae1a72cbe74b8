import { useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { RootElement } from '../appearance/ComponentRoot';

const subscribe = () => () => {};

/**
 * Renders `children` at the end of <body>, out of any clipping or stacking
 * context of the page, inside a `.latch-root` of the surrounding component so
 * its theme and direction still apply. Nothing on the server and while
 * hydrating (the server snapshot): there is no <body> to portal into yet, and
 * the first client render must match the server's HTML.
 */
export function Portal({ children }: { children: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? createPortal(<RootElement>{children}</RootElement>, document.body) : null;
}
