/**
 * Who the passkeys belong to: the WebAuthn relying party. Its id (RP ID) is a
 * domain the browser scopes every passkey to, and its origins are the pages
 * allowed to use them. A passkey made for another RP ID, or used from a page
 * not listed here (a phishing copy of the site), never verifies.
 */
export interface PasskeyOptions {
  /**
   * The RP ID: the site's domain, e.g. `example.com` (passkeys then work on
   * it and its subdomains). Default: the host of the issuer (the public URL).
   */
  rpId?: string;
  /**
   * The page origins that may use passkeys, e.g. `https://app.example.com`:
   * https, or http on localhost only, each on the RP ID or a subdomain of it.
   * Default: the issuer's origin and the `allowedOrigins` of the API.
   */
  origins?: readonly string[];
}

export interface RelyingParty {
  id: string;
  origins: string[];
}

/**
 * The relying party from the options, or derived from the issuer and the
 * API's allowed origins. Checked at start-up, so a mistake is a
 * configuration error rather than passkeys that fail one by one: always when
 * given explicitly, else when the instance turns passkeys on. Null when off
 * and not configured.
 */
export function resolveRelyingParty(
  options: PasskeyOptions | undefined,
  context: { issuer: string; allowedOrigins: readonly string[]; enabled: boolean },
): RelyingParty | null {
  if (!options && !context.enabled) return null;
  const issuer = parseUrl(context.issuer);
  const id = (options?.rpId ?? issuer?.hostname ?? '').toLowerCase();
  const origins = options?.origins ?? (issuer ? [issuer.origin, ...context.allowedOrigins] : []);
  if (!isDomain(id)) throw new RangeError(`passkeys.rpId must be a domain name such as example.com (got "${id}"): set it, or an issuer that is a URL`);
  if (origins.length === 0) throw new RangeError('passkeys.origins must name at least one origin');
  return { id, origins: [...new Set(origins.map((origin) => checkedOrigin(origin, id)))] };
}

function checkedOrigin(value: string, rpId: string): string {
  const url = parseUrl(value);
  if (!url || url.origin !== value.replace(/\/$/, '')) throw new RangeError(`passkeys.origins: "${value}" is not an origin such as https://app.example.com`);
  const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  // Browsers offer WebAuthn only in secure contexts: https, or http on localhost.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw new RangeError(`passkeys.origins: "${value}" must use https (http only on localhost)`);
  if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) throw new RangeError(`passkeys.origins: "${value}" is not on the RP ID ${rpId} or a subdomain of it`);
  return url.origin;
}

/** A host name with letters and dots (what WebAuthn accepts as an RP ID); no IP address, port or scheme. */
function isDomain(value: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(value) && !/^[\d.]+$/.test(value);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
