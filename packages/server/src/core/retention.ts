import type { ServerContext } from './flows/context';
import { sessionStatus } from './flows/sessions';
import type { ClientRecord, Kind } from './store/records';
import type { TimeIndex } from './store/schema';
import type { Store, TimeCursor } from './store/store';

const day = 24 * 60 * 60 * 1000;

/** How long what is over stays in the store. */
export interface RetentionOptions {
  /**
   * Ended, revoked and expired sessions are kept this long after their last
   * possible activity (for the devices list and audits). Default 30 days.
   */
  endedSessionsMs: number;
  /** Finished and abandoned sign-ins and sign-ups, expired email codes, passkey challenges and OAuth attempts, are deleted this long after they expire. Default 1 day. */
  finishedFlowsMs: number;
  /** A client (browser) untouched this long and with no live session is deleted. Default: the session's absolute lifetime. */
  clientLifetimeMs?: number;
  /** Rows per statement: each batch is one short write, so no lock is held for long. Default 500. */
  batchSize: number;
}

export const defaultRetention: RetentionOptions = { endedSessionsMs: 30 * day, finishedFlowsMs: day, batchSize: 500 };

/** What one sweep deleted, kind by kind, and in how many batches (statements or short transactions). */
export interface SweepReport {
  signIns: number;
  signUps: number;
  verifications: number;
  passkeyChallenges: number;
  /** Social sign-in redirects (their state), a day after their 10 minutes ran out. */
  oauthAttempts: number;
  sessions: number;
  clients: number;
  batches: number;
}

/**
 * Deletes what is over, so the store holds live data plus a bounded tail:
 * sign-ins and sign-ups a day after they expired (finished or abandoned),
 * email codes a day after they expired (a late attempt still gets
 * "expired" rather than "no such code"), passkey challenges a day after
 * they expired, sessions `endedSessionsMs` after
 * they could last have been active, and clients with no live session once
 * untouched for their lifetime. Every step reads a timestamp index and works
 * in batches of `batchSize`, one short statement or transaction each.
 *
 * A live session is never touched: every session is over by
 * `lastActiveAt + idle timeout`, so one whose `lastActiveAt` is older than
 * that plus the retention ended at least the retention ago. A pending
 * sign-up or sign-in has not expired yet, so it is never old enough.
 */
export async function sweepStorage(ctx: ServerContext, options: Partial<RetentionOptions> = {}): Promise<SweepReport> {
  const { endedSessionsMs, finishedFlowsMs, batchSize, clientLifetimeMs = ctx.sessionLifetime.absoluteMs } = { ...defaultRetention, ...options };
  const now = ctx.now();
  const report: SweepReport = { signIns: 0, signUps: 0, verifications: 0, passkeyChallenges: 0, oauthAttempts: 0, sessions: 0, clients: 0, batches: 0 };
  const purge = async <K extends Kind & keyof SweepReport>(kind: K, index: TimeIndex<K>, before: number) => {
    for (;;) {
      const deleted = await ctx.store.deleteBefore(kind, index, before, batchSize);
      report[kind] += deleted;
      report.batches++;
      if (deleted < batchSize) return;
    }
  };
  await purge('signIns', 'expireAt', now - finishedFlowsMs);
  await purge('signUps', 'expireAt', now - finishedFlowsMs);
  await purge('verifications', 'expiresAt', now - finishedFlowsMs);
  await purge('passkeyChallenges', 'expiresAt', now - finishedFlowsMs);
  await purge('oauthAttempts', 'expiresAt', now - finishedFlowsMs);
  await purge('sessions', 'lastActiveAt', now - ctx.sessionLifetime.idleMs - endedSessionsMs);
  report.clients = await purgeIdleClients(ctx, now - clientLifetimeMs, batchSize, () => report.batches++);
  return report;
}

/** Clients untouched since `before`, a page at a time; each page's deletions are one short transaction that checks again for a live session. */
async function purgeIdleClients(ctx: ServerContext, before: number, batchSize: number, onBatch: () => void): Promise<number> {
  let deleted = 0;
  let cursor: TimeCursor | null = null;
  for (;;) {
    const page: ClientRecord[] = await ctx.store.listBefore('clients', 'updatedAt', before, batchSize, cursor);
    if (page.length === 0) return deleted;
    const last = page.at(-1)!;
    cursor = { at: last.updatedAt, id: last.id };
    onBatch();
    deleted += await ctx.store.transaction(async (tx) => {
      let count = 0;
      for (const candidate of page) {
        // Touched since the page was read (a new sign-in), or in use: it stays.
        const current = await tx.get('clients', candidate.id);
        if (!current || current.updatedAt > before || (await hasLiveSession(ctx, tx, candidate.id))) continue;
        if (await tx.delete('clients', candidate.id)) count++;
      }
      return count;
    });
    if (page.length < batchSize) return deleted;
  }
}

async function hasLiveSession(ctx: ServerContext, tx: Store, clientId: string): Promise<boolean> {
  const sessions = await tx.listBy('sessions', 'clientId', clientId);
  return sessions.some((session) => sessionStatus(ctx, session) === 'active');
}
