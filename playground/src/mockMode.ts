import { http, HttpResponse } from 'msw';
import { createMockBackend } from '@latch/mock';
import { startMockWorker } from '@latch/mock/browser';
import { createLatchBackend, createLatchClient } from '@latch/backend';
import { handleAdminRequest } from './adminProxy';
import { demoAccounts, sessionClaims } from './demo';

/**
 * Offline mode (`npm run start:mock`): the whole backend runs in this tab.
 * MSW's service worker hands every request for backend.url to the Latch
 * server core, and `/api/me` to a route that checks tokens as a real API does.
 */
export async function startMockMode() {
  // Codes and links both; the links lead back to this page's origin, which the mock's API origin is not.
  // Social sign-in through the mock's fake Google and GitHub: their consent page is this app's /mock-oauth-consent.
  const backend = createMockBackend({
    users: demoAccounts,
    settings: { multiSession: true, emailVerification: { method: 'both' }, allowedRedirectOrigins: [window.location.origin], firstFactors: { passkey: true } },
    sessionClaims,
    oauth: { providers: ['google', 'github'] },
  });
  const api = createLatchBackend({ jwksUrl: `${backend.url}/.well-known/jwks.json`, issuer: backend.url });
  const protectedRoute = http.get('/api/me', async ({ request }) => {
    const auth = await api.authenticateRequest(request);
    return auth instanceof Response ? auth : HttpResponse.json(auth);
  });
  // The admin routes, answered in this tab: the secret key lives in the worker's handlers, as on a server.
  const { key } = await backend.server.admin.secretKeys.create('playground (offline)', 'test');
  const admin = createLatchClient({ secretKey: key, apiUrl: backend.url, fetch: (input, init) => backend.server.handler(new Request(input, init)) });
  const adminRoutes = http.all('/api/admin/*', ({ request }) => handleAdminRequest(request, admin, api.verifyToken));
  const worker = await startMockWorker(backend, { onUnhandledRequest: 'bypass', quiet: true });
  worker.use(protectedRoute, adminRoutes);
  return {
    frontendApi: backend.url,
    backendLabel: 'Offline: the mock backend runs in this tab; reload to start over.',
    // A copy each time: the outbox array itself never changes identity, so React would skip the update.
    readOutbox: async () => [...backend.outbox],
  };
}
