export { createLatchServer, type LatchServer, type LatchServerOptions } from './core/server';
export type { Handler, HandlerOptions, RequestInfo } from './core/handler';
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
export { webCrypto, type ServerCrypto } from './core/crypto/server-crypto';
export { devOnlyEncryptionKey } from './core/crypto/encryption';
export type { EncryptionKeyOptions } from './core/flows/secrets';
export type { ResealReport } from './core/flows/reseal';
export { generateTotpCode } from './core/crypto/totp';
export { preloadCommonPasswords } from './core/crypto/common-passwords';
export { MemoryStore } from './core/store/memory';
export { StoreUnavailable, UniqueViolation, type Store } from './core/store/store';
export { schema, kinds, type ListIndex, type UniqueIndex } from './core/store/schema';
export type * from './core/store/records';
export { ApiFailure } from './core/errors';
