/**
 * One step of a store's schema history. Once released, a migration's SQL
 * never changes meaning: a new table, column or index is a new entry with the
 * next version, so every database, old or new, ends up the same.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** The migrations a database at `applied` still needs, in order. */
export function pendingMigrations(applied: readonly number[], migrations: readonly Migration[]): Migration[] {
  const known = new Set(migrations.map((migration) => migration.version));
  const unknown = applied.filter((version) => !known.has(version));
  if (unknown.length > 0) {
    // Running old code on a newer database could write rows the new schema does not expect.
    throw new Error(`The database has migrations this version of Latch does not know (${unknown.join(', ')}): upgrade Latch.`);
  }
  const done = new Set(applied);
  return [...migrations].sort((a, b) => a.version - b.version).filter((migration) => !done.has(migration.version));
}
