import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pbkdf2Hashing, productionIterations, type PasswordHashing } from '../../core/crypto/password';
import { fail } from '../../core/errors';
import { pbkdf2WorkerSource } from './worker-source';

export interface HashingPoolOptions {
  /** Worker threads; default one per core (`os.availableParallelism()`). */
  threads?: number;
  /** Hashes that may wait for a free thread; beyond it a sign-in gets 503 with Retry-After. Default 64 per thread. */
  queueLimit?: number;
  /** PBKDF2 iterations of new hashes; default 600,000. Stored hashes carry their own count. */
  iterations?: number;
}

/** Password hashing on worker threads of its own; `close()` ends them. */
export interface HashingPool extends PasswordHashing {
  /** Worker threads alive now (they start on first use). */
  readonly liveThreads: number;
  close(): Promise<void>;
}

interface Job {
  password: Uint8Array;
  salt: Uint8Array;
  iterations: number;
  resolve(derived: Uint8Array): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
  startedAt: number;
}

export function defaultHashThreads(): number {
  return availableParallelism();
}

/**
 * PBKDF2 (same stored format as the core's) on a bounded pool of worker
 * threads. Hashing a password takes a few hundred milliseconds of CPU; done
 * through WebCrypto it would occupy libuv's 4 shared threads, and every other
 * request that needs one (file system, DNS, WebCrypto) would wait behind a
 * sign-in storm. Here the storm waits in its own queue, and a full queue is
 * refused at once with 503 instead of growing without bound.
 */
export function createHashingPool(options: HashingPoolOptions = {}): HashingPool {
  const size = options.threads ?? defaultHashThreads();
  const queueLimit = options.queueLimit ?? 64 * size;
  const threads: Thread[] = [];
  const queue: Job[] = [];
  let closed = false;
  // A running estimate of one hash, so Retry-After says roughly when the queue will have drained.
  let averageMs = 300;

  function spawn(): Thread {
    const worker = new Worker(pbkdf2WorkerSource, { eval: true });
    // An idle pool must not keep the process alive; requests in flight do that.
    worker.unref();
    const thread: Thread = { worker, job: null, startedAt: 0 };
    worker.on('message', (reply: { derived?: Uint8Array; error?: string }) => {
      const job = thread.job;
      thread.job = null;
      averageMs = averageMs * 0.8 + (performance.now() - thread.startedAt) * 0.2;
      if (reply.derived) job?.resolve(reply.derived);
      else job?.reject(new Error(`password hashing failed: ${reply.error}`));
      next(thread);
    });
    const lost = (error: Error) => {
      const index = threads.indexOf(thread);
      if (index === -1) return;
      threads.splice(index, 1);
      thread.job?.reject(error);
      thread.job = null;
      // Whatever still waits gets a fresh thread.
      if (!closed && queue.length > 0) next(spawn());
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`password hashing thread exited with code ${code}`)));
    threads.push(thread);
    return thread;
  }

  function run(thread: Thread, job: Job): void {
    thread.job = job;
    thread.startedAt = performance.now();
    thread.worker.postMessage({ password: job.password, salt: job.salt, iterations: job.iterations });
  }

  function next(thread: Thread): void {
    const job = queue.shift();
    if (job) run(thread, job);
  }

  function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
    if (closed) return Promise.reject(new Error('the password hashing pool is closed'));
    const idle = threads.find((thread) => thread.job === null) ?? (threads.length < size ? spawn() : null);
    if (!idle && queue.length >= queueLimit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((queue.length / size) * averageMs / 1000));
      return Promise.reject(fail('service_unavailable', { retryAfterSeconds }));
    }
    return new Promise((resolve, reject) => {
      const job = { password, salt, iterations, resolve, reject };
      if (idle) run(idle, job);
      else queue.push(job);
    });
  }

  const hashing = pbkdf2Hashing(options.iterations ?? productionIterations, pbkdf2);
  return {
    hash: hashing.hash,
    verify: hashing.verify,
    get liveThreads() {
      return threads.length;
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the password hashing pool is closed'));
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
