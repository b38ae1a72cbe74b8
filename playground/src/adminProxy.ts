// Types only: the dev server's Vite config loads this file before @latch/* can be resolved.
import type { LatchAdminClient, LatchApiError, VerifiedToken } from '@latch/backend';

/**
 * The playground's own admin routes, as an app's backend would write them:
 * the page sends its session token, this checks that the token says
 * `role: admin`, and only then calls the Latch admin API with the secret key,
 * which stays here (the dev server in Node, or the mock's worker offline)
 * and never reaches the page.
 *
 *   GET  /api/admin/users?query=…      → a page of users
 *   POST /api/admin/users/:id/ban      → the user, banned
 *   POST /api/admin/users/:id/unban    → the user, unbanned
 */
export async function handleAdminRequest(
  request: Request,
  latch: LatchAdminClient,
  verifyToken: (token: string) => Promise<VerifiedToken>,
): Promise<Response> {
  const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  try {
    const verified = token ? await verifyToken(token).catch(() => null) : null;
    if (!verified) return json(401, { errors: [{ code: 'authentication_invalid', message: 'Sign in first.' }] });
    if (verified.claims.role !== 'admin') return json(403, { errors: [{ code: 'authentication_invalid', message: 'Only users with the admin role may use this page.' }] });
    const url = new URL(request.url);
    const action = /^\/api\/admin\/users\/([^/]+)\/(ban|unban)$/.exec(url.pathname);
    if (request.method === 'GET' && url.pathname === '/api/admin/users') {
      return json(200, await latch.users.list({ query: url.searchParams.get('query') ?? undefined, limit: 50 }));
    }
    if (request.method === 'POST' && action) {
      const userId = decodeURIComponent(action[1] ?? '');
      return json(200, action[2] === 'ban' ? await latch.users.ban(userId) : await latch.users.unban(userId));
    }
    return json(404, { errors: [{ code: 'resource_not_found', message: 'Not found.' }] });
  } catch (error) {
    if ((error as Error).name !== 'LatchApiError') throw error;
    const { status, errors } = error as LatchApiError;
    return json(status, { errors });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}
