/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com):
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one
 * entry per secret, space-separated, so a receiver holding either the old or
 * the new secret during a rotation accepts the message.
 */
import { base64Decode, base64Encode } from '../crypto/random';
import type { ServerCrypto } from '../crypto/server-crypto';

export const webhookSecretPrefix = 'whsec_';

/** A fresh signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(crypto: ServerCrypto): string {
  return `${webhookSecretPrefix}${base64Encode(crypto.randomBytes(32))}`;
}

export function webhookSecretKey(secret: string): Uint8Array {
  return base64Decode(secret.startsWith(webhookSecretPrefix) ? secret.slice(webhookSecretPrefix.length) : secret);
}

/** A type, not an interface, so it fits a plain header record (`Record<string, string>`). */
export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** The three headers for one attempt; `timestampSeconds` is the attempt's time, not the event's. */
export async function signWebhook(
  crypto: ServerCrypto,
  secrets: readonly string[],
  message: { id: string; timestampSeconds: number; body: string },
): Promise<SignedHeaders> {
  const content = `${message.id}.${message.timestampSeconds}.${message.body}`;
  const signatures = await Promise.all(
    secrets.map(async (secret) => `v1,${base64Encode(hexDecode(await crypto.hmacSha256Hex(webhookSecretKey(secret), content)))}`),
  );
  return { 'webhook-id': message.id, 'webhook-timestamp': String(message.timestampSeconds), 'webhook-signature': signatures.join(' ') };
}

function hexDecode(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
