import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pbkdf2Hashing, productionIterations, type PasswordHashing } from '../../core/crypto/password';
import { fail } from '../../core/errors';
import { argon2idPrefix, owaspArgon2id, parseStoredHash, type Argon2Params, type VerifyJob } from './formats';
import { hashingWorkerSource } from './worker-source';

export interface HashingPoolOptions {
  /** Worker threads; default one per core (`os.availableParallelism()`). */
  threads?: number;
  /** Hashes that may wait for a free thread; beyond it a sign-in gets 503 with Retry-After. Default 64 per thread. */
  queueLimit?: number;
  /** The scheme of new hashes: argon2id (default) or the core's PBKDF2-SHA256. Either verifies every known format. */
  scheme?: 'argon2id' | 'pbkdf2-sha256';
  /** argon2id setting of new hashes; default OWASP's m = 19 MiB, t = 2, p = 1. Stored hashes carry their own. */
  argon2?: Partial<Argon2Params>;
  /** PBKDF2 iterations of new hashes with `scheme: 'pbkdf2-sha256'`; default 600,000. */
  iterations?: number;
}

/** Password hashing on worker threads of its own; `close()` ends them. */
export interface HashingPool extends PasswordHashing {
  /** Worker threads alive now (they start on first use). */
  readonly liveThreads: number;
  close(): Promise<void>;
}

/** What a thread is asked to do: check against a parsed hash, make an argon2id hash, or derive the core's PBKDF2. */
type Work =
  | (VerifyJob & { password: string })
  | { op: 'argon2-hash'; password: string; params: Argon2Params }
  | { op: 'pbkdf2-derive'; password: Uint8Array; salt: Uint8Array; iterations: number };

interface Job {
  work: Work;
  resolve(result: unknown): void;
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

const require = createRequire(import.meta.url);

/**
 * Password hashing on a bounded pool of worker threads: argon2id at OWASP's
 * setting for new hashes (through @node-rs/argon2, a native binding), and
 * verification of every format `parseStoredHash` knows: the core's PBKDF2,
 * and bcrypt, scrypt (Firebase's too) and PBKDF2 hashes imported from other
 * providers. `needsRehash` tells the sign-in which stored hashes to replace.
 *
 * Hashing a password takes tens to hundreds of milliseconds of CPU; done on
 * libuv's 4 shared threads, every other request that needs one (file
 * system, DNS, WebCrypto) would wait behind a sign-in storm. Here the storm
 * waits in its own queue, and a full queue is refused at once with 503
 * instead of growing without bound.
 */
export function createHashingPool(options: HashingPoolOptions = {}): HashingPool {
  const size = options.threads ?? defaultHashThreads();
  const libraries = { argon2: require.resolve('@node-rs/argon2'), bcryptjs: require.resolve('bcryptjs') };
  const queueLimit = options.queueLimit ?? 64 * size;
  const threads: Thread[] = [];
  const queue: Job[] = [];
  let closed = false;
  // A running estimate of one hash, so Retry-After says roughly when the queue will have drained.
  let averageMs = 300;

  function spawn(): Thread {
    const worker = new Worker(hashingWorkerSource, { eval: true, workerData: libraries });
    // An idle pool must not keep the process alive; requests in flight do that.
    worker.unref();
    const thread: Thread = { worker, job: null, startedAt: 0 };
    worker.on('message', (reply: { result?: unknown; error?: string }) => {
      const job = thread.job;
      thread.job = null;
      averageMs = averageMs * 0.8 + (performance.now() - thread.startedAt) * 0.2;
      if (reply.error === undefined) job?.resolve(reply.result);
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
    thread.worker.postMessage(job.work);
  }

  function next(thread: Thread): void {
    const job = queue.shift();
    if (job) run(thread, job);
  }

  function submit<T>(work: Work): Promise<T> {
    if (closed) return Promise.reject(new Error('the password hashing pool is closed'));
    const idle = threads.find((thread) => thread.job === null) ?? (threads.length < size ? spawn() : null);
    if (!idle && queue.length >= queueLimit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((queue.length / size) * averageMs / 1000));
      return Promise.reject(fail('service_unavailable', { retryAfterSeconds }));
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = { work, resolve: resolve as (result: unknown) => void, reject };
      if (idle) run(idle, job);
      else queue.push(job);
    });
  }

  const iterations = options.iterations ?? productionIterations;
  const core = pbkdf2Hashing(iterations, (password, salt, count) => submit({ op: 'pbkdf2-derive', password, salt, iterations: count }));
  const argon2 = { ...owaspArgon2id, ...options.argon2 };
  const current = options.scheme === 'pbkdf2-sha256' ? `pbkdf2-sha256$${iterations}$` : argon2idPrefix(argon2);
  return {
    hash: options.scheme === 'pbkdf2-sha256' ? core.hash : (password) => submit<string>({ op: 'argon2-hash', password, params: argon2 }),
    async verify(password, stored) {
      const job = parseStoredHash(stored);
      return job ? submit<boolean>({ ...job, password }) : false;
    },
    canVerify: (stored) => parseStoredHash(stored) !== null,
    needsRehash: (stored) => !stored.startsWith(current),
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
