import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonElements } from '../../src/foundation/elements/common';

const css = readFileSync(new URL('../../src/styles/latch.css', import.meta.url), 'utf8');

describe('latch.css', () => {
  it('lives entirely inside @layer latch', () => {
    const body = css.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(body.startsWith('@layer latch {')).toBe(true);
    expect(body.endsWith('}')).toBe(true);
    expect(body.match(/@layer/g)).toHaveLength(1);
  });

  it('styles every common element key', () => {
    const missing = commonElements.filter((key) => !new RegExp(`\\.latch-${key}(?![\\w-])`).test(css));
    expect(missing).toEqual([]);
  });

  it('reads every public variable, respects reduced motion, and shows focus', () => {
    for (const name of ['color-primary', 'color-primary-foreground', 'color-danger', 'color-ring', 'font-family', 'spacing-unit', 'border-radius']) {
      expect(css).toContain(`var(--latch-${name}`);
    }
    expect(css).toContain('@media (prefers-reduced-motion: reduce)');
    expect(css).toContain(':focus-visible');
    expect(css).toContain('.latch-visually-hidden');
  });

  it('uses logical properties for direction-sensitive spacing', () => {
    expect(css).not.toMatch(/(margin|padding)-(left|right)\s*:/);
    expect(css).not.toMatch(/\b(left|right)\s*:/);
  });
});
