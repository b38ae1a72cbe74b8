import type { EnvironmentJSON } from '@latch/protocol';
import { createAdmin, type LatchAdmin } from './admin';
import { defaultPasswordHashing, type PasswordHashing } from './crypto/password';
import { webCrypto, type ServerCrypto } from './crypto/server-crypto';
import type { Mailer, ServerContext } from './flows/context';
import { Secrets, type EncryptionKeyOptions } from './flows/secrets';
import { SigningKeys } from './flows/signing-keys';
import { resolveRelyingParty, type PasskeyOptions } from './flows/passkeys/relying-party';
import { validateClaimsTemplate } from './flows/claims-template';
import { createHandler, createPlainHandler, type Handler, type HandlerOptions, type PlainHandler } from './handler';
import { defaultRateLimits, defaultReverificationMaxAgeMs, defaultSessionLifetime, type RateLimits, type SessionLifetime } from './policy';
import { resolveSettings, type DeepPartial, type InstanceSettings } from './settings';
import { MemoryStore } from './store/memory';
import type { Store } from './store/store';
import { createWebhooks, type LatchWebhooks, type WebhookOptions } from './webhooks/webhooks';
import { providerList, resolveOAuth, type OAuthOptions } from './oauth/config';
import { ProviderClient } from './oauth/provider-client';

export interface LatchServerOptions extends HandlerOptions, EncryptionKeyOptions {
  /** JWT `iss`, e.g. `https://auth.example.com`. */
  issuer: string;
  store?: Store;
  /** Clock in milliseconds; inject one to test expiry. */
  now?: () => number;
  settings?: DeepPartial<InstanceSettings>;
  hashing?: PasswordHashing;
  /** Hashes, HMACs and random bytes; WebCrypto by default. The Node service injects `node:crypto`. */
  crypto?: ServerCrypto;
  /** Delivers emails with codes. Without one, codes go nowhere (fine for password-only tests). */
  mailer?: Mailer;
  /**
   * Idle timeout and absolute lifetime of sessions, default 7 and 30 days, and
   * how often a token mint records activity, default 30 s (the idle timeout
   * holds to within it).
   */
  sessionLifetime?: Partial<SessionLifetime>;
  /**
   * How recently the user must have proven a factor on the session (sign-in,
   * sign-up or reverification) before a sensitive action; default 10 minutes.
   */
  reverificationMaxAgeMs?: number;
  /** Overrides of `defaultRateLimits`, limit by limit. */
  rateLimits?: Partial<RateLimits>;
  /** Webhook endpoints' URL policy; see `WebhookOptions`. */
  webhooks?: WebhookOptions;
  /**
   * Extra claims in every session token, rendered from the user, e.g.
   * `{ role: '{{user.publicMetadata.role}}' }`. Checked here: a bad template
   * throws at start-up, never at a token mint.
   */
  sessionClaims?: Record<string, unknown>;
  /**
   * The passkeys' relying party (used when `settings.firstFactors.passkey`
   * is on): RP ID and page origins. Default: the issuer's host and origin,
   * plus `allowedOrigins`. Checked at start-up (https, or http on localhost;
   * every origin on the RP ID): a bad one throws here.
   */
  passkeys?: PasskeyOptions;
  /**
   * Social sign-in: the providers (client ids and secrets stay here; the
   * environment lists only ids, names and icons), the app pages they may
   * return to, and the `fetch` their calls go through. Off without it.
   */
  oauth?: OAuthOptions;
}

export interface LatchServer {
  /** Answers one frontend API request. Never throws. */
  handler: Handler;
  /** The same, for a host that passes a lighter request than a Fetch `Request` and writes the response out itself (the Node listener). */
  plainHandler: PlainHandler;
  admin: LatchAdmin;
  /** Webhook endpoints, replays, the delivery log, and the worker that sends the outbox. */
  webhooks: LatchWebhooks;
  environment(): EnvironmentJSON;
  now(): number;
  readonly store: Store;
}

/** The isomorphic Latch server: one instance per store, with no module-level state. */
export function createLatchServer(options: LatchServerOptions): LatchServer {
  const store = options.store ?? new MemoryStore();
  const now = options.now ?? Date.now;
  const serverCrypto = options.crypto ?? webCrypto;
  const secrets = new Secrets(store, serverCrypto, now, options);
  const sessionLifetime = { ...defaultSessionLifetime, ...options.sessionLifetime };
  if (!(sessionLifetime.activityIntervalMs >= 0 && sessionLifetime.activityIntervalMs < sessionLifetime.idleMs)) {
    throw new RangeError('sessionLifetime.activityIntervalMs must be at least 0 and shorter than the idle timeout (idleMs)');
  }
  const settings = resolveSettings(options.settings);
  const relyingParty = resolveRelyingParty(options.passkeys, {
    issuer: options.issuer,
    allowedOrigins: options.allowedOrigins ?? [],
    enabled: settings.firstFactors.passkey,
  });
  const oauth = resolveOAuth(options.oauth);
  // Configured providers are the environment's list; without any, a list given in settings stays (stories render buttons from it).
  if (oauth) settings.oauthProviders = providerList(oauth);
  const context: ServerContext = {
    store,
    now,
    settings,
    hashing: options.hashing ?? defaultPasswordHashing,
    crypto: serverCrypto,
    secrets,
    mailer: options.mailer ?? (() => undefined),
    issuer: options.issuer,
    webhookUrlPolicy: { allowLocalhost: options.webhooks?.allowLocalhost ?? false },
    signingKeys: new SigningKeys(store, now, secrets, serverCrypto),
    sessionLifetime,
    reverificationMaxAgeMs: options.reverificationMaxAgeMs ?? defaultReverificationMaxAgeMs,
    rateLimits: { ...defaultRateLimits, ...options.rateLimits },
    claimsTemplate: options.sessionClaims === undefined ? null : validateClaimsTemplate(options.sessionClaims),
    relyingParty,
    oauth: oauth ? { config: oauth, client: new ProviderClient(oauth, now) } : null,
  };
  const plainHandler = createPlainHandler(context, options);
  return {
    handler: createHandler(context, options, plainHandler),
    plainHandler,
    admin: createAdmin(context),
    webhooks: createWebhooks(context),
    environment: () => structuredClone(context.settings),
    now: () => now(),
    store,
  };
}
