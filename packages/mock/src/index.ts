import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { ApiErrorResponse } from '@latch/protocol';
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
  /** Back to the initial state: a fresh store with the fixtures, an empty outbox, no scenario. */
  reset(): Promise<void>;
  scenario(name: MockScenario | null): void;
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

  const start = () => {
    const server = createLatchServer({
      issuer: url,
      store: new MemoryStore(),
      now: options.now,
      settings: options.settings,
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

  return {
    url,
    handlers: [handler],
    outbox,
    get server() {
      return current.server;
    },
    get ready() {
      return current.ready;
    },
    latestCode(address) {
      const to = address.trim().toLowerCase();
      return outbox.filter((email) => email.to.toLowerCase() === to && email.code !== undefined).at(-1)?.code;
    },
    async reset() {
      outbox.length = 0;
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

function serverError(): Response {
  const body: ApiErrorResponse = { errors: [{ code: 'internal_error', message: 'The mock backend is in the server-error scenario.' }] };
  return HttpResponse.json(body, { status: 503 });
}

export type { OutgoingEmail };
