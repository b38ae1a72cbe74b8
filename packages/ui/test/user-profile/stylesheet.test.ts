import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { userProfileElements } from '../../src/foundation/elements/userProfile';

const css = readFileSync(new URL('../../src/styles/userProfile.css', import.meta.url), 'utf8');

describe('userProfile.css', () => {
  it('is plain rules, which stylesheet.ts shields or puts in the app\'s layer', () => {
    expect(css).not.toMatch(/@layer|!important/);
  });

  it("styles every one of the component's element keys", () => {
    const missing = userProfileElements.filter((key) => !new RegExp(`\\.latch-${key}(?![\\w-])`).test(css));
    expect(missing).toEqual([]);
  });

  it('uses logical properties, so right-to-left locales mirror', () => {
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)\b/);
    expect(css).not.toMatch(/\b(left|right)\s*:/);
  });

  it('animates only for those who have not asked for reduced motion', () => {
    const outside = css.replace(/@media \(prefers-reduced-motion: no-preference\) \{[\s\S]*?\n {2}\}/g, '');
    expect(outside).not.toMatch(/\b(transition|animation)\s*:/);
  });
});
