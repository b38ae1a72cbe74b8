import type { PasswordHashing } from '../crypto/password';
import type { ServerCrypto } from '../crypto/server-crypto';
import type { RateLimits, SessionLifetime } from '../policy';
import type { BodyReader } from '../http/body-reader';
import type { CoreRequest } from '../http/request';
import type { Credential } from '../http/transport';
import type { InstanceSettings } from '../settings';
import type { ClientRecord } from '../store/records';
import type { Store } from '../store/store';
import type { PendingWebhookEvent } from '../webhooks/events';
import type { EndpointUrlPolicy } from '../webhooks/url-policy';
import type { ClaimsTemplate } from './claims-template';
import type { RelyingParty } from './passkeys/relying-party';
import type { ResolvedOAuth } from '../oauth/config';
import type { ProviderClient } from '../oauth/provider-client';
import type { Secrets } from './secrets';
import type { SigningKeys } from './signing-keys';

export type EmailKind =
  | 'sign_up_code'
  | 'sign_in_code'
  | 'reset_password_code'
  | 'verify_email_code'
  | 'reverification_code'
  | 'sign_in_link'
  | 'sign_up_link'
  | 'verify_email_link';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The one-time code the email carries, so mocks and tests can read it without parsing text. */
  code?: string;
  /** The email link it carries (the app's verify page with `?latch_link=…`), likewise. */
  link?: string;
  kind: EmailKind;
  /** Language of `subject` and `text`, picked from the request's Accept-Language. */
  locale: string;
}

export type Mailer = (email: OutgoingEmail) => void | Promise<void>;

/** Everything a flow needs that lives as long as the server. */
export interface ServerContext {
  store: Store;
  now: () => number;
  settings: InstanceSettings;
  hashing: PasswordHashing;
  crypto: ServerCrypto;
  /** Encryption at rest and the code HMAC key. */
  secrets: Secrets;
  mailer: Mailer;
  issuer: string;
  /** Which webhook URLs are allowed (see `webhooks/url-policy.ts`). */
  webhookUrlPolicy: EndpointUrlPolicy;
  /** Inside `inTransaction`: the webhook events recorded so far, written to the outbox before it commits. */
  webhookEvents?: PendingWebhookEvent[];
  signingKeys: SigningKeys;
  sessionLifetime: SessionLifetime;
  /** How recent a session's last verification must be for a sensitive action. */
  reverificationMaxAgeMs: number;
  rateLimits: RateLimits;
  /** Extra session-token claims rendered per user, e.g. `{ role: '{{user.publicMetadata.role}}' }`; null for none. */
  claimsTemplate: ClaimsTemplate | null;
  /** Passkeys' RP ID and origins; null when passkeys are off and not configured. */
  relyingParty: RelyingParty | null;
  /** Social sign-in: the providers and their HTTP client; null when none is configured. */
  oauth: { config: ResolvedOAuth; client: ProviderClient } | null;
}

/** One request on top of the server: its body, its client and the token to send back. */
export interface RequestContext extends ServerContext {
  request: CoreRequest;
  /** The route's decoded `:id` segment. */
  id: string;
  body: BodyReader;
  credential: Credential;
  /** The client this request's token belongs to, if any. Flows keep it current. */
  client: ClientRecord | null;
  /** A newly issued or rotated client token to hand back in this response. */
  issuedToken: string | null;
  /** The caller's network address, when the host knows it; rate limits per address need it. */
  clientIp: string | null;
}
