/**
 * The provider calls, on oauth4webapi: the authorization URL, the code
 * exchange with PKCE, ID token validation (issuer, audience, expiry, nonce
 * by oauth4webapi; the signature against the provider's JWKS here), and
 * userinfo. Every call goes through the configured `fetch` with a timeout;
 * a provider that is down, slow or failing answers 503
 * `oauth_provider_unavailable`, anything it refuses `oauth_callback_invalid`.
 */
import * as oauth from 'oauth4webapi';
import { createLocalJWKSet, decodeJwt, importPKCS8, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { ApiFailure, fail } from '../errors';
import { base64UrlEncode } from '../crypto/random';
import type { ResolvedOAuth, ResolvedProvider } from './config';
import type { Claims, MappedProfile } from './presets';
import { isLocalHost } from '../local-host';

/** How long a provider's discovery document and keys are reused. */
const metadataTtlMs = 10 * 60 * 1000;
const retryAfterSeconds = 5;

/**
 * RFC 7636 S256, as `oauth.calculatePKCECodeChallenge` computes it, without
 * its `instanceof ArrayBuffer` check, which fails across realms (the mock's
 * server core in a jsdom test gets Node's ArrayBuffer from WebCrypto).
 */
async function pkceChallenge(verifier: string): Promise<string> {
  return base64UrlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

interface Cached<T> {
  value: Promise<T>;
  at: number;
}

/** One per server: discovery documents and JWKS by provider, reused for `metadataTtlMs`. */
export class ProviderClient {
  private readonly metadata = new Map<string, Cached<oauth.AuthorizationServer>>();
  private readonly keys = new Map<string, Cached<JSONWebKeySet>>();

  constructor(
    private readonly oauthConfig: ResolvedOAuth,
    private readonly now: () => number,
  ) {}

  /** The URL to send the browser to. */
  async authorizationUrl(provider: ResolvedProvider, params: { redirectUri: string; state: string; nonce: string; codeVerifier: string }): Promise<string> {
    const as = await this.server(provider);
    if (!as.authorization_endpoint) throw unavailable(new Error('no authorization_endpoint'));
    const url = new URL(as.authorization_endpoint);
    const oidc = provider.definition.protocol === 'oidc';
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', provider.clientId);
    url.searchParams.set('redirect_uri', params.redirectUri);
    url.searchParams.set('scope', provider.scopes.join(' '));
    url.searchParams.set('state', params.state);
    url.searchParams.set('code_challenge', await pkceChallenge(params.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    if (oidc) url.searchParams.set('nonce', params.nonce);
    if (provider.definition.responseMode) url.searchParams.set('response_mode', provider.definition.responseMode);
    return url.href;
  }

  /**
   * Exchanges the code (with the PKCE verifier) and reads who the account
   * is: the validated ID token's claims for OIDC (plus userinfo when the
   * token lacks an email), the userinfo JSON for plain OAuth.
   */
  async exchange(
    provider: ResolvedProvider,
    input: { params: URLSearchParams; redirectUri: string; codeVerifier: string; nonce: string },
  ): Promise<{ claims: Claims; scopes: string; emails?: unknown }> {
    const as = await this.server(provider);
    const client: oauth.Client = { client_id: provider.clientId };
    const options = this.requestOptions(provider);
    const callback = guard(() => oauth.validateAuthResponse(as, client, input.params, oauth.skipStateCheck));
    const auth = await this.clientAuth(provider, as);
    const response = await this.call(() => oauth.authorizationCodeGrantRequest(as, client, auth, callback, input.redirectUri, input.codeVerifier, options));
    if (provider.definition.protocol === 'oidc') {
      // Microsoft's common endpoint: the issuer to expect is the token's own tenant's.
      const tenantAs = await this.tenantServer(as, response);
      const result = await this.call(() => oauth.processAuthorizationCodeResponse(tenantAs, client, response, { expectedNonce: input.nonce, requireIdToken: true }));
      const claims = oauth.getValidatedIdTokenClaims(result) as Claims;
      await this.verifySignature(provider, tenantAs, result.id_token!);
      const merged = claims.email || !tenantAs.userinfo_endpoint ? claims : { ...(await this.userinfo(provider, tenantAs, result.access_token, String(claims.sub))), ...claims };
      return { claims: merged, scopes: result.scope ?? provider.scopes.join(' ') };
    }
    const result = await this.call(() => oauth.processAuthorizationCodeResponse(as, client, response));
    const claims = await this.userinfo(provider, as, result.access_token, null);
    const emails = provider.definition.emailsUrl ? await this.getJson(provider.definition.emailsUrl, result.access_token) : undefined;
    return { claims, scopes: result.scope ?? provider.scopes.join(' '), emails };
  }

  private async userinfo(provider: ResolvedProvider, as: oauth.AuthorizationServer, accessToken: string, subject: string | null): Promise<Claims> {
    if (!as.userinfo_endpoint) throw invalid(new Error(`${provider.id}: no userinfo endpoint`));
    if (provider.definition.protocol === 'oauth2') return (await this.getJson(as.userinfo_endpoint, accessToken)) as Claims;
    const client: oauth.Client = { client_id: provider.clientId };
    const response = await this.call(() => oauth.userInfoRequest(as, client, accessToken, this.requestOptions(provider)));
    return (await this.call(() => oauth.processUserInfoResponse(as, client, subject ?? oauth.skipSubjectCheck, response))) as Claims;
  }

  /** A plain OAuth provider's JSON API (GitHub's `/user`, Discord's `/users/@me`). */
  private async getJson(url: string, accessToken: string): Promise<unknown> {
    const response = await this.call(() =>
      this.oauthConfig.fetch(url, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', 'user-agent': 'latch' },
        signal: AbortSignal.timeout(this.oauthConfig.timeoutMs),
      }),
    );
    if (response.status >= 500) throw unavailable(new Error(`${url}: ${response.status}`));
    if (!response.ok) throw invalid(new Error(`${url}: ${response.status}`));
    return this.call(() => response.json());
  }

  /** The ID token's signature, against the provider's published keys (fetched again once for an unknown `kid`). */
  private async verifySignature(provider: ResolvedProvider, as: oauth.AuthorizationServer, idToken: string): Promise<void> {
    if (!as.jwks_uri) throw invalid(new Error(`${provider.id}: no jwks_uri`));
    const verify = async (jwks: JSONWebKeySet) => jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: as.issuer, audience: provider.clientId, clockTolerance: 5 });
    try {
      await verify(await this.jwks(provider, as.jwks_uri, false));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw invalid(error);
      await verify(await this.jwks(provider, as.jwks_uri, true)).catch((retry: unknown) => {
        throw invalid(retry);
      });
    }
  }

  private jwks(provider: ResolvedProvider, uri: string, refresh: boolean): Promise<JSONWebKeySet> {
    return this.cached(this.keys, provider.id, refresh, async () => {
      const response = await this.call(() => this.oauthConfig.fetch(uri, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.oauthConfig.timeoutMs) }));
      if (!response.ok) throw unavailable(new Error(`${uri}: ${response.status}`));
      return (await this.call(() => response.json())) as JSONWebKeySet;
    });
  }

  /** The provider's authorization server metadata: by discovery from its issuer, or the preset's fixed endpoints. */
  server(provider: ResolvedProvider): Promise<oauth.AuthorizationServer> {
    const { definition } = provider;
    const endpoints = definition.endpoints;
    if (endpoints) {
      return Promise.resolve({
        issuer: definition.issuer ?? new URL(endpoints.authorization).origin,
        authorization_endpoint: endpoints.authorization,
        token_endpoint: endpoints.token,
        userinfo_endpoint: endpoints.userinfo,
        jwks_uri: endpoints.jwks,
      });
    }
    return this.cached(this.metadata, provider.id, false, async () => {
      const issuer = new URL(definition.issuer!);
      const response = await this.call(() => oauth.discoveryRequest(issuer, { ...this.requestOptions(provider), algorithm: 'oidc' }));
      return this.call(() => oauth.processDiscoveryResponse(issuer, response));
    });
  }

  private async tenantServer(as: oauth.AuthorizationServer, response: Response): Promise<oauth.AuthorizationServer> {
    if (!as.issuer.includes('{tenantid}')) return as;
    const body = (await response.clone().json().catch(() => null)) as { id_token?: unknown } | null;
    let tid: unknown;
    try {
      tid = typeof body?.id_token === 'string' ? decodeJwt(body.id_token).tid : undefined;
    } catch {
      tid = undefined;
    }
    // A tenant id is a GUID; anything else cannot name an issuer.
    if (typeof tid !== 'string' || !/^[0-9a-f-]{36}$/i.test(tid)) throw invalid(new Error('ID token without a tenant id'));
    return { ...as, issuer: as.issuer.replace('{tenantid}', tid) };
  }

  private async clientAuth(provider: ResolvedProvider, as: oauth.AuthorizationServer): Promise<oauth.ClientAuth> {
    const secret = provider.apple ? await appleClientSecret(provider, this.now()) : provider.clientSecret;
    if (secret === null) return oauth.None();
    return provider.definition.clientAuth === 'client_secret_basic' || (!provider.definition.clientAuth && prefersBasic(as))
      ? oauth.ClientSecretBasic(secret)
      : oauth.ClientSecretPost(secret);
  }

  private requestOptions(provider: ResolvedProvider) {
    return {
      [oauth.customFetch]: this.oauthConfig.fetch,
      signal: AbortSignal.timeout(this.oauthConfig.timeoutMs),
      // Plain http only to a provider on this machine (tests, a local IdP); any other must be https.
      [oauth.allowInsecureRequests]: isLoopback(provider.definition.issuer ?? provider.definition.endpoints?.token),
    };
  }

  /** Runs a provider step, sorting what went wrong into "unreachable" (503) and "refused" (422). */
  private async call<T>(step: () => Promise<T> | T): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw classify(error);
    }
  }

  private cached<T>(map: Map<string, Cached<T>>, key: string, refresh: boolean, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && !refresh && this.now() - hit.at < metadataTtlMs) return hit.value;
    const value = load();
    map.set(key, { value, at: this.now() });
    // A failure is not kept: the next attempt asks again.
    value.catch(() => {
      if (map.get(key)?.value === value) map.delete(key);
    });
    return value;
  }
}

/** `client_secret_basic` when the provider says it takes nothing else. */
function prefersBasic(as: oauth.AuthorizationServer): boolean {
  const methods = as.token_endpoint_auth_methods_supported;
  return Array.isArray(methods) && methods.includes('client_secret_basic') && !methods.includes('client_secret_post');
}

/** Sign in with Apple's client secret: a short ES256 JWT signed with the team's key. */
async function appleClientSecret(provider: ResolvedProvider, now: number): Promise<string> {
  const { teamId, keyId, privateKeyPem } = provider.apple!;
  const iat = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: keyId })
    .setIssuer(teamId)
    .setSubject(provider.clientId)
    .setAudience('https://appleid.apple.com')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(await importPKCS8(privateKeyPem, 'ES256'));
}

function isLoopback(url: string | undefined): boolean {
  return !!url && URL.canParse(url) && isLocalHost(new URL(url).hostname);
}

function guard<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw classify(error);
  }
}

/** The provider is down or slow: 503 with Retry-After. The cause stays in the server (it may name internal hosts). */
function unavailable(cause: unknown): ApiFailure {
  return Object.assign(fail('oauth_provider_unavailable', { retryAfterSeconds }), { cause });
}

/** The provider refused, or its answer failed a check: 422. */
function invalid(cause: unknown): ApiFailure {
  return Object.assign(fail('oauth_callback_invalid'), { cause });
}

/**
 * Network errors, timeouts and provider 5xx are the provider being down; an
 * OAuth error answer or a token that fails validation is a refusal.
 */
function classify(error: unknown): unknown {
  if (error instanceof ApiFailure) return error;
  if (error instanceof oauth.AuthorizationResponseError) return fail('oauth_access_denied');
  if (error instanceof oauth.ResponseBodyError) return error.status >= 500 ? unavailable(error) : invalid(error);
  if (error instanceof oauth.WWWAuthenticateChallengeError) return error.status >= 500 ? unavailable(error) : invalid(error);
  if (error instanceof oauth.OperationProcessingError) {
    const status = (error.cause as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 500) return unavailable(error);
    return invalid(error);
  }
  if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) return unavailable(error);
  return invalid(error);
}

export type { MappedProfile };
