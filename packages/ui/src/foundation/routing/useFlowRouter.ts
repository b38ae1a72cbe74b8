import { useCallback, useState, useSyncExternalStore } from 'react';
import { EMAIL_LINK_PARAM } from '@latch/protocol';
import { noSubscription } from '../renderingHtml';

export type Routing = 'virtual' | 'hash' | 'path';

export interface FlowRouterOptions {
  /** 'virtual' (default) keeps the step in memory; 'hash' uses `#/<step>`; 'path' uses `${path}/<step>`. */
  routing?: Routing;
  /** The component's base path, for 'path' routing (e.g. '/sign-in'). */
  path?: string;
  /** The first step; '' and this both mean "the start". */
  initial: string;
}

export interface FlowRouter {
  step: string;
  navigate(step: string, opts?: { replace?: boolean }): void;
}

/** The props every routed component takes. */
export interface RoutingProps {
  routing?: Routing;
  path?: string;
}

// pushState fires no event; the routers of this page listen for this one too.
const changeEvent = 'latch:locationchange';

/**
 * What the routers read: a count of location changes, not the step itself.
 * React 18 compares a store's next value with the last one it committed, and
 * in a component that also sets state while rendering (SignIn does) that one
 * can be stale, from before the latest navigation: Back to the start then
 * matched it and rendered nothing. A count never comes back to an old value.
 * 0 is the server's (and hydration's) snapshot, so the browser starts at 1.
 */
let locationChanges = 1;
const countChanges = () => locationChanges;
const serverCount = () => 0;

function subscribe(listener: () => void): () => void {
  const onChange = () => {
    locationChanges += 1;
    listener();
  };
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}

function basePath(path: string | undefined): string {
  return `/${trimSlashes(path ?? '')}`.replace(/\/$/, '');
}

/** The step named by the current URL, or '' when the URL is not inside this component. */
function readStep(routing: Routing, path: string | undefined): string {
  if (routing === 'hash') return trimSlashes(decodeURI(window.location.hash.replace(/^#/, '')));
  const base = basePath(path);
  const pathname = window.location.pathname;
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return '';
  return trimSlashes(decodeURI(pathname.slice(base.length)));
}

function urlFor(routing: Routing, path: string | undefined, step: string): string {
  const { pathname, search } = window.location;
  if (routing === 'hash') return `${pathname}${search}${step ? `#/${step}` : ''}`;
  const base = basePath(path);
  return `${step ? `${base}/${step}` : base || '/'}${search}`;
}

/**
 * Which step of a flow is showing, and how to move on. With 'hash' or 'path'
 * the step lives in the URL (Back works, a reload stays put); on the server
 * and during hydration every mode starts at `initial`, so markup matches.
 */
export function useFlowRouter({ routing = 'virtual', path, initial }: FlowRouterOptions): FlowRouter {
  const [virtualStep, setVirtualStep] = useState('');
  const inUrl = routing !== 'virtual';
  const changes = useSyncExternalStore(inUrl ? subscribe : noSubscription, countChanges, serverCount);
  const urlStep = inUrl && changes > 0 ? readStep(routing, path) : '';

  const navigate = useCallback<FlowRouter['navigate']>(
    (next, opts) => {
      const step = next === initial ? '' : trimSlashes(next);
      if (!inUrl) {
        setVirtualStep(step);
        return;
      }
      const url = urlFor(routing, path, step);
      if (opts?.replace) window.history.replaceState(window.history.state, '', url);
      else window.history.pushState(null, '', url);
      window.dispatchEvent(new Event(changeEvent));
    },
    [inUrl, initial, routing, path],
  );

  const current = inUrl ? urlStep : virtualStep;
  return { step: current === '' ? initial : current, navigate };
}

function readLinkToken(): string | null {
  return new URLSearchParams(window.location.search).get(EMAIL_LINK_PARAM);
}

function noToken(): null {
  return null;
}

/**
 * The token of an emailed link this page was opened with (`?latch_link=…`),
 * or null. Any component may be the link's page, whatever its routing: the
 * link names the URL that asked for it. Null on the server and while
 * hydrating, so the markup matches.
 */
export function useEmailLinkToken(): string | null {
  return useSyncExternalStore(subscribe, readLinkToken, noToken);
}

/** Takes the token out of the address bar (replacing the entry), once the page is done with it. */
export function dropEmailLinkToken(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete(EMAIL_LINK_PARAM);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  window.dispatchEvent(new Event(changeEvent));
}
