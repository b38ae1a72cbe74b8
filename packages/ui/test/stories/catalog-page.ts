import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../../../../playground/test/chromium';

// The built catalog (`npm run build-storybook`) served to Chromium, one page
// for every story: what the catalog's browser tests share. Outside CI they
// are skipped when there is no build or no Chromium.
const staticDir = fileURLToPath(new URL('../../../../storybook-static/', import.meta.url));
const indexFile = join(staticDir, 'index.json');
const built = existsSync(indexFile);
/** In CI the catalog tests must run (npm test builds the catalog first); elsewhere they need a build and Chromium. */
export const runnable = process.env.CI === 'true' || (built && Boolean(chromiumPath));

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
}
/** Every story of the built catalog, in its order. */
export const storyIds = built
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

/** The built catalog on a loopback port: its base URL, and how to stop serving it. */
export async function serveCatalog(): Promise<{ url: string; close(): Promise<void> }> {
  const server = await serveStatic(staticDir);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the preview reported once a story was done: Storybook's STORY_FINISHED, plus any exception on the way. */
export interface StoryOutcome {
  status: 'success' | 'error' | 'timeout';
  errors: string[];
  violations: string[];
}

/** What the catalog tests read from and add to the preview's window. */
interface CatalogWindow {
  __STORYBOOK_ADDONS_CHANNEL__?: { on(event: string, listener: (payload: never) => void): void; emit(event: string, payload: unknown): void };
  latchCatalog: { finished: Map<string, { status: 'success' | 'error'; reporters: A11yReport[] }>; errors: string[] };
}
interface A11yReport {
  type: string;
  result?: { violations?: { id: string; help: string; nodes: { target: string[] }[] }[] };
}

/**
 * Opens the preview on no story, so that every story's STORY_FINISHED comes
 * after the listener is in place, and starts listening. `query` adds to the
 * preview's URL (`&globals=theme:dark`).
 */
export async function openCatalog(page: Page, url: string, query = ''): Promise<void> {
  await page.goto(`${url}/iframe.html?id=none&viewMode=story${query}`);
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
}

/**
 * Selects the story the way the manager does (SET_CURRENT_STORY on the
 * preview's channel), so one page serves every story, as for a person
 * browsing the catalog, and waits for STORY_FINISHED.
 */
export function runStory(page: Page, storyId: string): Promise<StoryOutcome> {
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
