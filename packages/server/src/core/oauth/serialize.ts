import type { ExternalAccountJSON } from '@latch/protocol';
import type { ExternalAccountRecord } from '../store/records';

/** A linked account as the user sees it: the profile, never a token. */
export function serializeExternalAccount(account: ExternalAccountRecord): ExternalAccountJSON {
  return {
    id: account.id,
    provider: account.provider,
    providerUserId: account.providerUserId,
    emailAddress: account.emailAddress,
    firstName: account.firstName,
    lastName: account.lastName,
    username: account.username,
    imageUrl: account.imageUrl,
    verification: { status: account.status, strategy: `oauth_${account.provider}`, error: null },
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}
