import {
  AdminRoutes,
  type AdminDeletedJSON,
  type AdminEmailAddressCreateBody,
  type AdminRouteName,
  type AdminSessionJSON,
  type AdminSignInTokenCreateBody,
  type AdminSignInTokenJSON,
  type AdminUserCreateBody,
  type AdminUserJSON,
  type AdminUserUpdateBody,
  type ApiError,
  type ApiErrorResponse,
  type EmailAddressJSON,
  type ErrorCode,
  type PageJSON,
  type SessionStatus,
  type UserListParams,
} from '@latch/protocol';

export interface LatchClientOptions {
  /** A secret key from `latch-server keys create` (`sk_live_…` or `sk_test_…`). Keep it on the server. */
  secretKey: string;
  /** Where the Latch server is, e.g. `https://auth.example.com`. */
  apiUrl: string;
  /** Another `fetch` (a test double, a proxy-aware one); the global one by default. */
  fetch?: typeof fetch;
}

/** The admin API answered with an error: `code` is one of the protocol's `ErrorCodes`, `status` the HTTP status. */
export class LatchApiError extends Error {
  override readonly name = 'LatchApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly errors: ApiError[];
  /** Seconds to wait before retrying (429, 503), from `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, errors: ApiError[], retryAfterSeconds?: number) {
    const first = errors[0];
    super(first ? `${first.message} (${first.code})` : `The Latch admin API answered ${status}.`);
    this.status = status;
    this.code = first?.code ?? 'internal_error';
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isLatchApiError(value: unknown): value is LatchApiError {
  return value instanceof LatchApiError;
}

export interface SessionListParams {
  userId: string;
  status?: SessionStatus;
}

/**
 * A typed client of the admin API, for the app's own backend (never a
 * browser: the secret key must not reach one).
 *
 * ```ts
 * const latch = createLatchClient({ secretKey: process.env.LATCH_SECRET_KEY!, apiUrl: 'https://auth.example.com' });
 * await latch.users.update(userId, { publicMetadata: { role: 'admin' } });
 * ```
 */
export function createLatchClient(options: LatchClientOptions) {
  if (!/^sk_(live|test)_/.test(options.secretKey ?? '')) {
    throw new TypeError('createLatchClient needs a secret key (sk_live_… or sk_test_…) from `latch-server keys create`.');
  }
  const base = options.apiUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<T>(route: AdminRouteName, params: { id?: string; body?: object; query?: URLSearchParams } = {}): Promise<T> {
    const [method, template] = AdminRoutes[route].split(' ') as [string, string];
    const path = params.id === undefined ? template : template.replace(':id', encodeURIComponent(params.id));
    const search = params.query?.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${options.secretKey}` };
    if (params.body !== undefined) headers['content-type'] = 'application/json';
    const response = await doFetch(`${base}${path}${search ? `?${search}` : ''}`, {
      method,
      headers,
      ...(params.body !== undefined ? { body: JSON.stringify(params.body) } : {}),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy's error page, say; reported below by status.
    }
    if (!response.ok) {
      const errors = (json as Partial<ApiErrorResponse> | null)?.errors ?? [];
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new LatchApiError(response.status, errors, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    return json as T;
  }

  return {
    users: {
      /** A page of users; pass `nextCursor` back as `cursor` for the next one. */
      list(params: UserListParams = {}): Promise<PageJSON<AdminUserJSON>> {
        const query = new URLSearchParams();
        if (params.limit !== undefined) query.set('limit', String(params.limit));
        if (params.cursor) query.set('cursor', params.cursor);
        if (params.query) query.set('query', params.query);
        if (params.orderBy) query.set('order_by', params.orderBy);
        for (const value of params.emailAddress ?? []) query.append('email_address', value);
        for (const value of params.username ?? []) query.append('username', value);
        for (const value of params.userId ?? []) query.append('user_id', value);
        return call('usersList', { query });
      },
      get: (userId: string) => call<AdminUserJSON>('userGet', { id: userId }),
      create: (body: AdminUserCreateBody) => call<AdminUserJSON>('userCreate', { body }),
      update: (userId: string, body: AdminUserUpdateBody) => call<AdminUserJSON>('userUpdate', { id: userId, body }),
      delete: (userId: string) => call<AdminDeletedJSON>('userDelete', { id: userId }),
      /** Revokes every session of the user; signing in fails with `user_banned` until `unban`. */
      ban: (userId: string) => call<AdminUserJSON>('userBan', { id: userId }),
      unban: (userId: string) => call<AdminUserJSON>('userUnban', { id: userId }),
    },
    emailAddresses: {
      create: (body: AdminEmailAddressCreateBody) => call<EmailAddressJSON>('emailAddressCreate', { body }),
      verify: (emailAddressId: string) => call<EmailAddressJSON>('emailAddressVerify', { id: emailAddressId }),
      delete: (emailAddressId: string) => call<AdminDeletedJSON>('emailAddressDelete', { id: emailAddressId }),
    },
    sessions: {
      list(params: SessionListParams): Promise<PageJSON<AdminSessionJSON>> {
        const query = new URLSearchParams({ user_id: params.userId });
        if (params.status) query.set('status', params.status);
        return call('sessionsList', { query });
      },
      revoke: (sessionId: string) => call<AdminSessionJSON>('sessionRevoke', { id: sessionId }),
    },
    signInTokens: {
      /** A one-time token for `signIn.create({ strategy: 'ticket', ticket: token })`; shown only in this answer. */
      create: (body: AdminSignInTokenCreateBody) => call<AdminSignInTokenJSON>('signInTokenCreate', { body }),
    },
  };
}

export type LatchAdminClient = ReturnType<typeof createLatchClient>;
