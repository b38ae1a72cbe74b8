import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogRunnable, openCatalogSession, settle, storyIds, type CatalogSession } from './catalog-session';

// Every story of the built catalog, photographed at a phone's and a laptop's
// width after its play function, and compared with the committed baseline in
// __screenshots__/ (the design: look at a new one before committing it).
//
//   npm run test:visual          compare (needs `npm run build-storybook`)
//   npm run test:visual:update   rewrite the baselines from the current build
//
// Determinism: the page's clock is held at one instant (relative times and
// countdowns read the same), motion is reduced and animations stopped, carets
// and buttons' focus rings hidden, what is random by design (QR code, TOTP secret, backup codes) is
// masked, and the digits of a typed code are drawn as dots. Fonts are the machine's: baselines come from Debian's Chromium with
// its fonts-dejavu and fonts-liberation, as in CI. A failure writes the
// actual and a diff image to test-results/visual/.
const widths = [390, 1280];
const height = 800;
const update = process.env.LATCH_UPDATE_SCREENSHOTS === '1';
const baselineDir = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const outputDir = fileURLToPath(new URL('../../../../test-results/visual/', import.meta.url));
/** Random by design: same size every run, different pixels. */
const masked = ['.latch-qrCode', '.latch-secretText', '.latch-backupCode'];
/** Per-pixel colour distance (0–1) under which two pixels count as equal; antialiased pixels are ignored too. */
const threshold = 0.1;
/** Differing pixels tolerated per image: far below one moved word or a 1 px border on a button. */
const maxDiffPixels = 25;

describe.runIf(catalogRunnable)('screenshots of every story match the baselines', () => {
  let catalog: CatalogSession;

  beforeAll(async () => {
    catalog = await openCatalogSession({
      viewport: { width: widths[0]!, height },
      async prepare(page) {
        await page.clock.setFixedTime(new Date('2026-03-02T09:30:00Z'));
        await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
      },
    });
    // Carets off; and a typed code's digits (random, from an email or an authenticator) drawn as a fixed dot.
    await catalog.page.addStyleTag({
      content: [
        '*, *::before, *::after { caret-color: transparent !important; }',
        // Whether a button focused by a play function shows its ring is Chromium's guess (focus-visible): not the design.
        '.latch-root button:focus-visible { outline-color: transparent !important; }',
        '.latch-otpBox:not(:empty) { font-size: 0 !important; }',
        ".latch-otpBox:not(:empty)::after { content: '\\2022' !important; font: 600 24px/1 monospace !important; }",
      ].join('\n'),
    });
    if (update) mkdirSync(baselineDir, { recursive: true });
    rmSync(outputDir, { recursive: true, force: true });
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  it.each(storyIds)('%s', async (storyId) => {
    const { page } = catalog;
    await page.setViewportSize({ width: widths[0]!, height });
    const outcome = await catalog.runStory(storyId);
    expect(outcome.status, [...outcome.errors, ...outcome.violations].join('\n')).toBe('success');
    const failures: string[] = [];
    // A story finishes with its last expectation; a button may still be leaving its busy state (and taking focus back).
    await page.waitForTimeout(300);
    for (const width of widths) {
      await page.setViewportSize({ width, height });
      await settle(page);
      const shot = await page.screenshot({
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
        mask: masked.map((selector) => page.locator(selector)),
        maskColor: '#9ca3af',
      });
      const name = `${storyId}.${width}.png`;
      const baselineFile = join(baselineDir, name);
      if (update) {
        writeFileSync(baselineFile, shot);
        continue;
      }
      const failure = compare(name, baselineFile, shot);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });
});

/** Null when the screenshot matches its baseline; otherwise why not, with the files to look at. */
function compare(name: string, baselineFile: string, shot: Buffer): string | null {
  if (!existsSync(baselineFile)) return `${name}: no baseline (run npm run test:visual:update and look at it)`;
  const expected = PNG.sync.read(readFileSync(baselineFile));
  const actual = PNG.sync.read(shot);
  const save = (suffix: string, data: Buffer) => {
    mkdirSync(outputDir, { recursive: true });
    const file = join(outputDir, name.replace(/\.png$/, `.${suffix}.png`));
    writeFileSync(file, data);
    return file;
  };
  if (expected.width !== actual.width || expected.height !== actual.height) {
    const file = save('actual', shot);
    return `${name}: ${actual.width}×${actual.height} px, the baseline is ${expected.width}×${expected.height} (see ${file})`;
  }
  const diff = new PNG({ width: expected.width, height: expected.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold });
  if (differing <= maxDiffPixels) return null;
  save('actual', shot);
  const diffFile = save('diff', PNG.sync.write(diff));
  return `${name}: ${differing} pixels differ (more than ${maxDiffPixels}; see ${diffFile})`;
}
