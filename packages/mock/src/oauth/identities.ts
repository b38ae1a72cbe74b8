import type { OAuthPresetId } from '@latch/protocol';

/** A fake account at a fake provider, picked on the mock's consent page. */
export interface MockOAuthIdentity {
  /** Unique per provider; becomes the provider's user id (`sub`). */
  id: string;
  /** Offered by this provider only; absent: by every provider. */
  provider?: OAuthPresetId;
  email: string | null;
  /** Whether the provider asserts the email is verified. */
  emailVerified: boolean;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  imageUrl?: string | null;
}

/**
 * The identities the consent page offers when none are given: one with a
 * verified email, one whose email the provider does not vouch for, one with
 * no email at all. Addresses that no fixture user has, so each signs up.
 */
export const defaultMockIdentities: MockOAuthIdentity[] = [
  { id: 'mock-octavia', email: 'octavia@example.com', emailVerified: true, firstName: 'Octavia', lastName: 'Butler', username: 'octavia' },
  { id: 'mock-ursula', email: 'ursula@example.com', emailVerified: false, firstName: 'Ursula', lastName: 'Le Guin', username: 'ursula' },
  { id: 'mock-stanislaw', email: null, emailVerified: false, firstName: 'Stanisław', lastName: 'Lem', username: 'stanislaw' },
];
