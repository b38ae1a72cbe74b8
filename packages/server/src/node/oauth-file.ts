import type { OAuthOptions, OAuthProviderConfig } from '../core/oauth/config';
import { readJsonSetting, type RawSetting } from './config-values';

type Env = Record<string, string | undefined>;

/**
 * Reads `--oauth`: a JSON file of social sign-in providers and the app pages
 * they may return to, e.g.
 * `{ "callbackUrls": ["https://app.example.com/sign-in/sso-callback"],
 *    "providers": [{ "id": "google", "clientId": "…", "clientSecret": "env:GOOGLE_CLIENT_SECRET" }] }`.
 * A secret written `env:NAME` is read from that environment variable, so the
 * file itself can be committed. Checked by `createLatchServer` for the rest.
 */
export function readOAuthFile(setting: RawSetting, env: Env): OAuthOptions {
  const { json, problem } = readJsonSetting(setting);
  const file = json as { callbackUrls?: unknown; providers?: unknown; timeoutMs?: unknown };
  if (!Array.isArray(file.callbackUrls) || !file.callbackUrls.every((url) => typeof url === 'string')) throw problem('"callbackUrls" must be an array of URLs');
  if (!Array.isArray(file.providers)) throw problem('"providers" must be an array');
  const providers = file.providers.map((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null) throw problem(`providers[${index}] must be an object`);
    const provider = { ...(raw as Record<string, unknown>) };
    for (const key of ['clientSecret', 'clientId'] as const) {
      const value = provider[key];
      if (typeof value === 'string' && value.startsWith('env:')) {
        const name = value.slice('env:'.length);
        if (!env[name]) throw problem(`providers[${index}].${key} names the environment variable ${name}, which is not set`);
        provider[key] = env[name];
      }
    }
    const apple = provider.apple as { privateKeyPem?: unknown } | undefined;
    if (apple && typeof apple.privateKeyPem === 'string' && apple.privateKeyPem.startsWith('env:')) {
      const name = apple.privateKeyPem.slice('env:'.length);
      if (!env[name]) throw problem(`providers[${index}].apple.privateKeyPem names ${name}, which is not set`);
      provider.apple = { ...apple, privateKeyPem: env[name] };
    }
    return provider as unknown as OAuthProviderConfig;
  });
  return { callbackUrls: file.callbackUrls as string[], providers, ...(typeof file.timeoutMs === 'number' ? { timeoutMs: file.timeoutMs } : {}) };
}
