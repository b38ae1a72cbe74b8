import type { CSSProperties } from 'react';
import { useComponentContext } from '../context';
import type { ElementKey } from '../elements';
import { customAttribute } from '../stylesheet';
import type { Layout } from './types';

export interface ElementState {
  loading?: boolean;
  error?: boolean;
  open?: boolean;
  active?: boolean;
}

export interface ElementProps {
  className: string;
  style?: CSSProperties;
  'data-loading'?: '';
  'data-error'?: '';
  'data-open'?: '';
  'data-active'?: '';
  /** On elements with an `appearance.elements` class: Latch's own rules step down to one class's weight there (see stylesheet.ts). */
  'data-latch-custom'?: '';
}

/**
 * The props that style one element: the stable class `latch-<key>`, the app's
 * classes and style for that key, and state as `data-*` attributes. Spread
 * them first: `<button {...useElement('formButtonPrimary', { loading })}>`.
 */
export function useElement(key: ElementKey, state?: ElementState): ElementProps {
  const override = useComponentContext().appearance.elements[key];
  const props: ElementProps = { className: withClass(`latch-${key}`, override?.className) };
  if (override?.className) props[customAttribute] = '';
  if (override?.style) props.style = override.style;
  if (state?.loading) props['data-loading'] = '';
  if (state?.error) props['data-error'] = '';
  if (state?.open) props['data-open'] = '';
  if (state?.active) props['data-active'] = '';
  return props;
}

/** The merged `appearance.layout`. */
export function useLayout(): Layout {
  return useComponentContext().appearance.layout;
}

/** `latch-<key>` and the app's classes for it, if any (two strings: no class-name library needed). */
export function withClass(own: string, app: string | undefined): string {
  return app ? `${own} ${app}` : own;
}
