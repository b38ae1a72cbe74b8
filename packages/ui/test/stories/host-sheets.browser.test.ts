import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../playground/test/chromium';
import { openCatalog, runnable, runStory, serveCatalog, storyIds } from './catalog-page';
import { hostSheets, type HostSheet } from './host-sheets';

// Every story of the built catalog (`npm run build-storybook`) on a blank page
// and on pages with a host stylesheet (host-sheets.ts): Tailwind's preflight,
// Bootstrap's reboot, modern-normalize, Pico, the Vite React template's
// index.css, the playground's. The computed style of every element inside a
// `.latch-root` must be the same on each, at a phone's and a desktop's width.
// One browser and one page: each story runs once, then the host sheet is
// swapped in and out of a <style> at the end of <head> (after Latch's, so it
// wins every tie) and the styles are compared in the page.

/**
 * The stories of Latch's components. Not the mock's stand-in for a provider's
 * consent page ('Mock/…'): it is the provider's page, not ours, and renders no
 * `.latch-root`.
 */
const componentStoryIds = storyIds.filter((id) => !id.startsWith('mock-'));

const widths = [1280, 390];

/** What is compared: what a person sees of each element's box and text. */
const properties = [
  'display', 'visibility', 'opacity', 'box-sizing', 'width', 'height',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-bottom-right-radius', 'box-shadow', 'outline-style',
  'color', 'background-color', 'background-image', 'background-size',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing',
  'text-transform', 'text-align', 'text-decoration-line', 'white-space', 'overflow-wrap',
  'list-style-type', 'vertical-align', 'appearance', 'cursor',
];
/** For ::before and ::after, when they exist. */
const pseudoProperties = ['content', 'display', 'width', 'color', 'border-top-width', 'border-top-style', 'border-top-color'];

interface StyleCheckWindow {
  latchHostSheets: Record<string, string>;
  /** `inLayer`: the host sheet goes into `@layer base`, as an app that orders its layers puts it. */
  latchStyleCheck(hosts: string[], width: number, inLayer?: boolean): string[];
}

/**
 * Installs the in-page check: `latchStyleCheck(hosts)` snapshots every element
 * inside `.latch-root`s (keyed by its `latch-` class, or its parent's key and
 * its tag, numbered when repeated), then for each host sheet puts it in, snapshots
 * again and lists the differences: "host: key property: blank … vs host …".
 */
function installCheck(page: Page, sheets: HostSheet[]): Promise<void> {
  return page.evaluate(
    ({ sheets, properties, pseudoProperties }) => {
      const win = window as unknown as StyleCheckWindow;
      win.latchHostSheets = Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.css]));

      function keyOf(element: Element, keys: Map<Element, string>): string {
        const own = [...element.classList].find((name) => name.startsWith('latch-') && name !== 'latch-visually-hidden');
        if (own) return own.slice('latch-'.length);
        const parent = element.parentElement ? keys.get(element.parentElement) : undefined;
        return `${parent ?? '?'} > ${element.localName}`;
      }

      function snapshot(): Map<string, Record<string, string>> {
        const out = new Map<string, Record<string, string>>();
        const keys = new Map<Element, string>();
        const seen = new Map<string, number>();
        for (const element of document.querySelectorAll('.latch-root, .latch-root *')) {
          const base = keyOf(element, keys);
          const n = (seen.get(base) ?? 0) + 1;
          seen.set(base, n);
          const key = n === 1 ? base : `${base}#${n}`;
          keys.set(element, key);
          const style = getComputedStyle(element);
          const values: Record<string, string> = {};
          for (const property of properties) values[property] = style.getPropertyValue(property);
          for (const pseudo of ['::before', '::after']) {
            const pseudoStyle = getComputedStyle(element, pseudo);
            if (pseudoStyle.content === 'none' || pseudoStyle.content === 'normal') continue;
            for (const property of pseudoProperties) values[`${pseudo} ${property}`] = pseudoStyle.getPropertyValue(property);
          }
          out.set(key, values);
        }
        return out;
      }

      win.latchStyleCheck = (hosts, width, inLayer = false) => {
        const blank = snapshot();
        const problems: string[] = [];
        if (blank.size === 0) return ['nothing rendered inside a .latch-root'];
        const host = document.createElement('style');
        document.head.append(host);
        try {
          for (const name of hosts) {
            const css = win.latchHostSheets[name]!;
            host.textContent = inLayer ? `@layer base {\n${css}\n}` : css;
            const styled = snapshot();
            for (const [key, values] of blank) {
              const other = styled.get(key);
              if (!other) {
                problems.push(`${name} @${width}px: ${key} is gone`);
                continue;
              }
              for (const [property, value] of Object.entries(values)) {
                if (other[property] !== value) problems.push(`${name} @${width}px: ${key} ${property}: blank ${value} vs ${other[property]}`);
              }
            }
            for (const key of styled.keys()) if (!blank.has(key)) problems.push(`${name} @${width}px: ${key} appears`);
          }
        } finally {
          host.remove();
        }
        return problems;
      };
    },
    { sheets, properties, pseudoProperties },
  );
}

describe.runIf(runnable)('every story looks the same on a page with a host stylesheet (Chromium)', () => {
  let catalog: Awaited<ReturnType<typeof serveCatalog>>;
  let browser: Browser;
  let page: Page;
  let sheets: HostSheet[];
  /** Host sheet → stories it changed, printed at the end. */
  const failures = new Map<string, Set<string>>();

  beforeAll(async () => {
    sheets = await hostSheets();
    catalog = await serveCatalog();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: widths[0]!, height: 900 } });
    await openCatalog(page, catalog.url);
    await installCheck(page, sheets);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await catalog?.close();
    if (sheets) {
      const lines = sheets.map((sheet) => `  ${sheet.name}: ${failures.get(sheet.name)?.size ?? 0} of ${componentStoryIds.length} stories differ`);
      console.log(`Host stylesheets:\n${lines.join('\n')}`);
    }
  });

  it.each(componentStoryIds)('%s', async (storyId) => {
    await page.setViewportSize({ width: widths[0]!, height: 900 });
    const outcome = await runStory(page, storyId);
    expect(outcome.status).toBe('success');
    const problems: string[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const names = sheets.map((sheet) => sheet.name);
      problems.push(...(await page.evaluate(({ names, width }) => (window as unknown as StyleCheckWindow).latchStyleCheck(names, width), { names, width })));
    }
    for (const problem of problems) {
      const host = problem.slice(0, problem.indexOf(' '));
      failures.set(host, (failures.get(host) ?? new Set()).add(storyId));
    }
    // At most 40 lines per story, so one broken rule does not bury the others.
    expect(problems.slice(0, 40), `${problems.length} differences`).toEqual([]);
  });
});

/**
 * Classes given through `appearance.elements` (the catalog's `classes` and
 * `classesInLayer` themes, .storybook/globals.ts) with a host sheet on the
 * page: each class sets colour, padding and border, and wins over Latch's
 * defaults without !important; the defaults it leaves alone still hold.
 * Unlayered, the app's CSS is one-class rules after Latch's; in a layer, the
 * app orders `@layer base, latch, utilities` (Tailwind v4's shape): the host
 * sheet in `base`, its classes in `utilities`. Not with Pico: its input rules
 * outrank one class (`input:not([type=checkbox], …)`) and it forces the
 * padding of invalid fields with !important, so on a Pico page an app's class
 * loses to Pico on any input, Latch's or its own (the README says so).
 */
const classHosts = (sheets: HostSheet[]) => sheets.filter((sheet) => sheet.name !== 'pico');
const appClasses = {
  card: { className: 'catalog-card', css: 'padding: 7px 9px; border: 3px dotted rgb(1, 2, 3); color: rgb(10, 20, 30); background-color: rgb(250, 240, 230);' },
  formFieldInput: { className: 'catalog-input', css: 'padding: 5px 6px; border: 2px dashed rgb(4, 5, 6); color: rgb(7, 8, 9);' },
  formButtonPrimary: { className: 'catalog-button', css: 'padding: 3px 4px; border: 4px double rgb(11, 12, 13); color: rgb(200, 210, 220); background-color: rgb(30, 40, 50);' },
};
const expected: Record<string, Record<string, string>> = {
  card: { 'padding-top': '7px', 'padding-left': '9px', 'border-top-width': '3px', 'border-top-style': 'dotted', 'border-top-color': 'rgb(1, 2, 3)', color: 'rgb(10, 20, 30)', 'background-color': 'rgb(250, 240, 230)' },
  formFieldInput: { 'padding-top': '5px', 'padding-left': '6px', 'border-top-width': '2px', 'border-top-style': 'dashed', 'border-top-color': 'rgb(4, 5, 6)', color: 'rgb(7, 8, 9)' },
  formButtonPrimary: { 'padding-top': '3px', 'padding-left': '4px', 'border-top-width': '4px', 'border-top-style': 'double', 'border-top-color': 'rgb(11, 12, 13)', color: 'rgb(200, 210, 220)', 'background-color': 'rgb(30, 40, 50)' },
};
/** Latch defaults the classes leave alone, as on the light theme's blank page. */
const kept = ['border-top-left-radius', 'font-weight', 'font-size', 'font-family', 'display', 'cursor'];

describe.runIf(runnable)('appearance.elements classes win over the defaults on a page with a host stylesheet (Chromium)', () => {
  let catalog: Awaited<ReturnType<typeof serveCatalog>>;
  let browser: Browser;
  let sheets: HostSheet[];

  beforeAll(async () => {
    sheets = await hostSheets();
    catalog = await serveCatalog();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await catalog?.close();
  });

  /** The computed `properties` of the first element of each key, in the story's page. */
  function read(page: Page, keys: Record<string, string[]>): Promise<Record<string, Record<string, string>>> {
    return page.evaluate((keys) => {
      // Buttons ease their colours over 150 ms: read where the transitions end.
      for (const animation of document.getAnimations()) animation.finish();
      const out: Record<string, Record<string, string>> = {};
      for (const [key, properties] of Object.entries(keys)) {
        const element = document.querySelector(`.latch-${key}`);
        const style = element ? getComputedStyle(element) : null;
        out[key] = Object.fromEntries(properties.map((property) => [property, style?.getPropertyValue(property) ?? 'missing']));
      }
      return out;
    }, keys);
  }

  for (const mode of [{ theme: 'classes', inLayer: false }, { theme: 'classesInLayer', inLayer: true }]) {
    // An invalid field too: the guard against Pico's !important padding must step aside for the class.
    it.each(['components-signin--start', 'components-signin--missing-identifier'])(`%s, ${mode.inLayer ? 'in a cascade layer' : 'unlayered'}`, async (storyId) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        // The defaults, on the light theme with no host sheet.
        await openCatalog(page, catalog.url);
        expect((await runStory(page, storyId)).status).toBe('success');
        const defaults = await read(page, Object.fromEntries(Object.keys(appClasses).map((key) => [key, kept])));

        await openCatalog(page, catalog.url, `&globals=theme:${mode.theme}`);
        expect((await runStory(page, storyId)).status).toBe('success');
        const rules = Object.values(appClasses).map(({ className, css }) => `.${className} { ${css} }`).join('\n');
        for (const sheet of classHosts(sheets)) {
          await page.evaluate(
            ({ host, rules, inLayer }) => {
              document.querySelectorAll('style[data-test-host]').forEach((style) => style.remove());
              const add = (css: string, first = false) => {
                const style = document.createElement('style');
                style.setAttribute('data-test-host', '');
                style.textContent = css;
                if (first) document.head.prepend(style);
                else document.head.append(style);
              };
              if (inLayer) {
                add('@layer base, latch, utilities;', true);
                add(`@layer base {\n${host}\n}`);
                add(`@layer utilities {\n${rules}\n}`);
              } else {
                add(host);
                add(rules);
              }
            },
            { host: sheet.css, rules, inLayer: mode.inLayer },
          );
          const got = await read(page, Object.fromEntries(Object.keys(appClasses).map((key) => [key, [...Object.keys(expected[key]!), ...kept]])));
          for (const key of Object.keys(appClasses)) {
            expect({ host: sheet.name, key, ...got[key] }).toEqual({ host: sheet.name, key, ...expected[key], ...defaults[key] });
          }
        }
      } finally {
        await page.close();
      }
      // Two fresh loads of the catalog in a new page: slow on a busy machine.
    }, 60_000);
  }

  it('the host sheets reach nothing in cascade-layer mode either, when the app puts them in an earlier layer', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await openCatalog(page, catalog.url, '&globals=theme:classesInLayer');
      await installCheck(page, sheets);
      expect((await runStory(page, 'components-signup--password-hints')).status).toBe('success');
      const problems = await page.evaluate(
        (names) => {
          const order = document.createElement('style');
          order.textContent = '@layer base, latch, utilities;';
          document.head.prepend(order);
          return (window as unknown as StyleCheckWindow).latchStyleCheck(names, 1280, true);
        },
        sheets.map((sheet) => sheet.name),
      );
      expect(problems.slice(0, 40), `${problems.length} differences`).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
