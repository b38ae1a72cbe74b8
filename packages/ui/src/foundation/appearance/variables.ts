import type { CSSProperties } from 'react';
import type { Variables } from './types';

/** `colorPrimary` → `--latch-color-primary`: the documented custom property names. */
export function cssVariableName(name: string): string {
  return `--latch-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The root's inline custom properties: only the variables someone set, so a default root has no style attribute. */
export function cssVariables(variables: Variables): CSSProperties | undefined {
  const entries = Object.entries(variables).filter(([, value]) => typeof value === 'string' && value !== '');
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([name, value]) => [cssVariableName(name), value])) as CSSProperties;
}
