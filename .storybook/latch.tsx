import type { Decorator, Loader, StoryContext } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createMemoryStorage } from '@latch/client';
import { EMAIL_LINK_PARAM } from '@latch/protocol';
import { createMockBackend, type MockBackend, type MockBackendOptions, type MockScenario, type MockUser } from '@latch/mock';
import { LatchClient, LatchProvider } from '@latch/react';
import { linkSettings, pastLinkLifetimeMs, requestEmailLink, type EmailLinkStory } from './emailLink';
import { SoftAuthenticator, type AuthenticatorBehaviour } from '../stories/authenticator';
import { storyAppearance, storyLocalization, storyPageBackground } from './globals';

/** What a story asks of its mock backend (`parameters.latch`). */
export interface LatchStoryParameters {
  users?: MockUser[];
  settings?: MockBackendOptions['settings'];
  /** Emails of users signed in before the story renders, in order: the last one is active. */
  signedInAs?: string | string[];
  /** Emails of users also signed in on another browser (more active devices on their Security page). */
  signedInElsewhere?: string[];
  /**
   * Minutes since the story's users signed in (the mock's clock runs this far
   * ahead once they have): past 10, a sensitive change first asks "Confirm it's you".
   */
  signedInMinutesAgo?: number;
  /** Emails of users locked out (ten wrong passwords) before the story renders. */
  lockedOut?: string[];
  /** A forced failure, switched on once the client has loaded (unless `skipLoad`) so the story renders first. */
  scenario?: MockScenario;
  /** Leave loading the client to the provider, to show the components' loading state (with scenario 'slow'). */
  skipLoad?: boolean;
  latencyMs?: number;
  /** Open the story's page from an emailed link (a real one, asked for by the loader): the verify page's stories. */
  emailLink?: EmailLinkStory;
  /** Social sign-in on the mock (its fake providers and identities); off unless a story asks, so existing stories stay as they were. */
  oauth?: MockBackendOptions['oauth'];
  /**
   * API answers forced for one route each, for error states a real flow
   * reaches only with a real provider (`{ route: 'POST /v1/client/oauth_callback',
   * code: 'oauth_access_denied', status: 422 }`), or `hang: true` for one that
   * never answers (a spinner that stays for the screenshot).
   */
  failures?: ForcedFailure[];
  /**
   * Passkeys: a software authenticator (stories/authenticator.ts) stands in for
   * the browser's WebAuthn, so the ceremony runs for real without a dialog.
   */
  passkeys?: StoryPasskeys;
}

export interface StoryPasskeys {
  /** No software authenticator: the browser's own WebAuthn answers, with its real dialog (try it in the catalog). */
  browser?: boolean;
  /** Passkeys made before the story renders, by the email of their user: their names. */
  registered?: Record<string, string[]>;
  /** Passkeys the authenticator also holds that no account knows (for another site, or deleted). */
  strangers?: number;
  /** 'cancel': the person closes every passkey dialog. */
  behaviour?: AuthenticatorBehaviour;
}

export interface ForcedFailure {
  route: string;
  code?: string;
  status?: number;
  hang?: boolean;
}

/** MSW handlers that answer `failures` before the backend sees them. */
function failureHandlers(url: string, failures: ForcedFailure[] = []): RequestHandler[] {
  return failures.map(({ route, code = 'internal_error', status = 422, hang }) => {
    const [method, path] = route.split(' ') as [string, string];
    const matcher = method === 'POST' ? http.post : method === 'DELETE' ? http.delete : http.get;
    return matcher(`${url}${path}`, async () => {
      if (hang) await delay('infinite');
      return HttpResponse.json({ errors: [{ code, message: `Forced by the story (${code}).` }] }, { status });
    });
  });
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    latch?: LatchStoryParameters;
  }
}

/** What the loader hands to the decorator and to play functions (`context.loaded.latch`). */
export interface LoadedLatch {
  backend: MockBackend;
  client: LatchClient;
  /** The token of `parameters.latch.emailLink`'s link, which the page's URL carries while the story shows. */
  linkToken?: string;
  /** With `parameters.latch.passkeys`: the software authenticator in WebAuthn's place. */
  authenticator?: SoftAuthenticator;
}

/**
 * What the MSW loader needs from MSW: a browser worker, or under Vitest a
 * `setupServer` instance (the addon types only the former, yet calls nothing
 * beyond `use` and `resetHandlers`, which both have).
 */
export type MswSetup = () => MswApi | Promise<MswApi>;
type MswApi = Pick<SetupWorker, 'use' | 'resetHandlers'>;
type AddonSetup = NonNullable<Parameters<typeof mswLoader>[0]>;

/**
 * In the browser: MSW's service worker, served next to iframe.html (a relative
 * URL, so a static build deployed under a sub-path still finds it). Requests
 * other than the mock API's (Vite modules, fonts) pass through silently.
 */
const browserWorker: MswSetup = async () => {
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      if (new URL(request.url).hostname.endsWith('latch.mock')) print.error();
    },
  });
  return worker;
};

/**
 * A FRESH mock backend and client for every story, so stories never share
 * users, sessions or codes: the backend's handlers go to MSW through
 * `parameters.msw.handlers` (the one loader does both, because Storybook runs
 * a project's loaders in parallel and MSW must see the handlers first), then
 * the client loads and signs in the story's users. `mswSetup` is the
 * `setupServer` instance under Vitest.
 */
export function latchLoader(mswSetup: MswSetup = browserWorker): Loader {
  const installHandlers = mswLoader(mswSetup as AddonSetup);
  return async (context) => {
    const options: LatchStoryParameters = context.parameters.latch ?? {};
    let clockAheadMs = 0;
    const now = () => Date.now() + clockAheadMs;
    const softPasskeys = options.passkeys && !options.passkeys.browser;
    const backend = createMockBackend({
      users: options.users,
      settings: linkSettings(options.settings),
      latencyMs: options.latencyMs,
      now,
      ...(options.oauth ? { oauth: options.oauth } : {}),
      // The software authenticator speaks for a fixed site, so stories work on any page (the catalog's tests serve it on 127.0.0.1, which no real browser accepts as a relying party).
      ...(softPasskeys ? { passkeys: storyRelyingParty } : {}),
    });
    const handlers = [...failureHandlers(backend.url, options.failures), ...backend.handlers];
    const mswContext: typeof context & { msw?: unknown } = { ...context, parameters: { ...context.parameters, msw: { handlers } } };
    await installHandlers(mswContext);
    // The addon's own beforeEach (it is listed in `addons`) starts a second,
    // empty worker unless the context says MSW already runs: requests would
    // then reach the network once another story is selected.
    Object.assign(context, { msw: mswContext.msw });

    for (const email of options.lockedOut ?? []) await lockOut(backend, email);
    // Backup codes work once: each sign-in of a TOTP user spends the next one.
    const backupCodes = new BackupCodes();
    const authenticator = softPasskeys ? await installAuthenticator(backend, options, backupCodes) : undefined;
    for (const email of options.signedInElsewhere ?? []) await signInElsewhere(backend, findUser(options, email), backupCodes);
    const client = newClient(backend);
    if (!options.skipLoad) {
      await client.load();
      for (const email of [options.signedInAs ?? []].flat()) await signIn(client, findUser(options, email), backupCodes);
    }
    let linkToken: string | undefined;
    if (options.emailLink) {
      const story = options.emailLink;
      // The original browser: this story's (the link finishes here) or another one.
      const asker = story.sameBrowser ? client : newClient(backend);
      const user = options.users?.find((u) => u.emailAddress === story.emailAddress);
      linkToken = await requestEmailLink(backend, asker, story, user, () => newClient(backend));
      if (asker !== client) asker.destroy();
    }
    clockAheadMs = (options.signedInMinutesAgo ?? 0) * 60_000 + (options.emailLink?.state === 'expired' ? pastLinkLifetimeMs : 0);
    if (options.scenario) backend.scenario(options.scenario);
    return { latch: { backend, client, linkToken, authenticator } satisfies LoadedLatch };
  };
}

/** Header transport with memory storage: nothing persists across stories or reloads. */
function newClient(backend: MockBackend): LatchClient {
  return new LatchClient({
    frontendApi: backend.url,
    transport: 'header',
    tokenStorage: createMemoryStorage(),
    // Tabs share sign-outs through BroadcastChannel; stories must not.
    broadcast: false,
  });
}

function findUser(options: LatchStoryParameters, email: string): MockUser {
  const user = options.users?.find((u) => u.emailAddress === email);
  if (!user?.password) throw new Error(`parameters.latch: no user ${email} with a password in parameters.latch.users.`);
  return user;
}

/** Hands out each user's backup codes in turn. */
class BackupCodes {
  readonly #spent = new Map<string, number>();
  next(user: MockUser): string | undefined {
    const spent = this.#spent.get(user.emailAddress) ?? 0;
    this.#spent.set(user.emailAddress, spent + 1);
    return user.backupCodes?.[spent];
  }
}

/** Signs in like a person would; a user with TOTP spends a backup code, which the fixtures give them. */
async function signIn(client: LatchClient, user: MockUser, backupCodes: BackupCodes): Promise<void> {
  let attempt = await client.signIn.create({ identifier: user.emailAddress, password: user.password });
  if (attempt.status === 'needs_second_factor') {
    const code = backupCodes.next(user);
    if (!code) throw new Error(`parameters.latch: ${user.emailAddress} has TOTP on; give them one backup code per sign-in.`);
    attempt = await client.signIn.attemptSecondFactor({ strategy: 'backup_code', code });
  }
  if (attempt.status !== 'complete' || !attempt.createdSessionId) {
    throw new Error(`parameters.latch: signing in ${user.emailAddress} stopped at ${attempt.status}.`);
  }
  await client.setActive({ session: attempt.createdSessionId });
}

/** A session on another "browser": a client of its own, which the story never sees. */
async function signInElsewhere(backend: MockBackend, user: MockUser, backupCodes: BackupCodes): Promise<void> {
  const client = newClient(backend);
  await client.load();
  await signIn(client, user, backupCodes);
  client.destroy();
}

/** The relying party of stories with a software authenticator: the mock's own host. */
const storyRelyingParty = { rpId: 'latch.mock', origins: ['https://latch.mock'] };

/**
 * The story's authenticator, holding the passkeys it asks for: each made by
 * its user on a throwaway client (signed in, then out), as on the Security page.
 */
async function installAuthenticator(backend: MockBackend, options: LatchStoryParameters, backupCodes: BackupCodes): Promise<SoftAuthenticator> {
  const { registered = {}, strangers = 0, behaviour = 'approve' } = options.passkeys ?? {};
  const authenticator = new SoftAuthenticator({ origin: storyRelyingParty.origins[0] });
  authenticator.install();
  for (const [email, names] of Object.entries(registered)) {
    const client = newClient(backend);
    await client.load();
    await signIn(client, findUser(options, email), backupCodes);
    for (const name of names) {
      const passkey = await client.user!.createPasskey();
      await passkey.update({ name });
    }
    await client.signOut();
    client.destroy();
  }
  for (let i = 0; i < strangers; i++) await authenticator.addStranger(storyRelyingParty.rpId);
  authenticator.behaviour = behaviour;
  return authenticator;
}

/** Ten wrong passwords from a throwaway client: the account is then locked, and the story's client knows nothing of it. */
async function lockOut(backend: MockBackend, email: string): Promise<void> {
  const client = newClient(backend);
  await client.load();
  for (let i = 0; i < 10; i++) {
    await client.signIn.create({ identifier: email, password: `wrong-password-${i}` }).catch(() => undefined);
  }
  client.destroy();
}

/** The backend and client a story runs on, for play functions (e.g. to read the code an email carried). */
export function latchOf(context: Pick<StoryContext, 'loaded'>): LoadedLatch {
  const latch = context.loaded.latch as LoadedLatch | undefined;
  if (!latch) throw new Error('No Latch mock for this story: is latchLoader() among the project loaders?');
  return latch;
}

/**
 * Before each story: a link story's page carries the link's token in its URL,
 * as the emailed link opens it. After it: the token goes again, the story's
 * client stops (token refresh timers) when Storybook moves on, and a passkey
 * story's software authenticator leaves WebAuthn to the browser.
 */
export const storyLifecycle = (context: StoryContext) => {
  const { client, linkToken, authenticator } = latchOf(context);
  if (linkToken) setLinkParam(linkToken);
  return () => {
    if (linkToken) setLinkParam(null);
    client.destroy();
    authenticator?.uninstall();
  };
};

function setLinkParam(token: string | null) {
  const url = new URL(window.location.href);
  if (token) url.searchParams.set(EMAIL_LINK_PARAM, token);
  else url.searchParams.delete(EMAIL_LINK_PARAM);
  window.history.replaceState(window.history.state, '', url.href);
}

/**
 * Leaving the page (after sign-in, sign-out…) would load another page into
 * the story's frame: the catalog logs it in the Actions panel instead.
 */
const navigate = action('navigate');

// A phone keeps most of its width for the component: the page's margin shrinks with the screen.
const page = { display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: 'clamp(0.75rem, 4vw, 1.5rem)', minHeight: '100vh', boxSizing: 'border-box' } as const;

/**
 * Wraps every story in a provider on its own client, with the toolbar's theme
 * and locale applied the way an app would: through the provider's props.
 */
export const withLatch: Decorator = (Story, context) => {
  const { client } = latchOf(context);
  const theme = String(context.globals.theme ?? 'light');
  const locale = String(context.globals.locale ?? 'enUS');
  return (
    <LatchProvider client={client} appearance={storyAppearance(theme)} localization={storyLocalization(locale)} navigate={navigate}>
      <div style={{ ...page, background: storyPageBackground(theme) }}>
        <Story />
      </div>
    </LatchProvider>
  );
};
