import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogRunnable, openCatalog, storyIds, type Catalog } from './catalog';

// The built catalog (`npm run build-storybook`) in Chromium: every story
// renders on MSW's service worker, runs its play function, and passes the
// a11y addon's axe run, which here (unlike jsdom) sees layout, so colour
// contrast and visible-label rules are checked too. Outside CI it is skipped
// when there is no build or no Chromium; run `npm run build-storybook` first.
describe.runIf(catalogRunnable)('the built Storybook catalog in Chromium', () => {
  let catalog: Catalog;

  beforeAll(async () => {
    catalog = await openCatalog();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  it.each(storyIds)('%s renders, plays and passes axe', async (storyId) => {
    const outcome = await catalog.runStory(storyId);
    expect({ errors: outcome.errors, violations: outcome.violations }).toEqual({ errors: [], violations: [] });
    expect(outcome.status).toBe('success');
  });
});
