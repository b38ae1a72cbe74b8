/**
 * How the core's `schema` maps onto SQL tables, shared by both SQL stores.
 * Each kind is one table `latch_<kind>` holding the whole record as JSON,
 * plus one column per indexed field, so lookups use real indexes. The tables
 * themselves are created by the migrations, never from here: a new index in
 * `schema` needs a new migration (the store tests check they agree).
 */
import type { Kind } from '../../core/store/records';
import { generatedFields, kinds, schema } from '../../core/store/schema';

export interface IndexColumn {
  /** The record field, e.g. `verifiedEmail`. */
  field: string;
  /** Its column, e.g. `verified_email`. */
  column: string;
  unique: boolean;
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function tableName(kind: Kind): string {
  return `latch_${snakeCase(kind)}`;
}

/** The index columns the stores write on insert and update (the generated ones the database fills in itself). */
export function indexColumns(kind: Kind): IndexColumn[] {
  return allIndexColumns(kind).filter((index) => !isGenerated(kind, index.field));
}

/** Index columns the database computes from `data` (see `generatedFields`), timestamps included. */
export function generatedColumns(kind: Kind): IndexColumn[] {
  return allIndexColumns(kind).filter((index) => isGenerated(kind, index.field));
}

function allIndexColumns(kind: Kind): IndexColumn[] {
  const { unique, list } = schema[kind] as { unique: readonly string[]; list: readonly string[]; time?: readonly string[] };
  const time = (schema[kind] as { time?: readonly string[] }).time ?? [];
  return [
    ...unique.map((field) => ({ field, column: snakeCase(field), unique: true })),
    ...[...list, ...time].map((field) => ({ field, column: snakeCase(field), unique: false })),
  ];
}

function isGenerated(kind: Kind, field: string): boolean {
  return generatedFields[kind]?.includes(field) ?? false;
}

/** The values of a record's index columns, in `indexColumns` order; a missing field is NULL. */
export function indexValues(kind: Kind, record: object): (string | null)[] {
  return indexColumns(kind).map(({ field }) => {
    const value = (record as Record<string, unknown>)[field];
    return value === undefined || value === null ? null : String(value);
  });
}

/** The unique index a `table.column` belongs to, to turn a driver's constraint error into a UniqueViolation. */
export function uniqueIndexOf(table: string, column: string): { kind: Kind; index: string } | null {
  for (const kind of kinds) {
    if (tableName(kind) !== table) continue;
    const found = allIndexColumns(kind).find((index) => index.unique && index.column === column);
    return found ? { kind, index: found.field } : null;
  }
  return null;
}

/**
 * Index names follow one convention in both dialects, `<table>_<column>_key`
 * for unique and `<table>_<column>_idx` for list indexes, so PostgreSQL's
 * constraint name leads back to the index.
 */
export function uniqueIndexOfConstraint(constraint: string): { kind: Kind; index: string } | null {
  for (const kind of kinds) {
    for (const { field, column, unique } of allIndexColumns(kind)) {
      if (unique && constraint === `${tableName(kind)}_${column}_key`) return { kind, index: field };
    }
  }
  return null;
}

/** Records go in and out as JSON text, which also makes every record handed out a fresh copy. */
export function copyRecord<T>(record: T): T {
  return JSON.parse(JSON.stringify(record)) as T;
}
