import { http, HttpResponse } from 'msw';
import { createMockBackend } from '@latch/mock';
import { startMockWorker } from '@latch/mock/browser';
import { createLatchBackend } from '@latch/backend';
import { demoAccounts } from './demo';

/**
 * Offline mode (`npm run start:mock`): the whole backend runs in this tab.
 * MSW's service worker hands every request for backend.url to the Latch
 * server core, and `/api/me` to a route that checks tokens as a real API does.
 */
export async function startMockMode() {
  const backend = createMockBackend({ users: demoAccounts, settings: { multiSession: true } });
  const api = createLatchBackend({ jwksUrl: `${backend.url}/.well-known/jwks.json`, issuer: backend.url });
  const protectedRoute = http.get('/api/me', async ({ request }) => {
    const auth = await api.authenticateRequest(request);
    return auth instanceof Response ? auth : HttpResponse.json(auth);
  });
  const worker = await startMockWorker(backend, { onUnhandledRequest: 'bypass', quiet: true });
  worker.use(protectedRoute);
  return {
    frontendApi: backend.url,
    backendLabel: 'Offline: the mock backend runs in this tab; reload to start over.',
    // A copy each time: the outbox array itself never changes identity, so React would skip the update.
    readOutbox: async () => [...backend.outbox],
  };
}
