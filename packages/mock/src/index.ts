import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { ApiErrorResponse, OAuthPresetId } from '@latch/protocol';
import { createFakeProviders, mockProviderNames, type ConsentInput, type FakeProviders } from './oauth/fake-providers';
import type { MockOAuthIdentity } from './oauth/identities';
import {
  createLatchServer,
  devOnlyFastHashing,
  MemoryStore,
  preloadCommonPasswords,
  preloadPasskeyVerification,
  type AdminUserInput,
  type DeepPartial,
  type InstanceSettings,
  type LatchServer,
  type OutgoingEmail,
  type PasskeyOptions,
} from '@latch/server';

/** A fixture account; the password is stored hashed like any other. */
export type MockUser = AdminUserInput;

export interface MockBackendOptions {
  /** The frontend API origin to intercept; default `https://latch.mock`. */
  url?: string;
  users?: MockUser[];
  settings?: DeepPartial<InstanceSettings>;
  /** Clock in milliseconds, e.g. to expire codes in a test. */
  now?: () => number;
  /** Delay before every response, to see loading states. */
  latencyMs?: number;
  /** Extra session-token claims, e.g. `{ role: '{{user.publicMetadata.role}}' }`, for `has()` and `<Protect role>`. */
  sessionClaims?: Record<string, unknown>;
  /**
   * Passkeys' relying party (with `settings: { firstFactors: { passkey: true } }`).
   * Default: the page's own origin and host, so the browser's real WebAuthn
   * (or Chromium's virtual authenticator) works in Storybook, the offline
   * playground and tests: the server core verifies what the browser signed.
   */
  passkeys?: PasskeyOptions;
  /** Social sign-in with fake providers; off unless given (`oauth: {}` turns on every preset). */
  oauth?: MockOAuthOptions;
}

/**
 * The mock's fake providers. Their "authorization page" is `consentUrl`, an
 * app page (a service worker never sees navigations) that lists
 * `GET <url>/__mock/oauth/identities?provider=<id>` and POSTs the choice to
 * `<url>/__mock/oauth/consent` (`{ query: location.search, decision, identityId | identity }`),
 * which answers `{ redirectUrl }`: the callback page, with a code or `error=access_denied`.
 */
export interface MockOAuthOptions {
  /** Which presets to offer, in button order; default all six. */
  providers?: OAuthPresetId[];
  /** Fake accounts to pick from; default `defaultMockIdentities` (verified, unverified, no email). */
  identities?: MockOAuthIdentity[];
  /** The consent page; default `/mock-oauth-consent` on the page's origin (http://localhost:3000 outside a browser). */
  consentUrl?: string;
  /** App pages the providers may return to (see `OAuthOptions.callbackUrls`); default the page's origin. */
  callbackUrls?: string[];
  /** Per provider, whether it is offered on sign-in and on sign-up; default both. */
  signIn?: boolean;
  signUp?: boolean;
}

/**
 * Forced failures, for stories and tests of error handling:
 * - `'network-error'`: every request fails as if the network were down (`fetch` rejects).
 * - `'server-error'`: every request gets a 503 with an `internal_error` body.
 * - `'slow'`: every request waits 2 seconds, then is answered normally.
 */
export type MockScenario = 'network-error' | 'server-error' | 'slow';

export interface MockBackend {
  readonly url: string;
  /** MSW handlers: pass them to `setupServer` (Node) or `setupWorker` (browser). */
  readonly handlers: RequestHandler[];
  /** Every email the backend "sent", oldest first. The same array for the backend's whole life. */
  readonly outbox: OutgoingEmail[];
  /** The server core currently answering; a new one after each `reset()`. */
  readonly server: LatchServer;
  /** Settles once the fixture users exist; requests wait for it on their own. */
  readonly ready: Promise<void>;
  /** The code in the latest email to `address` (any case), if one was sent. */
  latestCode(address: string): string | undefined;
  /** The email link (the app's verify page with `?latch_link=…`) in the latest email to `address` that carried one. */
  latestLink(address: string): string | undefined;
  /** Back to the initial state: a fresh store with the fixtures, an empty outbox, no scenario. */
  reset(): Promise<void>;
  scenario(name: MockScenario | null): void;
  /** With `oauth`: the fake providers' identities, and the consent step as the page would take it (for tests). */
  readonly oauth: {
    identities(provider: string): MockOAuthIdentity[];
    consent(input: ConsentInput): Promise<string>;
    /** Takes a provider's server down (every call 503, as an outage) or back up; a reset brings all back. */
    setReachable(provider: string, reachable: boolean): void;
  } | null;
}

const slowScenarioMs = 2_000;

/**
 * The real Latch server core on an in-memory store, served by MSW. Each
 * backend keeps all of its state in this closure, so any number of them can
 * run side by side. Passwords use `devOnlyFastHashing`: fine for fixtures,
 * never for real accounts.
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const url = (options.url ?? 'https://latch.mock').replace(/\/+$/, '');
  const outbox: OutgoingEmail[] = [];
  let activeScenario: MockScenario | null = null;

  const pageOrigin = (globalThis as { location?: { origin?: string } }).location?.origin ?? 'http://localhost:3000';
  const fakes: FakeProviders | null = options.oauth ? createFakeProviders({ ...options.oauth, now: options.now ?? Date.now }) : null;
  const oauthOptions = () => {
    if (!fakes || !options.oauth) return {};
    const consentUrl = new URL(options.oauth.consentUrl ?? '/mock-oauth-consent', pageOrigin).href;
    const { signIn, signUp } = options.oauth;
    const providers = fakes.configs(consentUrl).map((config) => ({ ...config, ...(signIn === undefined ? {} : { signIn }), ...(signUp === undefined ? {} : { signUp }) }));
    // The fake providers never leave the page: a dev server opened over the LAN (plain http) works too.
    return { oauth: { providers, callbackUrls: options.oauth.callbackUrls ?? [pageOrigin], fetch: fakes.fetch, allowHttpCallbacks: true } };
  };

  const start = () => {
    const server = createLatchServer({
      ...oauthOptions(),
      issuer: url,
      store: new MemoryStore(),
      now: options.now,
      settings: withPageOrigin(options.settings),
      ...(options.sessionClaims ? { sessionClaims: options.sessionClaims } : {}),
      passkeys: options.passkeys ?? pageRelyingParty(),
      hashing: devOnlyFastHashing,
      mailer: (email) => void outbox.push(email),
    });
    const ready = (async () => {
      for (const user of options.users ?? []) await server.admin.createUser(user);
    })();
    return { server, ready };
  };
  let current = start();
  // In a browser the list is a chunk of its own: fetch it now, while the page
  // is online, so that a sign-up after going offline is still checked.
  void preloadCommonPasswords();
  // Likewise the passkey verifier (a chunk of its own), when passkeys are on.
  if (options.settings?.firstFactors?.passkey) void preloadPasskeyVerification();

  const handler = http.all(`${url}/*`, async ({ request }) => {
    if (activeScenario === 'network-error') return HttpResponse.error();
    if (activeScenario === 'slow') await delay(slowScenarioMs);
    if (options.latencyMs) await delay(options.latencyMs);
    if (activeScenario === 'server-error') return serverError();
    const { server, ready } = current;
    await ready;
    return server.handler(request);
  });

  // The form POST a provider such as Apple makes to the API, as the browser would: its redirect is where the browser lands.
  const postForm = async (target: string, form: URLSearchParams) => {
    const response = await current.server.handler(
      new Request(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }),
    );
    const location = response.headers.get('location');
    if (!location) throw new TypeError(`The form_post route answered ${response.status}`);
    return location;
  };
  const consent = (input: ConsentInput) => fakes!.consent(input, postForm);
  const oauthHandlers = fakes
    ? [
        http.get(`${url}/__mock/oauth/identities`, ({ request }) => {
          const provider = new URL(request.url).searchParams.get('provider') ?? '';
          const name = (mockProviderNames as Record<string, string>)[provider] ?? provider;
          return HttpResponse.json({ provider: { id: provider, name }, identities: fakes.identities(provider) });
        }),
        http.post(`${url}/__mock/oauth/consent`, async ({ request }) => {
          try {
            const redirectUrl = await consent((await request.json()) as ConsentInput);
            return HttpResponse.json({ redirectUrl });
          } catch (error) {
            return HttpResponse.json({ error: (error as Error).message }, { status: 400 });
          }
        }),
      ]
    : [];

  return {
    url,
    handlers: [...oauthHandlers, handler],
    oauth: fakes ? { identities: (provider) => fakes.identities(provider), consent, setReachable: fakes.setReachable } : null,
    outbox,
    get server() {
      return current.server;
    },
    get ready() {
      return current.ready;
    },
    latestCode(address) {
      return latest(outbox, address, 'code');
    },
    latestLink(address) {
      return latest(outbox, address, 'link');
    },
    async reset() {
      outbox.length = 0;
      fakes?.reset();
      activeScenario = null;
      current = start();
      await current.ready;
    },
    scenario(name) {
      activeScenario = name;
    },
  };
}

/**
 * This page as the relying party, where a browser would let it be one: a
 * named host (not an IP address) over https, or over http on localhost.
 * Elsewhere (Node without jsdom) the server's default applies.
 */
function pageRelyingParty(): PasskeyOptions | undefined {
  if (typeof location === 'undefined' || !/^https?:$/.test(location.protocol)) return undefined;
  const { hostname, origin, protocol } = location;
  const local = hostname === 'localhost' || hostname.endsWith('.localhost');
  if (/^[\d.]+$|:/.test(hostname) || (protocol === 'http:' && !local)) return undefined;
  return { rpId: hostname, origins: [origin] };
}

function latest(outbox: readonly OutgoingEmail[], address: string, field: 'code' | 'link'): string | undefined {
  const to = address.trim().toLowerCase();
  return outbox.filter((email) => email.to.toLowerCase() === to && email[field] !== undefined).at(-1)?.[field];
}

/**
 * Email links open the app's verify page, which must be on an allowed
 * redirect origin: a real instance lists its app's, and the mock, unless
 * told otherwise, allows the page it runs in (Storybook, the offline
 * playground, jsdom's `http://localhost:3000`).
 */
function withPageOrigin(settings: DeepPartial<InstanceSettings> | undefined): DeepPartial<InstanceSettings> | undefined {
  const origin = typeof location === 'undefined' ? 'null' : location.origin;
  if (origin === 'null' || settings?.allowedRedirectOrigins) return settings;
  return { ...settings, allowedRedirectOrigins: [origin] };
}

function serverError(): Response {
  const body: ApiErrorResponse = { errors: [{ code: 'internal_error', message: 'The mock backend is in the server-error scenario.' }] };
  return HttpResponse.json(body, { status: 503 });
}

export type { OutgoingEmail };
export type { MockOAuthIdentity } from './oauth/identities';
export { defaultMockIdentities } from './oauth/identities';
export { createFakeProviders, type ConsentInput, type FakeProviders } from './oauth/fake-providers';
