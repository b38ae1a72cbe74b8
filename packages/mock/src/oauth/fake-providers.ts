/**
 * A fake provider per preset, served in-process: the server core reaches
 * their discovery, token, userinfo and key endpoints through the `fetch` it
 * is given (never the network), and the browser's "authorization" step is
 * the app's consent page, which asks `consent()` (through the mock's
 * `/__mock/oauth/consent` route) where to go next. Codes are single use,
 * bound to the client, the redirect URI and the PKCE challenge, like a real
 * provider's; ID tokens are RS256-signed with the provider's own key.
 */
import type { OAuthPresetId } from '@latch/protocol';
import type { OAuthProviderConfig } from '@latch/server';
import { defaultMockIdentities, type MockOAuthIdentity } from './identities';
import { generateSigningKey, s256, signJwt, type SigningKey } from './jwt';

export const mockPresetIds: OAuthPresetId[] = ['google', 'github', 'microsoft', 'apple', 'discord', 'gitlab'];

const names: Record<OAuthPresetId, string> = { google: 'Google', github: 'GitHub', microsoft: 'Microsoft', apple: 'Apple', discord: 'Discord', gitlab: 'GitLab' };
const oidcPresets = new Set<OAuthPresetId>(['google', 'microsoft', 'apple', 'gitlab']);
const microsoftConsumerTenant = '9188040d-6c67-4c5b-b112-36a304b66dad';
const microsoftOrgTenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const codeLifetimeMs = 60_000;

interface IssuedCode {
  provider: OAuthPresetId;
  identity: MockOAuthIdentity;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  scope: string;
  expiresAt: number;
}

export interface ConsentInput {
  /** The consent page's query string (`location.search`) or its parameters. */
  query: string | Record<string, string>;
  decision: 'allow' | 'deny';
  /** One of the provider's identities… */
  identityId?: string;
  /** …or one made up on the page. */
  identity?: MockOAuthIdentity;
}

export interface FakeProviders {
  readonly providerIds: OAuthPresetId[];
  /** The server's provider configs, pointed at the fakes and the consent page. */
  configs(consentUrl: string): OAuthProviderConfig[];
  /** What the server core's provider calls go through. */
  fetch: typeof fetch;
  identities(provider: string): MockOAuthIdentity[];
  /** Where the browser goes after the consent page: the redirect URI with a code (or `error=access_denied`), and `state`. */
  consent(input: ConsentInput, postForm: (url: string, form: URLSearchParams) => Promise<string>): Promise<string>;
  /** Takes a provider's server calls (token, userinfo, keys, discovery) down (503) or back up: the "provider unreachable" state. */
  setReachable(provider: string, reachable: boolean): void;
  /** Forget issued codes and tokens (a backend reset). */
  reset(): void;
}

export function fakeOrigin(provider: string): string {
  return `https://${provider}.oauth.latch.mock`;
}

/**
 * The fake providers on their own, for a server you run yourself in tests:
 * `createLatchServer({ oauth: { providers: fakes.configs(consentUrl), callbackUrls, fetch: fakes.fetch } })`.
 */
export function createFakeProviders(options: { providers?: OAuthPresetId[]; identities?: MockOAuthIdentity[]; now: () => number }): FakeProviders {
  const providerIds = options.providers ?? mockPresetIds;
  const allIdentities = options.identities ?? defaultMockIdentities;
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, IssuedCode>();
  /** Apple sends the name once: identities that have consented before. */
  const appleSeen = new Set<string>();
  const keys = new Map<string, Promise<SigningKey>>();
  const keyOf = (provider: string) => {
    let key = keys.get(provider);
    if (!key) keys.set(provider, (key = generateSigningKey(`${provider}-mock-key`)));
    return key;
  };

  const identities = (provider: string) => allIdentities.filter((identity) => !identity.provider || identity.provider === provider);
  const clientIdOf = (provider: string) => `mock-${provider}-client`;
  const secretOf = (provider: string) => `mock-${provider}-secret`;

  function configs(consentUrl: string): OAuthProviderConfig[] {
    return providerIds.map((id): OAuthProviderConfig => {
      const origin = fakeOrigin(id);
      const authorization = `${consentUrl}${consentUrl.includes('?') ? '&' : '?'}provider=${id}`;
      const base = { id, clientId: clientIdOf(id), clientSecret: secretOf(id) };
      if (id === 'microsoft') {
        return {
          ...base,
          issuer: `${origin}/{tenantid}/v2.0`,
          endpoints: { authorization, token: `${origin}/token`, userinfo: `${origin}/userinfo`, jwks: `${origin}/jwks` },
        };
      }
      if (oidcPresets.has(id)) return { ...base, issuer: origin };
      return { ...base, endpoints: { authorization, token: `${origin}/token`, userinfo: `${origin}/user`, ...(id === 'github' ? { emails: `${origin}/user/emails` } : {}) } };
    });
  }

  function issuerOf(provider: OAuthPresetId, identity: MockOAuthIdentity): string {
    if (provider !== 'microsoft') return fakeOrigin(provider);
    return `${fakeOrigin(provider)}/${tenantOf(identity)}/v2.0`;
  }

  async function consent(input: ConsentInput, postForm: (url: string, form: URLSearchParams) => Promise<string>): Promise<string> {
    const query = new URLSearchParams(input.query);
    const provider = query.get('provider') as OAuthPresetId | null;
    const redirectUri = query.get('redirect_uri');
    const state = query.get('state') ?? '';
    if (!provider || !providerIds.includes(provider) || !redirectUri || query.get('client_id') !== clientIdOf(provider)) {
      throw new TypeError('Not an authorization request from this mock backend');
    }
    const answer = new URLSearchParams({ state });
    const identity = input.identity ?? identities(provider).find((candidate) => candidate.id === input.identityId);
    if (input.decision === 'deny' || !identity) {
      answer.set('error', 'access_denied');
    } else {
      const code = crypto.randomUUID();
      codes.set(code, {
        provider,
        identity,
        clientId: clientIdOf(provider),
        redirectUri,
        codeChallenge: query.get('code_challenge'),
        nonce: query.get('nonce'),
        scope: query.get('scope') ?? '',
        expiresAt: options.now() + codeLifetimeMs,
      });
      answer.set('code', code);
      if (provider === 'apple' && !appleSeen.has(identity.id)) {
        appleSeen.add(identity.id);
        answer.set('user', JSON.stringify({ name: { firstName: identity.firstName ?? '', lastName: identity.lastName ?? '' }, email: identity.email }));
      }
    }
    // Apple answers by POSTing a form to the redirect URI (the API's form_post route), which sends the browser on.
    if (query.get('response_mode') === 'form_post') return postForm(redirectUri, answer);
    answer.delete('user');
    const target = new URL(redirectUri);
    for (const [key, value] of answer) target.searchParams.set(key, value);
    return target.href;
  }

  async function token(provider: OAuthPresetId, form: URLSearchParams): Promise<Response> {
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    const fail = (error: string) => Response.json({ error }, { status: 400 });
    if (!issued || issued.provider !== provider || issued.expiresAt <= options.now()) return fail('invalid_grant');
    if (form.get('client_id') !== issued.clientId || form.get('client_secret') !== secretOf(provider)) return fail('invalid_client');
    if (form.get('redirect_uri') !== issued.redirectUri) return fail('invalid_grant');
    if (issued.codeChallenge && (await s256(form.get('code_verifier') ?? '')) !== issued.codeChallenge) return fail('invalid_grant');
    const accessToken = crypto.randomUUID();
    tokens.set(accessToken, issued);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: issued.scope };
    if (oidcPresets.has(provider)) body.id_token = await idToken(issued);
    return Response.json(body);
  }

  async function idToken(issued: IssuedCode): Promise<string> {
    const { identity, provider } = issued;
    const now = Math.floor(options.now() / 1000);
    return signJwt(await keyOf(provider), {
      iss: issuerOf(provider, identity),
      aud: issued.clientId,
      sub: identity.id,
      iat: now,
      exp: now + 600,
      ...(issued.nonce ? { nonce: issued.nonce } : {}),
      ...oidcClaims(provider, identity),
    });
  }

  async function userinfo(provider: OAuthPresetId, path: string, authorization: string | null): Promise<Response> {
    const issued = tokens.get(authorization?.replace(/^Bearer\s+/i, '') ?? '');
    if (!issued || issued.provider !== provider) return new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
    const { identity } = issued;
    const name = [identity.firstName, identity.lastName].filter(Boolean).join(' ') || null;
    if (provider === 'github' && path === '/user/emails') {
      return Response.json(identity.email ? [{ email: identity.email, primary: true, verified: identity.emailVerified, visibility: 'private' }] : []);
    }
    if (provider === 'github') return Response.json({ id: numericId(identity.id), login: identity.username ?? identity.id, name, email: null, avatar_url: identity.imageUrl ?? null });
    if (provider === 'discord') {
      return Response.json({ id: String(numericId(identity.id)), username: identity.username ?? identity.id, global_name: identity.firstName ?? null, email: identity.email, verified: identity.emailVerified, avatar: null });
    }
    return Response.json({ sub: identity.id, ...oidcClaims(provider, identity) });
  }

  async function discovery(provider: OAuthPresetId, consentUrl: string): Promise<Response> {
    const origin = fakeOrigin(provider);
    return Response.json({
      issuer: origin,
      authorization_endpoint: consentUrl,
      token_endpoint: `${origin}/token`,
      userinfo_endpoint: `${origin}/userinfo`,
      jwks_uri: `${origin}/jwks`,
      response_types_supported: ['code'],
      response_modes_supported: provider === 'apple' ? ['query', 'form_post'] : ['query'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_post'],
    });
  }

  let consentUrlForDiscovery = '';
  const down = new Set<string>();
  const fakeFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const provider = /^([a-z]+)\.oauth\.latch\.mock$/.exec(url.hostname)?.[1] as OAuthPresetId | undefined;
    if (!provider || !providerIds.includes(provider)) throw new TypeError(`fetch failed: ${url.origin} is not a mock provider`);
    if (down.has(provider)) return new Response(null, { status: 503 });
    const path = url.pathname;
    if (path === '/.well-known/openid-configuration') return discovery(provider, `${consentUrlForDiscovery}${consentUrlForDiscovery.includes('?') ? '&' : '?'}provider=${provider}`);
    if (path === '/jwks') return Response.json({ keys: [(await keyOf(provider)).publicJwk] });
    if (path === '/token' && request.method === 'POST') return token(provider, new URLSearchParams(await request.text()));
    if (path === '/userinfo' || path === '/user' || path === '/user/emails') return userinfo(provider, path, request.headers.get('authorization'));
    return new Response(null, { status: 404 });
  };

  return {
    providerIds,
    configs(consentUrl) {
      consentUrlForDiscovery = consentUrl;
      return configs(consentUrl);
    },
    fetch: fakeFetch,
    identities,
    consent,
    setReachable(provider, reachable) {
      if (reachable) down.delete(provider);
      else down.add(provider);
    },
    reset() {
      codes.clear();
      tokens.clear();
      down.clear();
      appleSeen.clear();
    },
  };
}

function oidcClaims(provider: OAuthPresetId, identity: MockOAuthIdentity): Record<string, unknown> {
  const name = [identity.firstName, identity.lastName].filter(Boolean).join(' ') || undefined;
  const claims: Record<string, unknown> = {};
  if (identity.email) {
    claims.email = identity.email;
    // Apple sends it as a string; Microsoft does not send it at all.
    if (provider === 'apple') claims.email_verified = identity.emailVerified ? 'true' : 'false';
    else if (provider !== 'microsoft') claims.email_verified = identity.emailVerified;
  }
  if (provider === 'microsoft') claims.tid = tenantOf(identity);
  if (provider !== 'apple') {
    if (name) claims.name = name;
    if (identity.firstName) claims.given_name = identity.firstName;
    if (identity.lastName) claims.family_name = identity.lastName;
    if (identity.imageUrl) claims.picture = identity.imageUrl;
    if (identity.username) claims.preferred_username = identity.username;
  }
  return claims;
}

/** Personal Microsoft accounts (its own domains, verified) live in the consumer tenant; the rest in an organisation's. */
function tenantOf(identity: MockOAuthIdentity): string {
  const domain = identity.email?.split('@')[1]?.toLowerCase() ?? '';
  return identity.emailVerified && ['outlook.com', 'hotmail.com', 'live.com'].includes(domain) ? microsoftConsumerTenant : microsoftOrgTenant;
}

/** GitHub and Discord ids are numbers: a stable one per identity id. */
function numericId(id: string): number {
  let hash = 7;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 2_147_483_647;
  return hash;
}

export { names as mockProviderNames };
