/**
 * localhost, a `.localhost` name, 127.x.x.x or [::1]: this machine. Plain
 * http is accepted only there (development and tests), for webhook
 * endpoints, providers' endpoints and social sign-in's callback pages.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
