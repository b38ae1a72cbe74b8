import { ErrorCodes } from '@latch/protocol';
import { arSA, deDE, esES, frFR, jaJP } from '@latch/ui/locales';
import { enUS, type LocalizationResource } from '../../src/foundation';

/** Every shipped locale by its export name. */
export const locales: [name: string, resource: LocalizationResource][] = [
  ['frFR', frFR],
  ['deDE', deDE],
  ['esES', esES],
  ['jaJP', jaJP],
  ['arSA', arSA],
];

/**
 * The protocol's error codes the components can meet. Social sign-in, passkeys
 * and email links have no part in the components yet: their messages come
 * with those parts, which show them (the issues 9 and 10 branches, wip/).
 */
export const componentErrorCodes = Object.values(ErrorCodes).filter((code) => !/^(oauth|passkey|email_link|external_account)_/.test(code));

/** `locale` and `dir` describe the resource; every other leaf is text a user sees. */
const metadata = new Set(['locale', 'dir']);

/** Every user-visible string of `tree`, by dotted key ('signIn.start.title'). */
export function strings(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (!prefix && metadata.has(key)) continue;
    if (typeof value === 'object' && value !== null) for (const [k, v] of strings(value, `${path}.`)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

export const english = strings(enUS);

/** The `{{name}}` placeholders of `text`, sorted, one entry per occurrence. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}
