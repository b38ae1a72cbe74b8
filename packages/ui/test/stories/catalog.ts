import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../../../playground/test/chromium';

// The built catalog (`npm run build-storybook`) served to Chromium, one page
// for every story, as a person browsing it. Shared by the browser suites:
// render + axe (catalog.browser.test.ts), layout at four widths
// (layout.browser.test.ts) and screenshots (visual.browser.test.ts).
const staticDir = fileURLToPath(new URL('../../../../storybook-static/', import.meta.url));
const indexFile = join(staticDir, 'index.json');
export const catalogBuilt = existsSync(indexFile);
/** In CI the suites must run (npm test builds the catalog first); elsewhere they need a build and Chromium. */
export const catalogRunnable = process.env.CI === 'true' || (catalogBuilt && Boolean(chromiumPath));

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
}
export const storyIds: string[] = catalogBuilt
  ? Object.values((JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry> }).entries)
      .filter((entry) => entry.type === 'story')
      .map((entry) => entry.id)
  : [];

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function serveStatic(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://catalog').pathname);
    const file = join(root, normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** What the preview reported once a story was done: Storybook's STORY_FINISHED, plus any exception on the way. */
export interface StoryOutcome {
  status: 'success' | 'error' | 'timeout';
  errors: string[];
  violations: string[];
}

/** What the catalog reads from and adds to the preview's window. */
interface CatalogWindow {
  __STORYBOOK_ADDONS_CHANNEL__?: { on(event: string, listener: (payload: never) => void): void; emit(event: string, payload: unknown): void };
  latchCatalog: { finished: Map<string, { status: 'success' | 'error'; reporters: A11yReport[] }>; errors: string[] };
}
interface A11yReport {
  type: string;
  result?: { violations?: { id: string; help: string; nodes: { target: string[] }[] }[] };
}

export interface Catalog {
  page: Page;
  /**
   * Selects the story the way the manager does (SET_CURRENT_STORY on the
   * preview's channel) and waits for STORY_FINISHED: rendered, played, axe run.
   */
  runStory(storyId: string): Promise<StoryOutcome>;
  close(): Promise<void>;
}

export interface CatalogOptions {
  /** Set before the preview loads (e.g. to fix the clock). */
  prepare?(page: Page): Promise<void>;
  viewport?: { width: number; height: number };
}

export async function openCatalog(options: CatalogOptions = {}): Promise<Catalog> {
  const server = await serveStatic(staticDir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 720 } });
    await options.prepare?.(page);
    // Start on no story, so that every story's STORY_FINISHED comes after the listener is in place.
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/iframe.html?id=none&viewMode=story`);
    await page.waitForFunction(() => Boolean((window as unknown as CatalogWindow).__STORYBOOK_ADDONS_CHANNEL__));
    await page.evaluate(() => {
      const preview = window as unknown as CatalogWindow;
      const catalog: CatalogWindow['latchCatalog'] = { finished: new Map(), errors: [] };
      preview.latchCatalog = catalog;
      const channel = preview.__STORYBOOK_ADDONS_CHANNEL__!;
      channel.on('storyFinished', (event: { storyId: string; status: 'success' | 'error'; reporters: A11yReport[] }) =>
        catalog.finished.set(event.storyId, event),
      );
      for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException']) {
        channel.on(name, (error: { message?: string; title?: string; description?: string }) =>
          catalog.errors.push(`${name}: ${error.message ?? error.title ?? ''} ${error.description ?? ''}`.trim()),
        );
      }
    });
    const opened = browser;
    return {
      page,
      runStory: (storyId) => runStory(page, storyId),
      async close() {
        await opened.close();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}

function runStory(page: Page, storyId: string): Promise<StoryOutcome> {
  return page.evaluate(async (id) => {
    const preview = window as unknown as CatalogWindow;
    const catalog = preview.latchCatalog;
    catalog.errors = [];
    catalog.finished.delete(id);
    preview.__STORYBOOK_ADDONS_CHANNEL__!.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    // Counted in polls, not read from the clock, which the screenshot suite holds still.
    for (let polls = 0; !catalog.finished.has(id) && polls < 800; polls++) await new Promise((resolve) => setTimeout(resolve, 25));
    const finished = catalog.finished.get(id);
    const violations = (finished?.reporters ?? [])
      .filter((report) => report.type === 'a11y')
      .flatMap((report) => report.result?.violations ?? [])
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    return { status: finished?.status ?? 'timeout', errors: catalog.errors, violations };
  }, storyId);
}

/** Lets layout, Floating UI's position and a frame of painting settle after a resize. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}
