import { withWriteFault } from '../core/store/write-fault';
import { openStore, type ClosableStore, type DatabaseTimeouts } from './store/open-store';

/** The test hook's variable. Read by the `latch-server` command only; never set it in production. */
export const faultHookVariable = 'LATCH_FAULT_KILL_AFTER_TX_WRITES';

/**
 * With LATCH_FAULT_KILL_AFTER_TX_WRITES=N the process SIGKILLs itself right
 * after the Nth write made inside a transaction, before that transaction
 * commits: crash tests stop a flow between its writes this way, then start
 * the server again on the same database. Undefined when the variable is unset.
 */
export async function openStoreWithFaultHook(
  database: string,
  env: Record<string, string | undefined>,
  timeouts: Partial<DatabaseTimeouts> = {},
): Promise<ClosableStore | undefined> {
  const raw = env[faultHookVariable];
  if (raw === undefined || raw === '') return undefined;
  const afterWrites = Number(raw);
  if (!Number.isInteger(afterWrites) || afterWrites < 1) throw new Error(`${faultHookVariable} must be a whole number of at least 1, got '${raw}'`);
  return withWriteFault(await openStore(database, timeouts), { afterWrites, fault: () => process.kill(process.pid, 'SIGKILL') });
}
