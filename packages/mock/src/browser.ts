import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import type { MockBackend } from './index';

/**
 * Starts an MSW service worker in the browser that answers for the backend
 * (Storybook, an offline playground). Needs `mockServiceWorker.js` served from
 * the site root (`npx msw init public`).
 */
export async function startMockWorker(backend: MockBackend, options?: StartOptions): Promise<SetupWorker> {
  const worker = setupWorker(...backend.handlers);
  await worker.start(options);
  return worker;
}
