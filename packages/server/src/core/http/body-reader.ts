import { Limits } from '@latch/protocol';
import { fail } from '../errors';
import type { JsonObject } from './body';

interface StringRules {
  /** Longest accepted value in code points; default Limits.maxFieldLength. */
  max?: number;
  /** Allow control characters (passwords may hold anything; identifiers may not). */
  allowControl?: boolean;
}

// CR/LF and NUL in an identifier are how header and log injection start.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;
// A lone UTF-16 surrogate is not text: no store can keep it faithfully
// (PostgreSQL refuses it outright), so it is refused in every field.
const loneSurrogate = /\p{Cs}/u;

/**
 * Reads typed fields out of a request body, failing with the protocol's
 * `form_param_*` codes and the field's name. Unknown fields are ignored.
 */
export class BodyReader {
  constructor(private readonly body: JsonObject) {}

  string(name: string, rules?: StringRules): string {
    const value = this.optionalString(name, rules);
    if (value === undefined || value === '') throw fail('form_param_missing', { paramName: name });
    return value;
  }

  optionalString(name: string, rules?: StringRules): string | undefined {
    const value = this.nullableString(name, rules);
    if (value === null) throw fail('form_param_format_invalid', { paramName: name });
    return value;
  }

  /** `undefined` when absent, `null` when explicitly cleared. */
  nullableString(name: string, rules: StringRules = {}): string | null | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string') throw fail('form_param_format_invalid', { paramName: name });
    if (loneSurrogate.test(value)) throw fail('form_param_format_invalid', { paramName: name });
    if (!rules.allowControl && controlCharacters.test(value)) throw fail('form_param_format_invalid', { paramName: name });
    const max = rules.max ?? Limits.maxFieldLength;
    if (value.length > max && [...value].length > max) throw fail('form_param_too_long', { paramName: name });
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw fail('form_param_format_invalid', { paramName: name });
    return value;
  }

  /** A plain JSON object (not an array or null), or undefined when absent. */
  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('form_param_format_invalid', { paramName: name });
    return value as Record<string, unknown>;
  }

  optionalInteger(name: string, min: number, max: number): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw fail('form_param_format_invalid', { paramName: name });
    return value as number;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.string(name);
    if (!(allowed as readonly string[]).includes(value)) throw fail('form_param_format_invalid', { paramName: name });
    return value as T;
  }

  /** An array of strings (each checked like `string`), or undefined when absent. */
  optionalStringList(name: string, rules?: StringRules): string[] | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw fail('form_param_format_invalid', { paramName: name });
    return value.map((item: unknown) => new BodyReader({ [name]: item as string }).string(name, rules));
  }
}
