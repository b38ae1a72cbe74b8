import type { Theme, Variables } from './types';

/**
 * The default look; latch.css declares the same values as the defaults of its
 * custom properties, so a component with no appearance sets no inline style.
 * Text colours meet WCAG AA (4.5:1) on the background; borders and the focus
 * ring meet the 3:1 asked of controls.
 */
export const light = {
  variables: {
    colorPrimary: '#4338ca',
    colorPrimaryForeground: '#ffffff',
    colorDanger: '#b91c1c',
    colorSuccess: '#15803d',
    colorWarning: '#a16207',
    colorText: '#111827',
    colorTextSecondary: '#4b5563',
    colorBackground: '#ffffff',
    colorInputBackground: '#ffffff',
    colorInputText: '#111827',
    colorBorder: '#6b7280',
    colorRing: '#4338ca',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: '1rem',
    borderRadius: '0.5rem',
    spacingUnit: '1rem',
  },
} as const satisfies Theme & { variables: Required<Variables> };

/** A dark theme with the same AA contrast guarantees as `light`. */
export const dark = {
  variables: {
    colorPrimary: '#a5b4fc',
    colorPrimaryForeground: '#111827',
    colorDanger: '#fca5a5',
    colorSuccess: '#86efac',
    colorWarning: '#fde047',
    colorText: '#f9fafb',
    colorTextSecondary: '#d1d5db',
    colorBackground: '#111827',
    colorInputBackground: '#1f2937',
    colorInputText: '#f9fafb',
    colorBorder: '#9ca3af',
    colorRing: '#a5b4fc',
  },
} as const satisfies Theme;
