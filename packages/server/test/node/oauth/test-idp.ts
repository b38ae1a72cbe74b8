/**
 * A real OpenID provider (panva's oidc-provider) on loopback, for the social
 * sign-in tests: it logs in whichever account the test names next, and its
 * signing key is the test's own, so a test can re-sign a tampered ID token
 * with it (a valid signature over a wrong claim) or with a stranger's key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type JWK } from 'jose';
import Provider from 'oidc-provider';

export interface IdpAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
}

export interface TestIdp {
  issuer: string;
  /** The account the next login at the provider signs in as. */
  loginAs(account: IdpAccount): void;
  /** What the ID token endpoint answer is turned into before the server sees it (null: untouched). */
  tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** Re-sign tampered tokens with a key the provider never published. */
  signWithStrangerKey: boolean;
  /** The provider is down: every call the server makes fails like a refused connection. */
  down: boolean;
  /** The server's `fetch` for provider calls: the network, with `tamper` and `down` applied. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export const clients = {
  trusted: { client_id: 'latch-trusted', client_secret: 'trusted-secret-0123456789' },
  untrusted: { client_id: 'latch-untrusted', client_secret: 'untrusted-secret-0123456789' },
};

export async function startTestIdp(redirectUris: string[]): Promise<TestIdp> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: 'idp-key', alg: 'RS256', use: 'sig' } as JWK;
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const accounts = new Map<string, IdpAccount>();
  let next: IdpAccount | null = null;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: Object.values(clients).map((client) => ({
      ...client,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [privateJwk as never] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'name'] },
    // Scope claims in the ID token itself, as Google's are.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = next?.sub ?? 'nobody';
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  const idp: TestIdp = {
    issuer,
    loginAs(account) {
      accounts.set(account.sub, account);
      next = account;
    },
    tamper: null,
    signWithStrangerKey: false,
    down: false,
    fetch: async (input, init) => {
      if (idp.down) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!idp.tamper || !url.pathname.endsWith('/token')) return response;
      const body = (await response.json()) as { id_token?: string };
      if (!body.id_token) return Response.json(body, { status: response.status });
      const claims = idp.tamper(decodeJwt(body.id_token));
      const key = idp.signWithStrangerKey ? stranger.privateKey : privateKey;
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'idp-key' }).sign(key);
      return Response.json(body, { status: response.status, headers: { 'cache-control': 'no-store' } });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return idp;
}

/**
 * A browser at the provider: follows its redirects (keeping its cookies)
 * from the authorization URL until the provider sends it to the app's
 * callback page, and returns that URL.
 */
export async function visitProvider(authorizationUrl: string, callbackPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider stopped at ${url} with ${response.status}: ${(await response.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('Too many redirects at the provider');
}
