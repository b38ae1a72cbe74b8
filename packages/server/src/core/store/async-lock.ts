/**
 * A mutual-exclusion lock for async code: `run` calls wait their turn in
 * arrival order. A call on a free lock costs one microtask.
 */
export class AsyncLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The next caller waits for this one to settle, never for it to succeed.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
