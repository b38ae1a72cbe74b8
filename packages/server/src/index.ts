export { createLatchServer, type LatchServer, type LatchServerOptions } from './core/server';
export type { Handler, HandlerOptions, PlainHandler, RequestInfo } from './core/handler';
export type { CoreRequest } from './core/http/request';
export type { PlainResponse } from './core/http/respond';
export type { CookieOptions } from './core/http/transport';
export {
  defaultRateLimits,
  defaultReverificationMaxAgeMs,
  defaultSessionLifetime,
  type RateLimit,
  type RateLimits,
  type SessionLifetime,
} from './core/policy';
export { codeEmail, emailLocales, type EmailContent, type EmailLocale } from './core/email/templates';
export type { AdminUserInput, LatchAdmin } from './core/admin';
export type { EmailKind, Mailer, OutgoingEmail } from './core/flows/context';
export { defaultSettings, type DeepPartial, type InstanceSettings } from './core/settings';
export {
  defaultPasswordHashing,
  devOnlyFastHashing,
  pbkdf2Hashing,
  webCryptoPbkdf2,
  type PasswordHashing,
  type Pbkdf2Sha256,
} from './core/crypto/password';
export { webCrypto, type ServerCrypto, type SessionJwtSigner } from './core/crypto/server-crypto';
export { devOnlyEncryptionKey } from './core/crypto/encryption';
export type { EncryptionKeyOptions } from './core/flows/secrets';
export type { ResealReport } from './core/flows/reseal';
export { defaultRetention, type RetentionOptions, type SweepReport } from './core/retention';
export { generateTotpCode } from './core/crypto/totp';
export { preloadCommonPasswords } from './core/crypto/common-passwords';
export { MemoryStore } from './core/store/memory';
export type {
  OAuthOptions,
  OAuthProviderConfig,
  PresetProviderConfig,
  OidcProviderConfig,
  OAuth2ProviderConfig,
  ProfileFieldMap,
} from './core/oauth/config';
export { presets as oauthPresets, type ProviderDefinition, type MappedProfile, type Claims as OAuthClaims } from './core/oauth/presets';
export { StoreUnavailable, UniqueViolation, type Store, type TimeCursor } from './core/store/store';
export type { StoreSnapshot } from './core/store/snapshot';
export { schema, kinds, type ListIndex, type TimeIndex, type UniqueIndex } from './core/store/schema';
export type * from './core/store/records';
export { ApiFailure } from './core/errors';
export { defineAdminRoutes, type AdminRequestContext, type AdminRouteHandler, type AdminRouteModule } from './core/admin-api/router';
export type { SecretKeyEnvironment, SecretKeyInfo } from './core/admin-api/secret-keys';
export { ClaimsTemplateError, validateClaimsTemplate, type ClaimsTemplate } from './core/flows/claims-template';
export type { PasskeyOptions } from './core/flows/passkeys/relying-party';
export { preloadPasskeyVerification } from './core/flows/passkeys/verify';
export { webhookEventTypes, codeCarryingEvents, type WebhookEventType, type WebhookPayload, type EmailCreatedData } from './core/webhooks/events';
export { webhookRetryDelaysMs } from './core/webhooks/schedule';
export { newWebhookSecret, signWebhook, type SignedHeaders } from './core/webhooks/signing';
export type { LatchWebhooks, WebhookOptions } from './core/webhooks/webhooks';
export type { WebhookWorker, WebhookWorkerOptions, WebhookAttemptReport } from './core/webhooks/worker';
export type { WebhookEndpointJSON, WebhookAttemptJSON, WebhookEndpointInput } from './core/webhooks/endpoints';
export { webhookAdminRoutes, type WebhookAdminRoutes, type WebhookAdminContext } from './core/webhooks/admin-routes';
