import type { CSSProperties } from 'react';
import type { ElementKey } from '../elements';

/** A string is added as a class; an object is applied as the element's style. */
export type ElementStyle = string | CSSProperties;
export type Elements = Partial<Record<ElementKey, ElementStyle>>;

/** Design tokens; each becomes `--latch-<kebab-case-name>` on the component root. */
export interface Variables {
  colorPrimary?: string;
  colorPrimaryForeground?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorBackground?: string;
  colorInputBackground?: string;
  colorInputText?: string;
  colorBorder?: string;
  colorRing?: string;
  fontFamily?: string;
  fontSize?: string;
  borderRadius?: string;
  spacingUnit?: string;
}

export interface Layout {
  logoImageUrl?: string;
  logoPlacement?: 'inside' | 'outside' | 'none';
  /** Social sign-in buttons above the form ('top', the default) or below it. */
  socialButtonsPlacement?: 'top' | 'bottom';
  /**
   * 'blockButton': one full-width button per provider, with its name;
   * 'iconButton': a row of icon-only buttons (named for screen readers);
   * 'auto' (default): blocks for up to two providers, icons beyond.
   */
  socialButtonsVariant?: 'blockButton' | 'iconButton' | 'auto';
  showOptionalFields?: boolean;
  helpPageUrl?: string;
  privacyPageUrl?: string;
  termsPageUrl?: string;
}

export interface Theme {
  variables?: Variables;
  elements?: Elements;
}

// Type aliases, not interfaces, so that a typed `ProviderAppearance` value is
// assignable to LatchProvider's loosely typed `appearance` (Record<string, unknown>).
export type Appearance = {
  baseTheme?: Theme;
  variables?: Variables;
  elements?: Elements;
  layout?: Layout;
};

export type ComponentName = 'signIn' | 'signUp' | 'userProfile' | 'userButton';

/** What `<LatchProvider appearance>` takes: an appearance for all, one per component, and how styles load. */
export type ProviderAppearance = Appearance & {
  signIn?: Appearance;
  signUp?: Appearance;
  userProfile?: Appearance;
  userButton?: Appearance;
  /**
   * `false` stops the components from rendering their `<style>` element; the app
   * then loads the same stylesheet itself: `import '@latch/ui/styles.css'` (or a
   * `<link>` to it). That is the way under a Content Security Policy without
   * `'unsafe-inline'` or a nonce for styles.
   */
  injectStyles?: boolean;
  /**
   * Nonce for the injected `<style>`, so it passes a CSP `style-src 'nonce-…'`.
   * With server rendering React writes that `<style>` itself: pass the same value
   * as React's render option too (`renderToReadableStream(app, { nonce: { style } })`),
   * or React drops it from the server markup.
   */
  styleNonce?: string;
  /**
   * Puts the whole stylesheet in this cascade layer (`@layer <name> { … }`),
   * for apps that order their layers (Tailwind v4:
   * `@layer theme, base, latch, components, utilities;`). Unset, the sheet is
   * unlayered and shields itself from the host page's rules; in a layer it is
   * plain, and everything in a later layer or unlayered wins over it. A layer
   * name, dotted for a sub-layer (`components.latch`).
   */
  cssLayerName?: string;
};

/** One element's merged overrides: classes from every layer, styles merged in order. */
export interface ResolvedElement {
  className?: string;
  style?: CSSProperties;
}

/** The result of merging appearance layers; what components read through context. */
export interface ResolvedAppearance {
  variables: Variables;
  elements: Partial<Record<ElementKey, ResolvedElement>>;
  layout: Layout;
}
