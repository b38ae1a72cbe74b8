import { ObservedStore } from './observed';
import type { Store } from './store';

/** When a fault strikes: after this many more writes made inside transactions (null: never). */
export interface WriteFaultPlan {
  afterWrites: number | null;
  /** Runs right after the write that used up `afterWrites`, before its transaction commits. */
  fault: () => void;
}

/**
 * A test hook for crashes between the writes of a flow: `store`, except that
 * every write made inside a transaction counts `plan.afterWrites` down, and
 * the one that reaches 0 is followed by `plan.fault()` (which throws, or
 * kills the process) before anything else runs. The plan is read on every
 * write, so a test can arm it just before the request it means to break.
 * Every other method, ClosableStore's too, is the store's own.
 */
export function withWriteFault<S extends Store>(store: S, plan: WriteFaultPlan): S {
  const countDown = () => {
    if (plan.afterWrites === null || --plan.afterWrites > 0) return;
    plan.afterWrites = null;
    plan.fault();
  };
  const transaction = <T>(fn: (tx: Store) => Promise<T>) => store.transaction((tx) => fn(new ObservedStore(tx, countDown)));
  return new Proxy(store, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
