/**
 * Social sign-in configuration: the providers (with their secrets, which
 * never leave the server), the app pages a provider may return to, and the
 * HTTP the provider calls go through.
 */
import type { OAuthPresetId, OAuthProviderJSON } from '@latch/protocol';
import { isPresetId, oidcProfile, presets, type Claims, type MappedProfile, type ProviderDefinition, type StaticEndpoints } from './presets';
import { isLocalHost } from '../local-host';

/** Field names of a plain OAuth 2.0 provider's userinfo JSON, for configs that cannot hold a function (the config file). */
export interface ProfileFieldMap {
  id: string;
  email?: string;
  /** A boolean field; without one, emails from this provider count as unverified. */
  emailVerified?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  imageUrl?: string;
}

interface CommonProviderConfig {
  /** `google`, …, or your own id for a custom provider; the strategy is `oauth_<id>`. Letters, digits, `_` and `-`. */
  id: string;
  clientId: string;
  /** Kept on the server; never sent anywhere but the provider's token endpoint. */
  clientSecret?: string;
  /** Replaces the preset's scopes. */
  scopes?: string[];
  /** Offered on the sign-in form; default true. */
  signIn?: boolean;
  /** Offered on the sign-up form, and an unknown account signs up; default true. */
  signUp?: boolean;
  /** Button label; presets have their brand name. */
  name?: string;
  /** Button image for a custom provider. */
  iconUrl?: string;
  /**
   * May a verified email from this provider link to an existing account with
   * that email without the account proving itself first? Default: the
   * preset's rule (Google, Apple, Microsoft's own domains); false for custom providers.
   */
  trustEmail?: boolean;
}

/** A built-in provider; `preset` defaults to `id`. */
export interface PresetProviderConfig extends CommonProviderConfig {
  preset?: OAuthPresetId;
  /**
   * Apple only, instead of `clientSecret`: the Sign in with Apple key, from
   * which the server makes the client-secret JWT itself (ES256, 5 minutes).
   */
  apple?: { teamId: string; keyId: string; privateKeyPem: string };
  /** Another issuer for an OIDC preset, e.g. a self-managed GitLab (`https://gitlab.example.com`). */
  issuer?: string;
  /** Other endpoints for a preset, e.g. GitHub Enterprise Server's. */
  endpoints?: Partial<StaticEndpoints> & { emails?: string };
}

/** Any OpenID Connect provider, found by discovery from its issuer URL. */
export interface OidcProviderConfig extends CommonProviderConfig {
  preset: 'oidc';
  issuer: string;
}

/** A plain OAuth 2.0 provider: its URLs, and how its userinfo JSON maps onto a profile. */
export interface OAuth2ProviderConfig extends CommonProviderConfig {
  preset: 'oauth2';
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  profile: ProfileFieldMap | ((userinfo: Claims) => MappedProfile);
}

export type OAuthProviderConfig = PresetProviderConfig | OidcProviderConfig | OAuth2ProviderConfig;

export interface OAuthOptions {
  providers: OAuthProviderConfig[];
  /**
   * The app pages a provider may send the browser back to (the components'
   * `sso-callback` route, your own callback page): exact URLs (query and
   * fragment ignored), or an origin (`https://app.example.com`) for any page
   * on it. Register the same URLs at each provider. Required: nothing is
   * allowed by default. https only (the provider's code travels in the
   * URL), except plain http on localhost for development.
   */
  callbackUrls: string[];
  /**
   * Accept plain http callback URLs on any host. Only for the in-browser
   * mock, whose fake providers never leave the page (a phone testing the
   * dev server over the LAN); a real provider's code must not cross a
   * network in the clear.
   */
  allowHttpCallbacks?: boolean;
  /** The HTTP client for provider calls (discovery, token, userinfo, JWKS); default the global `fetch`. The mock injects its fake providers here. */
  fetch?: typeof fetch;
  /** Each provider call is abandoned after this long and answered 503 `oauth_provider_unavailable`; default 10 s. */
  timeoutMs?: number;
}

/** A provider ready to use: its definition with this instance's client and choices. */
export interface ResolvedProvider {
  id: string;
  definition: ProviderDefinition;
  icon: OAuthPresetId | null;
  iconUrl: string | null;
  clientId: string;
  clientSecret: string | null;
  apple: PresetProviderConfig['apple'] | null;
  scopes: string[];
  signIn: boolean;
  signUp: boolean;
}

export interface ResolvedOAuth {
  providers: Map<string, ResolvedProvider>;
  callbackUrls: string[];
  fetch: typeof fetch;
  timeoutMs: number;
}

const providerIdShape = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** Checks the config at start-up, so a bad one fails there rather than at someone's sign-in. */
export function resolveOAuth(options: OAuthOptions | undefined): ResolvedOAuth | null {
  if (!options) return null;
  const providers = new Map<string, ResolvedProvider>();
  for (const config of options.providers) {
    if (!providerIdShape.test(config.id)) throw new TypeError(`oauth provider id "${config.id}": use lowercase letters, digits, "_" and "-"`);
    if (providers.has(config.id)) throw new TypeError(`oauth provider "${config.id}" is configured twice`);
    if (!config.clientId) throw new TypeError(`oauth provider "${config.id}" needs a clientId`);
    providers.set(config.id, resolveProvider(config));
  }
  for (const url of options.callbackUrls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new TypeError(`oauth callbackUrls: "${url}" is not an http(s) URL`);
    // The provider's code travels in that URL: over plain http, anyone on the way reads it.
    const { protocol, hostname } = new URL(url);
    if (protocol === 'http:' && !isLocalHost(hostname) && !options.allowHttpCallbacks) throw new TypeError(`oauth callbackUrls: "${url}" must use https (plain http only on localhost)`);
  }
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return { providers, callbackUrls: options.callbackUrls, fetch: fetchImpl, timeoutMs: options.timeoutMs ?? 10_000 };
}

function resolveProvider(config: OAuthProviderConfig): ResolvedProvider {
  const definition = definitionOf(config);
  const trust = config.trustEmail;
  return {
    id: config.id,
    definition: trust === undefined ? definition : { ...definition, trustsEmail: (profile) => trust && profile.emailVerified },
    icon: config.preset === 'oidc' || config.preset === 'oauth2' ? null : (config.preset ?? (config.id as OAuthPresetId)),
    iconUrl: config.iconUrl ?? null,
    clientId: config.clientId,
    clientSecret: config.clientSecret ?? null,
    apple: ('apple' in config && config.apple) || null,
    scopes: config.scopes ?? definition.scopes,
    signIn: config.signIn ?? true,
    signUp: config.signUp ?? true,
  };
}

function definitionOf(config: OAuthProviderConfig): ProviderDefinition {
  const name = config.name ?? config.id;
  if (config.preset === 'oidc') {
    return { name, protocol: 'oidc', issuer: config.issuer, scopes: ['openid', 'email', 'profile'], profile: oidcProfile, trustsEmail: () => false };
  }
  if (config.preset === 'oauth2') {
    const { profile } = config;
    return {
      name,
      protocol: 'oauth2',
      endpoints: { authorization: config.authorizationUrl, token: config.tokenUrl, userinfo: config.userinfoUrl },
      scopes: [],
      profile: typeof profile === 'function' ? (claims) => profile(claims) : (claims) => mapFields(profile, claims),
      trustsEmail: () => false,
    };
  }
  const preset = config.preset ?? config.id;
  if (!isPresetId(preset)) throw new TypeError(`oauth provider "${config.id}": unknown preset; use one of ${Object.keys(presets).join(', ')}, "oidc" or "oauth2"`);
  const definition = { ...presets[preset], ...(config.name ? { name: config.name } : {}) };
  const { issuer, endpoints } = config as PresetProviderConfig;
  if (issuer) definition.issuer = issuer;
  if (endpoints) {
    const { emails, ...rest } = endpoints;
    if (emails) definition.emailsUrl = emails;
    if (definition.endpoints || (rest.authorization && rest.token)) definition.endpoints = { ...definition.endpoints!, ...rest };
  }
  return definition;
}

function mapFields(map: ProfileFieldMap, claims: Claims): MappedProfile {
  const read = (field: string | undefined) => {
    const value = field ? claims[field] : undefined;
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
  };
  const email = read(map.email);
  return {
    providerUserId: read(map.id) ?? '',
    emailAddress: email,
    emailVerified: email !== null && map.emailVerified !== undefined && claims[map.emailVerified] === true,
    firstName: read(map.firstName),
    lastName: read(map.lastName),
    username: read(map.username),
    imageUrl: read(map.imageUrl),
  };
}

/** The environment's provider list: what the buttons need, nothing secret. */
export function providerList(oauth: ResolvedOAuth | null): OAuthProviderJSON[] {
  return [...(oauth?.providers.values() ?? [])]
    .filter((provider) => provider.signIn || provider.signUp)
    .map((provider) => ({
      id: provider.id,
      strategy: `oauth_${provider.id}` as const,
      name: provider.definition.name,
      icon: provider.icon,
      iconUrl: provider.iconUrl,
      signIn: provider.signIn,
      signUp: provider.signUp,
    }));
}

/**
 * Whether the provider may send the browser back to `url`: an http(s) URL
 * equal to an allowed one (query and fragment aside), or on an allowed origin.
 */
export function isAllowedCallbackUrl(oauth: ResolvedOAuth, url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) return false;
  const bare = `${parsed.origin}${parsed.pathname}`;
  return oauth.callbackUrls.some((allowed) => {
    const entry = new URL(allowed);
    const isOrigin = entry.pathname === '/' && !allowed.replace(/\/$/, '').slice(entry.origin.length);
    return isOrigin ? entry.origin === parsed.origin : `${entry.origin}${entry.pathname}` === bare;
  });
}
