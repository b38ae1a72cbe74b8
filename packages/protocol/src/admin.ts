/**
 * The admin API (`/v1/admin/*`): what the app's own backend calls with a
 * secret key (`Authorization: Bearer sk_live_…`). Never reachable with a
 * client token or a session JWT, never served with CORS. Responses are the
 * resource itself (no `{ response, client }` wrapper); errors have the same
 * `{ errors: [...] }` shape as the frontend API.
 */
import type { Metadata, SessionStatus, UserJSON } from './resources';

export const AdminRoutes = {
  usersList: 'GET /v1/admin/users',
  userCreate: 'POST /v1/admin/users',
  userGet: 'GET /v1/admin/users/:id',
  userUpdate: 'PATCH /v1/admin/users/:id',
  userDelete: 'DELETE /v1/admin/users/:id',
  /** Bans the user: signing in fails with `user_banned`, and every session is revoked. */
  userBan: 'POST /v1/admin/users/:id/ban',
  userUnban: 'POST /v1/admin/users/:id/unban',

  emailAddressCreate: 'POST /v1/admin/email_addresses',
  emailAddressVerify: 'POST /v1/admin/email_addresses/:id/verify',
  emailAddressDelete: 'DELETE /v1/admin/email_addresses/:id',

  /** `?user_id=` (required) and `?status=active|ended|revoked|expired`. */
  sessionsList: 'GET /v1/admin/sessions',
  sessionRevoke: 'POST /v1/admin/sessions/:id/revoke',

  signInTokenCreate: 'POST /v1/admin/sign_in_tokens',
} as const;

export type AdminRouteName = keyof typeof AdminRoutes;

/** Every path of the admin API starts with this; the server never answers it with CORS. */
export const ADMIN_PATH_PREFIX = '/v1/admin/';

/** Secret keys start with one of these (`sk_test_` for development and test instances). */
export const SECRET_KEY_PREFIXES = ['sk_live_', 'sk_test_'] as const;

/** A user as the admin API shows it: everything the frontend sees, plus what only the backend may. */
export interface AdminUserJSON extends UserJSON {
  publicMetadata: Metadata;
  unsafeMetadata: Metadata;
  /** Backend only: never in a frontend response or a session token. */
  privateMetadata: Metadata;
  banned: boolean;
  /** The user's id in the system it was imported from, if any. */
  externalId: string | null;
}

export type UserOrderBy = 'created_at' | '-created_at' | 'last_sign_in_at' | '-last_sign_in_at';

/** Query of `GET /v1/admin/users`; on the wire as snake_case search parameters (`email_address`, `order_by`, …). */
export interface UserListParams {
  /** 1–100, default 20. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Exact matches; several values mean any of them. */
  emailAddress?: string[];
  username?: string[];
  userId?: string[];
  /** Case-insensitive substring of an email address, username, name or id. */
  query?: string;
  /** Default `-created_at` (newest first). */
  orderBy?: UserOrderBy;
}

/**
 * A page of a list. The cursor is keyset-based (the last item's sort key and
 * id), so users created while paging neither repeat nor push items off a page.
 */
export interface PageJSON<T> {
  data: T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface AdminUserCreateBody {
  emailAddress: string;
  /** Default true: the address counts as proven. */
  emailAddressVerified?: boolean;
  password?: string;
  /** A hash instead of a password, e.g. from an import; see the README for the accepted formats. */
  passwordHash?: string;
  externalId?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

export interface AdminUserUpdateBody {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  /** Each metadata object, when given, replaces the stored one whole. */
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
  /** Same as `POST …/ban` and `…/unban`. */
  banned?: boolean;
}

export interface AdminEmailAddressCreateBody {
  userId: string;
  emailAddress: string;
  /** Default false: the user must verify it. */
  verified?: boolean;
  /** Default false. */
  primary?: boolean;
}

export interface AdminSessionJSON {
  id: string;
  userId: string;
  clientId: string;
  status: SessionStatus;
  createdAt: number;
  lastActiveAt: number;
  expireAt: number;
  abandonAt: number;
}

export interface AdminSignInTokenCreateBody {
  userId: string;
  /** Default 3600 (one hour), at most 30 days. */
  expiresInSeconds?: number;
}

/** Shown once: only a hash of `token` is stored. */
export interface AdminSignInTokenJSON {
  id: string;
  userId: string;
  token: string;
  expiresAt: number;
}

export interface AdminDeletedJSON {
  id: string;
  deleted: true;
}
