import { Limits } from '@latch/protocol';
import type { ServerContext } from '../flows/context';
import { BodyReader } from '../http/body-reader';
import { readJsonBody } from '../http/body';
import { jsonResponse } from '../http/respond';
import { renderError } from '../http/render-error';
import { MethodNotAllowed } from '../http/router';
import { adminRouteModules } from './modules';
import { createAdminRouter, type AdminRouteModule } from './router';
import { authenticateSecretKey } from './secret-keys';

/**
 * Answers `/v1/admin/*`. Never with CORS: the secret key belongs on a
 * server, so a browser page gets no CORS headers and its preflight is
 * refused (405), whatever origins the frontend API allows. The key is
 * checked before the route, so without one nothing, not even which paths
 * exist, is told.
 */
export function createAdminHandler(server: ServerContext, onError: (error: unknown) => void, extraModules: readonly AdminRouteModule[] = []) {
  const route = createAdminRouter([...adminRouteModules, ...extraModules]);
  return async (request: Request, url: URL, headers: Headers): Promise<Response> => {
    try {
      if (request.method === 'OPTIONS') throw new MethodNotAllowed([]);
      const secretKey = await authenticateSecretKey(server, request);
      const match = route(request.method, url.pathname);
      const hasBody = request.method === 'POST' || request.method === 'PATCH';
      const body = hasBody ? await readJsonBody(request, Limits.maxBodyBytes) : {};
      const result = await match.handler({ ...server, request, url, id: match.id, body: new BodyReader(body), secretKey });
      return jsonResponse(result, 200, headers);
    } catch (error) {
      return renderError(error, headers, onError);
    }
  };
}
