import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementKeys } from '../../src/foundation/elements';
import { commonElements } from '../../src/foundation/elements/common';
import { pageCss, shieldCss } from '../../src/foundation/stylesheet';

const read = (file: string) => readFileSync(new URL(`../../src/styles/${file}`, import.meta.url), 'utf8');
const css = read('latch.css');
const sheets = ['latch.css', 'signIn.css', 'signUp.css', 'userProfile.css', 'userButton.css', 'emailLink.css', 'social.css'].map(read);
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

describe('the stylesheets', () => {
  it('are plain rules: no named layer, no id, no !important but the reduced-motion switch and the guard against host !important', () => {
    for (const sheet of sheets.map(withoutComments)) {
      // Colours such as #ffffff are values; an id would be a selector (before a `{` or a `,`).
      expect(sheet).not.toMatch(/#[\w-]+[^;{}]*[{,]/);
      const rest = sheet.replace(/@media \(prefers-reduced-motion: reduce\) \{[\s\S]*?\n\}/, '').replace(/@layer \{[\s\S]*?\n\}/, '');
      expect(rest).not.toContain('!important');
      expect(rest).not.toContain('@layer');
    }
    // The guard: one anonymous layer, whose rules skip elements with an app class.
    const guard = /@layer \{([\s\S]*?)\n\}/.exec(withoutComments(css))?.[1] ?? '';
    expect(guard.match(/\{/g)).toHaveLength(guard.match(/:not\(\[data-latch-custom\]\)/g)!.length);
    expect(shieldCss(css)).toContain(guard.trim().replace(/\s+/g, ' ').slice(0, 40));
  });

  it('never size in rem, which a host page can change (html { font-size: 125% })', () => {
    for (const sheet of sheets.map(withoutComments)) {
      const outsideMediaQueries = sheet.replace(/@media[^{]*\{/g, '');
      expect(outsideMediaQueries).not.toMatch(/\d\s*rem\b/);
    }
  });

  it('style every element key, shared ones in the shared sheet', () => {
    const all = sheets.join('\n');
    const styled = (text: string, key: string) => new RegExp(`\\.latch-${key}(?![\\w-])`).test(text);
    expect(elementKeys.filter((key) => !styled(all, key))).toEqual([]);
    // Ones every component may render live in latch.css (menus and modals are UserButton's, badges the profile's).
    const elsewhere = ['menuList', 'menuItem', 'modalBackdrop', 'modalContent', 'modalCloseButton', 'profileNavbar', 'profileNavbarButton', 'profilePage', 'profileSection', 'profileSectionTitle', 'profileSectionContent', 'profileSectionItem', 'profileSectionAction', 'badge', 'userButtonBox', 'userButtonTrigger', 'userButtonAvatarBox', 'userButtonOuterIdentifier', 'userButtonPopoverCard', 'userButtonPopoverMain', 'userButtonPopoverActions', 'userButtonPopoverActionButton', 'userButtonPopoverFooter', 'backupCodes', 'backupCode', 'qrCode', 'secretText', 'passwordHints', 'passwordHint'];
    expect(commonElements.filter((key) => !elsewhere.includes(key) && !styled(css, key))).toEqual([]);
  });

  it('reset every element the components render, bar SVG internals', () => {
    expect(css).toContain('all: revert');
    // No pseudo-element inside :where(), which would silently drop it.
    expect(withoutComments(css)).not.toMatch(/:where\((?:[^()]|\([^()]*\))*::/);
    for (const element of ['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'button', 'input', 'table']) expect(css).toMatch(new RegExp(`:where\\([^)]*\\b${element}\\b`));
    expect(css).toContain(':not(svg, svg *)');
    // `revert` drops the `hidden` attribute's presentational hint: it must come back.
    expect(css).toMatch(/\[hidden\][^{]*\{\s*display: none/);
  });

  it('read every public variable, respect reduced motion, and show focus', () => {
    for (const name of ['color-primary', 'color-primary-foreground', 'color-danger', 'color-ring', 'font-family', 'font-size', 'spacing-unit', 'border-radius']) {
      expect(css).toContain(`var(--latch-${name}`);
    }
    expect(css).toContain('@media (prefers-reduced-motion: reduce)');
    expect(css).toContain(':focus-visible');
    expect(css).toContain('.latch-visually-hidden');
  });

  it('use logical properties for direction-sensitive spacing', () => {
    expect(css).not.toMatch(/(margin|padding)-(left|right)\s*:/);
    expect(css).not.toMatch(/\b(left|right)\s*:/);
  });
});

describe('shieldCss (the unlayered form)', () => {
  it('writes each rule twice: with an id weight for plain elements, at one class for elements with an app class', () => {
    expect(shieldCss('.latch-card > .latch-x, .latch-y::before { color: red }')).toBe(
      ':is(.latch-card > .latch-x):not(#\\#,[data-latch-custom]),:is(.latch-y):not(#\\#,[data-latch-custom])::before{ color: red }' +
        ':where(.latch-card > .latch-x)[data-latch-custom],:where(.latch-y)[data-latch-custom]::before{ color: red }',
    );
  });

  it('keeps pseudo-elements outside :is() and :where(), which take none, in both spellings', () => {
    expect(shieldCss('.latch-a:after,.latch-b::placeholder{x:y}')).toBe(
      ':is(.latch-a):not(#\\#,[data-latch-custom]):after,:is(.latch-b):not(#\\#,[data-latch-custom])::placeholder{x:y}' +
        ':where(.latch-a)[data-latch-custom]:after,:where(.latch-b)[data-latch-custom]::placeholder{x:y}',
    );
  });

  it('keeps at-rules, keyframe steps and commas inside :is() as they are', () => {
    const out = shieldCss('@media (min-width: 40rem) { .latch-a:is(.latch-b, .latch-c) { gap: 0 } } @keyframes latch-spin { to { transform: rotate(1turn) } }');
    expect(out).toContain('@media (min-width: 40rem) {');
    expect(out).toContain(':is(.latch-a:is(.latch-b, .latch-c)):not(#\\#,[data-latch-custom]){ gap: 0 }');
    expect(out).toContain('@keyframes latch-spin { to { transform: rotate(1turn) } }');
  });

  it('drops comments and leaves no rule on a latch- class unshielded', () => {
    const out = shieldCss(sheets.join('\n'));
    expect(out).not.toContain('/*');
    const rules = [...out.matchAll(/([^{}]*)\{[^{}]*\}/g)].map((match) => match[1]!.trim()).filter((selector) => selector.includes('.latch-'));
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.filter((selector) => !selector.includes(':not(#\\#,[data-latch-custom])') && !selector.includes('[data-latch-custom]'))).toEqual([]);
  });
});

describe('pageCss (appearance.cssLayerName)', () => {
  it('puts the rules as written into the named layer', () => {
    expect(pageCss('.latch-card{color:red}', 'components.latch')).toBe('@layer components.latch{.latch-card{color:red}}');
  });

  it('takes a layer name and nothing else', () => {
    for (const name of ['', 'a b', 'x}body{color:red', 'latch;', '1latch']) expect(() => pageCss('.latch-card{}', name)).toThrow(/cssLayerName/);
  });
});

// The published file (`npm run build` makes it; npm test builds first), for apps
// that load CSS themselves: `injectStyles: false` + import '@latch/ui/styles.css'.
const distFile = new URL('../../dist/styles.css', import.meta.url);
describe.runIf(process.env.CI === 'true' || existsSync(distFile))('@latch/ui/styles.css', () => {
  it('holds every sheet, minified, in the unlayered form the components inject', () => {
    const dist = readFileSync(distFile, 'utf8');
    expect(dist).not.toContain('/*');
    expect(dist).toContain('@property --_rem');
    expect(dist).toContain('{all:revert}');
    for (const sheet of sheets) {
      for (const [, key] of withoutComments(sheet).matchAll(/\.latch-([A-Za-z]+)/g)) expect(dist, key).toContain(`.latch-${key}`);
    }
    // Every rule on a latch- class is shielded (the guard's [class~=…] rules are not: they are written that way).
    const rules = [...dist.matchAll(/([^{}]*)\{[^{}]*\}/g)].map((match) => match[1]!.trim()).filter((selector) => selector.includes('.latch-'));
    expect(rules.filter((selector) => !selector.includes('[data-latch-custom]'))).toEqual([]);
  });
});
