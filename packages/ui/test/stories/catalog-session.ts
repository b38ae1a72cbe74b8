import type { Page } from 'playwright-core';
import { launchChromium } from '../../../../playground/test/chromium';
import { openCatalog, runnable, runStory, serveCatalog, storyIds, type StoryOutcome } from './catalog-page';

// One Chromium page on the built catalog for a whole suite (layout at four
// widths, screenshots), on catalog-page.ts's server and story runner.
export { runnable as catalogRunnable, storyIds };

export interface CatalogSession {
  page: Page;
  runStory(storyId: string): Promise<StoryOutcome>;
  close(): Promise<void>;
}

export interface CatalogSessionOptions {
  viewport: { width: number; height: number };
  /** Set before the preview loads (e.g. to hold the clock still). */
  prepare?(page: Page): Promise<void>;
}

export async function openCatalogSession({ viewport, prepare }: CatalogSessionOptions): Promise<CatalogSession> {
  const served = await serveCatalog();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await served.close();
    throw error;
  });
  const page = await browser.newPage({ viewport });
  await prepare?.(page);
  await openCatalog(page, served.url);
  return {
    page,
    runStory: (storyId) => runStory(page, storyId),
    async close() {
      await browser.close();
      await served.close();
    },
  };
}

/** Lets layout, Floating UI's position and a frame of painting settle after a resize. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}
