import type { GlobalTypes } from 'storybook/internal/types';
import { dark, enUS, type LocalizationInput, type ProviderAppearance } from '@latch/ui';
import type { LatchProviderProps } from '@latch/react';
import { arSA, deDE, esES, frFR, jaJP } from '@latch/ui/locales';

/**
 * A brand far from the defaults, to show that variables and element overrides
 * reach every component: teal, square corners, a serif face, a logo. Colours
 * keep the 4.5:1 contrast the built-in themes promise.
 */
export const brand = {
  variables: {
    colorPrimary: '#0f766e',
    colorPrimaryForeground: '#ffffff',
    colorRing: '#0f766e',
    colorText: '#1c1917',
    colorTextSecondary: '#57534e',
    colorBackground: '#fffdf7',
    colorInputBackground: '#ffffff',
    colorBorder: '#78716c',
    fontFamily: 'Georgia, "Times New Roman", serif',
    borderRadius: '0',
    // Pixels, not rem: a host page that resizes rem (Pico) must not resize the brand (host-sheets.browser.test.ts).
    spacingUnit: '18px',
  },
  elements: {
    card: { borderTop: '6px solid #0f766e', boxShadow: '0 12px 32px rgb(15 118 110 / 0.18)' },
    headerTitle: { letterSpacing: '0.02em' },
    formButtonPrimary: { textTransform: 'uppercase', letterSpacing: '0.08em' },
    userButtonAvatarBox: { width: '48px', height: '48px' },
  },
  layout: { logoImageUrl: brandLogo(), logoPlacement: 'inside' },
} satisfies ProviderAppearance;

/** An inline SVG, so the catalog needs no network and no extra static file. */
function brandLogo(): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f766e"/>' +
    '<path d="M9 22V10h3v9h7v3z" fill="#fff"/></svg>';
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * Classes given through `appearance.elements`, for the host-stylesheet check
 * (packages/ui/test/stories/host-sheets.browser.test.ts), which brings their
 * CSS: unlayered, and in the app's `latch` layer. Reached through the URL
 * (`&globals=theme:classes`), not the toolbar: without that CSS they look
 * like the light theme.
 */
const classes = {
  elements: { card: 'catalog-card', formFieldInput: 'catalog-input', formButtonPrimary: 'catalog-button' },
} satisfies ProviderAppearance;

// Module constants: the provider memoizes on identity, so the same object
// must come back for the same toolbar value.
const appearances: Record<string, LatchProviderProps['appearance']> = {
  light: undefined,
  dark: { baseTheme: dark } satisfies ProviderAppearance,
  brand,
  classes,
  classesInLayer: { ...classes, cssLayerName: 'latch' } satisfies ProviderAppearance,
};

const locales: Record<string, LocalizationInput> = { enUS, frFR, deDE, esES, jaJP, arSA };

export function storyAppearance(theme: string): LatchProviderProps['appearance'] {
  return appearances[theme];
}

export function storyLocalization(locale: string): LocalizationInput | undefined {
  return locale === 'enUS' ? undefined : locales[locale];
}

/** The page behind the component: text outside the card (a UserButton's name) needs the theme's background. */
export function storyPageBackground(theme: string): string {
  if (theme === 'dark') return '#030712';
  if (theme === 'brand') return '#f5f5f4';
  return '#f3f4f6';
}

export const globalTypes: GlobalTypes = {
  theme: {
    description: 'Appearance given to <LatchProvider>',
    toolbar: {
      title: 'Theme',
      icon: 'paintbrush',
      dynamicTitle: true,
      items: [
        { value: 'light', title: 'Light (default)' },
        { value: 'dark', title: 'Dark' },
        { value: 'brand', title: 'Custom brand' },
      ],
    },
  },
  locale: {
    description: 'Localization given to <LatchProvider>',
    toolbar: {
      title: 'Locale',
      icon: 'globe',
      dynamicTitle: true,
      items: [
        { value: 'enUS', title: 'English (en-US)' },
        { value: 'frFR', title: 'Français (fr-FR)' },
        { value: 'deDE', title: 'Deutsch (de-DE)' },
        { value: 'esES', title: 'Español (es-ES)' },
        { value: 'jaJP', title: '日本語 (ja-JP)' },
        { value: 'arSA', title: 'العربية (ar-SA, RTL)' },
      ],
    },
  },
};

export const initialGlobals = { theme: 'light', locale: 'enUS' };
