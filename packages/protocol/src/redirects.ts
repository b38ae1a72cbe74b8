export interface RedirectOptions {
  /** Origins besides `base`'s that absolute URLs may point to, e.g. `['https://app.example.com']`. */
  allowedOrigins?: readonly string[];
  /** The page's own URL (or origin): absolute URLs on its origin are allowed. */
  base?: string | URL;
}

/**
 * Whitespace, control characters (C0, DEL, C1) and backslashes. Browsers drop
 * some of them while parsing (`java\tscript:`) and read `\` as `/` (`/\host`),
 * so a URL that contains one does not mean what it seems to: refuse it outright.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const obfuscation = /[\s\u0000-\u001f\u007f-\u009f\\]/;
/** The same, once percent-decoded; a space is legitimate there (`?q=a%20b`). */
// eslint-disable-next-line no-control-regex -- as above
const decodedObfuscation = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The URL to send the browser to, or null when `url` could lead off-site or
 * run script: then the caller uses its default. Allowed are a path on this
 * origin (`/path?x#y`, returned as given) and an absolute http(s) URL whose
 * origin is `base`'s or on `allowedOrigins` (returned normalized). Refused:
 * other schemes (`javascript:`, `data:`), protocol-relative `//host`,
 * `/\host`, `https:host`, credentials (`https://app@evil`), whitespace and
 * control characters anywhere, backslashes, and their percent-encoded forms.
 * An `allowedOrigins` entry or `base` that is not a URL throws a TypeError:
 * that is a configuration mistake, not a bad redirect.
 */
export function isSafeRedirect(url: unknown, options: RedirectOptions = {}): string | null {
  const allowed = new Set((options.allowedOrigins ?? []).map((origin) => new URL(origin).origin));
  if (options.base !== undefined) allowed.add(new URL(options.base).origin);
  if (typeof url !== 'string' || url === '' || obfuscation.test(url)) return null;
  const decoded = percentDecoded(url);
  if (decoded === null || decodedObfuscation.test(decoded)) return null;

  // A path on this origin; `//host` and its encoded `/%2F` form would name another host.
  if (url.startsWith('/')) return url.startsWith('//') || decoded.startsWith('//') ? null : url;

  // Anything else must be spelled out as http(s)://…, so `https:host` and other schemes fail here.
  if (!/^https?:\/\//i.test(url)) return null;
  const target = parse(url);
  if (!target || target.username !== '' || target.password !== '') return null;
  return allowed.has(target.origin) ? target.href : null;
}

/** `isSafeRedirect(url, options)`, or `fallback` when that refuses it. */
export function safeRedirect(url: unknown, fallback: string, options: RedirectOptions = {}): string {
  return isSafeRedirect(url, options) ?? fallback;
}

function percentDecoded(url: string): string | null {
  try {
    return decodeURIComponent(url);
  } catch {
    return null; // A broken escape such as `%E0%A4%A`: no legitimate redirect has one.
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
