import {
  CLIENT_TOKEN_RESPONSE_HEADER,
  REQUESTED_WITH_HEADER,
  SESSION_ID_HEADER,
  clientRoute,
  type ApiError,
  type ClientRouteRef,
} from '@latch/protocol';
import { LatchAPIError, LatchNetworkError } from './errors';
import { defaultTokenStorage, type TokenStorage } from './storage';

export type TransportMode = 'auto' | 'cookie' | 'header';

export interface TransportOptions {
  /** The frontend API's origin, e.g. `https://auth.example.com`. */
  frontendApi: string;
  fetch?: typeof fetch;
  /**
   * How this browser's client token travels.
   *
   * - `'cookie'`: an HttpOnly cookie that the server sets; no script can read
   *   the token. Needs the API on the same site as the page. Use this in
   *   production.
   * - `'header'`: an `Authorization: Bearer` header, with the token kept in
   *   `tokenStorage` (localStorage by default). That is a long-lived
   *   credential where any script on the page can read it, so an XSS bug can
   *   steal it: meant for development, cross-site APIs (such as the mock) and
   *   native apps.
   * - `'auto'` (default): cookie when the API is same-site with the page, else header.
   */
  transport?: TransportMode;
  /** Header mode's persistence; default `localStorage` when available, else memory. */
  tokenStorage?: TokenStorage;
}

export interface RequestParams {
  /** Fills the route's `:id`. */
  id?: string;
  body?: unknown;
  /** The session a `/v1/me…` request acts for. */
  sessionId?: string;
}

export type Request = <T>(route: ClientRouteRef, params?: RequestParams) => Promise<T>;

/**
 * Same registrable domain, by a simple rule: the same hostname, or the same
 * last two labels (app.example.com and auth.example.com). IP addresses and
 * single-label hosts such as localhost only match themselves. Public suffixes
 * like co.uk fool it: set `transport` explicitly there.
 */
export function isSameSite(apiHost: string, pageHost: string): boolean {
  if (apiHost === pageHost) return true;
  if (/^[\d.]+$|:/.test(apiHost + pageHost)) return false;
  const site = (host: string) => host.split('.').slice(-2).join('.');
  return apiHost.includes('.') && pageHost.includes('.') && site(apiHost) === site(pageHost);
}

export function usesCookies(options: TransportOptions): boolean {
  const mode = options.transport ?? 'auto';
  if (mode !== 'auto') return mode === 'cookie';
  return typeof location !== 'undefined' && isSameSite(new URL(options.frontendApi).hostname, location.hostname);
}

/** The one function every API call goes through: URL, headers, client token, JSON and errors. */
export function createTransport(options: TransportOptions): Request {
  const base = options.frontendApi.replace(/\/+$/, '');
  const cookies = usesCookies(options);
  const storage = cookies ? null : (options.tokenStorage ?? defaultTokenStorage());
  const storageKey = `latch:client-token:${options.frontendApi}`;

  return async <T>(route: ClientRouteRef, params: RequestParams = {}): Promise<T> => {
    const headers: Record<string, string> = { [REQUESTED_WITH_HEADER]: 'fetch' };
    if (params.body !== undefined) headers['content-type'] = 'application/json';
    if (params.sessionId) headers[SESSION_ID_HEADER] = params.sessionId;
    const sentToken = storage?.getItem(storageKey);
    if (sentToken) headers.authorization = `Bearer ${sentToken}`;

    const doFetch = options.fetch ?? fetch;
    const { method, path } = clientRoute(route, params.id);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(base + path, {
        method,
        headers,
        // JSON.stringify(undefined) is undefined: no body.
        body: JSON.stringify(params.body),
        credentials: cookies ? 'include' : 'omit',
      });
      text = await res.text();
    } catch (cause) {
      throw new LatchNetworkError(`Could not reach ${base}`, { cause });
    }

    const data = parseJson(text);
    // Even an error response may carry a new token (the failed call created the client).
    if (storage) {
      const issued = res.headers.get(CLIENT_TOKEN_RESPONSE_HEADER);
      if (issued) storage.setItem(storageKey, issued);
      // No client behind our token any more: drop it, unless another tab has stored a newer one.
      else if (sentToken && isRecord(data) && data.client === null && storage.getItem(storageKey) === sentToken) {
        storage.removeItem(storageKey);
      }
    }
    if (!res.ok || data === undefined) throw apiError(res, data);
    return data as T;
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A Latch error body when there is one; anything else (a proxy's HTML 502) becomes `internal_error`. */
function apiError(res: Response, data: unknown): LatchAPIError {
  const errors = isRecord(data) && Array.isArray(data.errors) && data.errors.length > 0 ? (data.errors as ApiError[]) : null;
  const retryAfter = Number(res.headers.get('retry-after'));
  return new LatchAPIError(
    res.status,
    errors ?? [{ code: 'internal_error', message: `Unexpected response from the Latch API (HTTP ${res.status}).` }],
    retryAfter > 0 ? retryAfter : undefined,
  );
}
