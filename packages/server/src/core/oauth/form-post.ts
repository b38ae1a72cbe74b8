/**
 * `POST /v1/oauth/form_post`: where providers that answer by form POST
 * (Apple) send the browser. An app page cannot take a POST (and a service
 * worker never sees navigations), so this route keeps the one thing only the
 * POST carries (Apple's first-login `user` with the name) on the attempt and
 * 303-redirects the browser to the attempt's app page with the same
 * parameters in the query, where the usual callback takes over. It consumes
 * nothing and knows no client: the callback still checks state, binding,
 * single use and expiry.
 */
import { fail } from '../errors';
import type { RouteHandler } from '../flows/reply';
import { findAttempt } from './attempts';

const forwarded = [
  ['code', 'code'],
  ['state', 'state'],
  ['error', 'error'],
  ['error_description', 'error_description'],
  ['iss', 'iss'],
] as const;

export const oauthFormPost: RouteHandler = async (ctx) => {
  const state = ctx.body.nullableString('state', { max: 512 });
  const attempt = state ? await findAttempt(ctx, state) : null;
  if (!attempt || attempt.expiresAt <= ctx.now()) throw fail('oauth_state_invalid', { paramName: 'state' });
  const user = ctx.body.nullableString('user', { max: 4096 });
  if (user) await ctx.store.update('oauthAttempts', attempt.id, { formPostUser: user });
  const location = new URL(attempt.appRedirectUrl);
  for (const [from, to] of forwarded) {
    const value = ctx.body.nullableString(from, { max: 4096 });
    if (value) location.searchParams.set(to, value);
  }
  return { kind: 'redirect', location: location.href };
};
