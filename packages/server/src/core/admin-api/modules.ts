/**
 * THE REGISTRATION POINT of the admin API. Each module is a table of
 * `/v1/admin/…` routes with a handler per route (see `AdminRouteModule` in
 * router.ts); a new group of admin routes (webhook endpoints, …) is one more
 * entry here. Every route gets secret-key authentication, JSON bodies, the
 * error format and "never CORS" from the admin handler.
 */
import { emailAddressRoutes, sessionRoutes, signInTokenRoutes, userRoutes } from './routes';
import type { AdminRouteModule } from './router';
import { webhookAdminRoutes } from '../webhooks/admin-routes';

export const adminRouteModules: readonly AdminRouteModule[] = [userRoutes, emailAddressRoutes, sessionRoutes, signInTokenRoutes, webhookAdminRoutes];
