import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../playground/test/chromium';
import { openCatalog, runnable, runStory, serveCatalog, storyIds } from './catalog-page';

// The built catalog (`npm run build-storybook`) in Chromium: every story
// renders on MSW's service worker, runs its play function, and passes the
// a11y addon's axe run, which here (unlike jsdom) sees layout, so colour
// contrast and visible-label rules are checked too. Outside CI it is skipped
// when there is no build or no Chromium; run `npm run build-storybook` first.
describe.runIf(runnable)('the built Storybook catalog in Chromium', () => {
  let catalog: Awaited<ReturnType<typeof serveCatalog>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    catalog = await serveCatalog();
    browser = await launchChromium();
    page = await browser.newPage();
    await openCatalog(page, catalog.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await catalog?.close();
  });

  it.each(storyIds)('%s renders, plays and passes axe', async (storyId) => {
    const outcome = await runStory(page, storyId);
    expect({ errors: outcome.errors, violations: outcome.violations }).toEqual({ errors: [], violations: [] });
    expect(outcome.status).toBe('success');
  });
});
