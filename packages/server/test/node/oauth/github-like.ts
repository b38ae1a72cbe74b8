/**
 * A plain OAuth 2.0 provider shaped like GitHub, on loopback: no OIDC, no
 * ID token; `/user` and `/user/emails` say who the account is. Codes are
 * single use and bound to the client, redirect URI and PKCE challenge.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GithubAccount {
  id: number;
  login: string;
  name: string;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

export const githubClient = { clientId: 'gh-client-id', clientSecret: 'gh-client-secret-0123456789' };

export async function startGithubLike() {
  let next: GithubAccount | null = null;
  const codes = new Map<string, { account: GithubAccount; redirectUri: string; challenge: string }>();
  const tokens = new Map<string, GithubAccount>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/login/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri')!);
      const code = randomUUID();
      codes.set(code, { account: next!, redirectUri: redirect.href, challenge: url.searchParams.get('code_challenge') ?? '' });
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: redirect.href });
      return void res.end();
    }
    if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        // GitHub answers a bad code with 200 and an error in the body.
        if (!issued || form.get('client_secret') !== githubClient.clientSecret || form.get('redirect_uri') !== issued.redirectUri || verifier !== issued.challenge) {
          return json(200, { error: 'bad_verification_code' });
        }
        const token = randomUUID();
        tokens.set(token, issued.account);
        json(200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
      });
      return;
    }
    const account = tokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '');
    if (!account) return json(401, { message: 'Bad credentials' });
    if (url.pathname === '/user') return json(200, { id: account.id, login: account.login, name: account.name, email: null, avatar_url: null });
    if (url.pathname === '/user/emails') return json(200, account.emails);
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    loginAs(account: GithubAccount) {
      next = account;
    },
    /** The server's provider config: the GitHub preset pointed at this server. */
    config: {
      id: 'github',
      ...githubClient,
      endpoints: {
        authorization: `${origin}/login/oauth/authorize`,
        token: `${origin}/login/oauth/access_token`,
        userinfo: `${origin}/user`,
        emails: `${origin}/user/emails`,
      },
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
