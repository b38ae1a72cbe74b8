import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AdminUserInput, LatchAdmin } from '../core/admin';
import { ApiFailure } from '../core/errors';
import type { Store } from '../core/store/store';

/** The fields one line of an import file may have; everything else is refused, so a typo is not silently dropped. */
const fields = ['externalId', 'emailAddress', 'passwordHash', 'firstName', 'lastName', 'username'] as const;

export interface ImportReport {
  created: number;
  /** Lines whose externalId is already a user's: a re-run creates nothing again. */
  existing: number;
  /** Lines refused, each with its line number (from 1) and why. */
  failed: number;
  lines: number;
}

export interface ImportOptions {
  /** Called with each refused line, as it happens. */
  onError(line: number, message: string): void;
  /** Lines in progress at once (the store serializes writes anyway; PostgreSQL gains from a few). Default 4. */
  concurrency?: number;
}

/**
 * Imports users from a JSON Lines file, one object per line (see the
 * README for the fields and hash formats). The file is streamed, so memory
 * stays flat whatever its size; a bad line is reported with its number and
 * the import goes on. Each user is created with `admin.createUser`, which
 * checks the password hash can be verified. Idempotent by `externalId`: a
 * line whose externalId is already a user's is counted as existing, so
 * running the same file again creates nothing new.
 */
export async function importUsers(admin: LatchAdmin, store: Store, path: string, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { created: 0, existing: 0, failed: 0, lines: 0 };
  const concurrency = options.concurrency ?? 4;
  const inFlight = new Set<Promise<void>>();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() === '') continue;
    report.lines++;
    const line = number;
    const task = importLine(admin, store, text)
      .then((outcome) => void report[outcome]++)
      .catch((error: unknown) => {
        report.failed++;
        options.onError(line, describe(error));
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return report;
}

async function importLine(admin: LatchAdmin, store: Store, text: string): Promise<'created' | 'existing'> {
  const input = parseLine(text);
  if (await store.findBy('users', 'externalId', input.externalId!)) return 'existing';
  try {
    await admin.createUser(input);
    return 'created';
  } catch (error) {
    // The same externalId twice in one file, or a parallel run: the first one won.
    if (error instanceof ApiFailure && error.error.meta?.paramName === 'externalId' && (await store.findBy('users', 'externalId', input.externalId!))) return 'existing';
    throw error;
  }
}

function parseLine(text: string): AdminUserInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportError('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportError('expected one JSON object per line');
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(fields as readonly string[]).includes(key));
  if (unknown.length > 0) throw new ImportError(`unknown field ${unknown.map((key) => JSON.stringify(key)).join(', ')} (allowed: ${fields.join(', ')})`);
  for (const [key, field] of Object.entries(record)) {
    if (typeof field !== 'string' && !(field === null && key !== 'externalId' && key !== 'emailAddress')) throw new ImportError(`${key} must be a string`);
  }
  if (typeof record.externalId !== 'string' || record.externalId === '') throw new ImportError('externalId is required: it is how a re-run recognises the users it created');
  if (typeof record.emailAddress !== 'string') throw new ImportError('emailAddress is required');
  const present = Object.fromEntries(Object.entries(record).filter(([, field]) => field !== null));
  return present as unknown as AdminUserInput;
}

class ImportError extends Error {}

function describe(error: unknown): string {
  if (error instanceof ApiFailure) {
    const param = error.error.meta?.paramName;
    return `${param ? `${param}: ` : ''}${error.message} (${error.error.code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
