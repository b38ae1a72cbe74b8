export { createLatchBackend } from './backend';
export type { LatchAuth, LatchBackend, NodeRequestLike, NodeResponseLike, RequireAuthMiddleware } from './backend';
export { verifyToken } from './verify';
export type { TokenVerifier, VerifiedToken, VerifyTokenOptions } from './verify';
export type { KeySource } from './keys';
export { isTokenVerificationError, TokenVerificationError } from './errors';
export type { TokenVerificationReason } from './errors';
export { createLatchClient, isLatchApiError, LatchApiError } from './admin-client';
export type { LatchAdminClient, LatchClientOptions, SessionListParams } from './admin-client';
export type {
  AdminUserJSON,
  AdminUserCreateBody,
  AdminUserUpdateBody,
  AdminSessionJSON,
  AdminSignInTokenJSON,
  AdminEmailAddressCreateBody,
  AdminSignInTokenCreateBody,
  PageJSON,
  UserListParams,
  UserOrderBy,
} from '@latch/protocol';
export { verifyWebhook, WebhookVerificationError, isWebhookVerificationError } from './webhooks';
export type { VerifyWebhookOptions, RawWebhook, WebhookHeaders, WebhookVerificationReason, LatchWebhookEvent } from './webhooks';
