import type { UserRecord } from '../store/records';
import type { ServerContext } from './context';
import { resealUserSecrets } from './second-factor';

export interface ResealReport {
  users: number;
  signingKeys: number;
  codeKey: boolean;
}

const pageSize = 500;

/**
 * Seals every secret at rest with the current encryption key: TOTP secrets,
 * signing private keys and the code HMAC key that are plaintext or sealed
 * with a previous key. After it, the previous key is no longer needed.
 * Idempotent; safe while servers run (they write with the current key too).
 */
export async function resealAllSecrets(ctx: ServerContext): Promise<ResealReport> {
  const report: ResealReport = { users: 0, signingKeys: await ctx.signingKeys.resealAll(), codeKey: await ctx.secrets.resealCodeKey() };
  let after: string | null = null;
  for (;;) {
    const users: UserRecord[] = await ctx.store.scan('users', after, pageSize);
    for (const user of users) {
      if ((user.totpSecret || user.pendingTotpSecret) && (await resealUserSecrets(ctx, user.id))) report.users++;
    }
    if (users.length < pageSize) return report;
    after = users.at(-1)?.id ?? null;
  }
}
