/**
 * Which URLs may receive webhooks. The server makes requests to whatever an
 * admin configures, so it refuses the obvious ways to aim it at itself or its
 * network (SSRF): plain http (except to this machine in development and
 * tests), credentials in the URL, and hosts that are literal loopback,
 * private, link-local or unspecified addresses, or `localhost`. A hostname
 * that *resolves* to such an address is not caught here (the core cannot
 * resolve names): run the service where it cannot reach internal endpoints,
 * or send its outbound traffic through an egress proxy.
 */
import { fail } from '../errors';
import { isLocalHost } from '../local-host';

export interface EndpointUrlPolicy {
  /** Development and tests: http:// to localhost, 127.0.0.1 or [::1] is allowed (and only there). */
  allowLocalhost: boolean;
}

export function checkEndpointUrl(value: string, policy: EndpointUrlPolicy): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('The webhook URL is not a valid absolute URL.');
  }
  if (url.username || url.password) throw invalid('The webhook URL must not carry a user name or password.');
  const local = isLocalHost(url.hostname);
  if (local) {
    if (!policy.allowLocalhost) throw invalid('Webhooks cannot go to this machine or a private network outside development mode.');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('The webhook URL must be https.');
  } else {
    if (url.protocol !== 'https:') throw invalid('The webhook URL must be https (http only to localhost in development).');
    if (isPrivateAddress(url.hostname)) throw invalid('Webhooks cannot go to a private, loopback or link-local address.');
  }
  url.hash = '';
  return url.href;
}

function invalid(message: string) {
  return fail('form_param_format_invalid', { paramName: 'url', message });
}

function isPrivateAddress(hostname: string): boolean {
  const host = hostname.toLowerCase();
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:');
  }
  return false;
}
