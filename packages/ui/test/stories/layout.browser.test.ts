import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogRunnable, openCatalogSession, settle, storyIds, type CatalogSession } from './catalog-session';

// Every story of the built catalog at a small phone, a common phone, a tablet
// and a laptop: after its play function, nothing may stick out of its box
// (content wider than the box, or clipped by it), leave the viewport, or
// make the page scroll sideways, and no word may be split across two lines.
// Outside CI it is skipped without a build (`npm run build-storybook`) or Chromium.
const widths = [320, 390, 768, 1280];
const narrowest = 320;

/** Runs in the page: what does not fit at the current width, one readable line each. */
function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const viewport = document.documentElement.clientWidth;
  const describe = (element: Element) => {
    const classes = [...element.classList].filter((name) => name.startsWith('latch-')).slice(0, 2);
    const name = element.tagName.toLowerCase() + classes.map((c) => `.${c}`).join('');
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ');
    return text ? `${name} "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : name;
  };
  const px = (value: number) => `${Math.round(value)} px`;

  if (document.documentElement.scrollWidth > viewport + 1) {
    problems.push(`the page scrolls sideways: ${px(document.documentElement.scrollWidth)} wide in a ${px(viewport)} viewport`);
  }
  /** Deliberately clipped to nothing (visually hidden text, the hidden file input). */
  const hidden = (element: Element) => {
    const style = getComputedStyle(element);
    return style.clipPath !== 'none' || style.clip !== 'auto' || style.visibility === 'hidden';
  };
  const roots = [...document.querySelectorAll('.latch-root')].filter((root) => !root.parentElement?.closest('.latch-root'));
  const outside: Element[] = [];
  for (const root of roots) {
    for (const element of [root, ...root.querySelectorAll('*')]) {
      if (!(element instanceof HTMLElement || element instanceof SVGElement) || element.getClientRects().length === 0) continue;
      if (hidden(element) || element.closest('.latch-visually-hidden')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.left < -1 || rect.right > viewport + 1) {
        // Only the outermost: its descendants are carried out with it.
        if (outside.some((ancestor) => ancestor.contains(element))) continue;
        outside.push(element);
        problems.push(`${describe(element)} leaves the viewport: ${px(rect.left)} to ${px(rect.right)} of ${px(viewport)}`);
        continue;
      }
      if (!(element instanceof HTMLElement)) continue;
      const style = getComputedStyle(element);
      const clipsX = style.overflowX !== 'visible';
      // A typed value longer than its input scrolls inside it, as in any form; a read-only one (a key to copy) must show whole.
      const scrollsByDesign = element instanceof HTMLInputElement && !element.readOnly;
      if (!scrollsByDesign && element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'auto' && style.overflowX !== 'scroll') {
        const what = clipsX ? 'is clipped' : 'overflows its box';
        problems.push(`${describe(element)} ${what}: content ${px(element.scrollWidth)} wide in ${px(element.clientWidth)}`);
      }
      const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if (clipsY && element.scrollHeight > element.clientHeight + 1 && !(element instanceof HTMLInputElement)) {
        problems.push(`${describe(element)} is clipped: content ${px(element.scrollHeight)} tall in ${px(element.clientHeight)}`);
      }
    }
    // Words split over two lines: each word's boxes must share one line. A word is a run of letters and
    // digits: a break at a dash, a slash, or an address's @ and dots is fine, and so is one between
    // Japanese characters, where any place may break.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.getClientRects().length === 0 || hidden(parent) || parent.closest('.latch-visually-hidden, svg')) continue;
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu)) {
        if (match[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
        if (tops.size > 1) problems.push(`"${match[0]}" in ${describe(parent)} is broken over ${tops.size} lines`);
      }
    }
  }
  return problems;
}

/**
 * Runs in the page: the defects of issue 8 that only a browser can see.
 * Danger actions in the danger colour, secondary ones never filled with the
 * primary; a heading focused after a step change (tabindex=-1) draws no ring;
 * every password rule has a marker and the same indent.
 */
function findStyleProblems(): string[] {
  const problems: string[] = [];
  const colourOf = (root: Element, value: string) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    root.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  };
  for (const root of document.querySelectorAll('.latch-root')) {
    const danger = colourOf(root, 'var(--_danger)');
    const primary = colourOf(root, 'var(--_primary)');
    for (const button of root.querySelectorAll(':scope .latch-profileDangerButton')) {
      if (button.closest('.latch-root') !== root) continue;
      const style = getComputedStyle(button);
      if (style.color !== danger && style.backgroundColor !== danger) {
        problems.push(`danger action "${button.textContent}" is neither red nor on red (${style.color} on ${style.backgroundColor})`);
      }
    }
    for (const button of root.querySelectorAll('.latch-profileSectionAction, .latch-formButtonSecondary, .latch-alternativeMethodsButton')) {
      if (getComputedStyle(button).backgroundColor === primary) problems.push(`secondary action "${button.textContent}" is filled like a primary one`);
    }
    for (const list of root.querySelectorAll('.latch-passwordHints')) {
      const starts = [...list.children].map((item) => {
        const marker = getComputedStyle(item, '::before').content;
        if (marker === 'none' || marker === 'normal') problems.push(`password rule "${item.textContent}" has no marker`);
        const text = [...item.childNodes].reverse().find((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
        if (!text) return NaN;
        const range = document.createRange();
        range.selectNodeContents(text);
        // Where the first line starts: its rightmost edge in a right-to-left page (digits make runs of their own).
        const boxes = [...range.getClientRects()];
        const top = Math.min(...boxes.map((box) => box.top));
        const first = boxes.filter((box) => Math.abs(box.top - top) < 2);
        const rtl = getComputedStyle(item).direction === 'rtl';
        return Math.round(rtl ? Math.max(...first.map((box) => box.right)) : Math.min(...first.map((box) => box.left)));
      });
      if (new Set(starts).size > 1) problems.push(`password rules start at different indents: ${starts.join(', ')} px`);
    }
  }
  const focused = document.activeElement;
  if (focused?.closest('.latch-root') && focused.getAttribute('tabindex') === '-1' && getComputedStyle(focused).outlineStyle !== 'none') {
    problems.push(`${focused.tagName.toLowerCase()} "${focused.textContent}" (tabindex=-1, focused for screen readers) draws a focus ring`);
  }
  return problems;
}

describe.runIf(catalogRunnable)('every story fits at 320, 390, 768 and 1280 px in Chromium', () => {
  let catalog: CatalogSession;

  beforeAll(async () => {
    catalog = await openCatalogSession({ viewport: { width: narrowest, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  it.each(storyIds)('%s', async (storyId) => {
    const { page } = catalog;
    // Played at the narrowest width, so the states the play function reaches are the ones measured.
    await page.setViewportSize({ width: narrowest, height: 800 });
    const outcome = await catalog.runStory(storyId);
    expect(outcome.status, [...outcome.errors, ...outcome.violations].join('\n')).toBe('success');
    const problems = await page.evaluate(findStyleProblems);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      await settle(page);
      problems.push(...(await page.evaluate(findLayoutProblems)).map((problem) => `at ${width} px: ${problem}`));
    }
    // One line per problem, in full (Vitest would shorten a long array).
    expect(problems.join('\n'), `${storyId} does not fit`).toBe('');
  });
});
